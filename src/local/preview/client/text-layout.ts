// Measures cell text as the grid draws it, to know where text overflows into empty neighbours and how tall wrapped text makes a row.
import type { CellView } from "../grid-view";

export const CELL_FONT_PX = 13;
export const LINE_HEIGHT = 17;
/** Left and right padding inside a cell. */
export const CELL_PADDING = 3;

let context: CanvasRenderingContext2D | null = null;

function fontOf(bold: boolean): string {
  return `${bold ? "bold " : ""}${CELL_FONT_PX}px Arial, Helvetica, sans-serif`;
}

export function textWidth(text: string, bold = false): number {
  context ??= document.createElement("canvas").getContext("2d");
  if (context === null) return text.length * 7;
  context.font = fontOf(bold);
  return context.measureText(text).width;
}

/** Lines of `text` wrapped at word boundaries within `width` pixels, as a wrapped cell shows it. */
export function wrappedLineCount(text: string, width: number, bold = false): number {
  const room = Math.max(1, width - 2 * CELL_PADDING);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let current = "";
    lines++;
    for (const word of paragraph.split(/(\s+)/)) {
      const next = current + word;
      if (current !== "" && textWidth(next.trimEnd(), bold) > room) {
        lines++;
        current = word.trimStart();
      } else current = next;
    }
  }
  return lines;
}

/** The height a row needs for its wrapped cells (Sheets grows such rows; 0 when none wrap). */
export function wrappedHeight(cells: readonly CellView[], widthOf: (index: number) => number): number {
  let lines = 0;
  cells.forEach((cell, i) => {
    if (cell.wrap && cell.text !== "") lines = Math.max(lines, wrappedLineCount(cell.text, widthOf(i), cell.bold === true));
  });
  return lines === 0 ? 0 : lines * LINE_HEIGHT + 4;
}

/** Text overflows only from plain text (not numbers, not wrapped, no dropdown) into cells that are empty. */
export function overflows(cell: CellView): boolean {
  return cell.kind === "text" && !cell.wrap && !cell.dropdown && !cell.sparkline;
}

export function isEmptyCell(cell: CellView | undefined): boolean {
  return cell !== undefined && cell.kind === "empty" && !cell.dropdown && !cell.checkbox && !cell.sparkline;
}

/**
 * How far a cell's text reaches into its row, in columns to the left and right of it: as far as the
 * text needs and the neighbours are empty. `neighbour(offset)` is undefined where the cell is not known yet.
 */
export function overflowReach(
  cell: CellView,
  width: number,
  neighbour: (offset: number) => { cell: CellView | undefined; width: number } | null,
): { left: number; right: number } {
  if (!overflows(cell)) return { left: 0, right: 0 };
  const needed = textWidth(cell.text, cell.bold === true) + 2 * CELL_PADDING;
  if (needed <= width) return { left: 0, right: 0 };
  const align = cell.align ?? "left";
  let spare = needed - width;
  let left = 0;
  let right = 0;
  const grow = (direction: 1 | -1, share: number): number => {
    let gained = 0;
    let steps = 0;
    while (gained < share) {
      const next = neighbour(direction * (steps + 1));
      if (next === null || !isEmptyCell(next.cell)) break;
      gained += next.width;
      steps++;
    }
    if (direction === 1) right = steps;
    else left = steps;
    return gained;
  };
  if (align === "left") grow(1, spare);
  else if (align === "right") grow(-1, spare);
  else {
    spare /= 2;
    grow(-1, spare);
    grow(1, spare);
  }
  return { left, right };
}
