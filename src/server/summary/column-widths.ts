// Column widths for the summary, read off its blocks: wide enough that no label is clipped at 100% zoom, headers wrapping instead of widening without end.
import { type Block, blockWidth, isFormula } from "./block";
import type { ColumnWidth, Validation } from "./decorations";

/** Sheets' default width; no summary column is narrower. */
export const MIN_WIDTH = 100;
/** Past this a label wraps (headers) rather than widen its column further. */
export const MAX_WIDTH = 300;
/** The first column holds every block's row labels. */
export const LABEL_COLUMN_WIDTH = 260;
const PADDING = 12;
/** A dropdown chip's arrow and rounding. */
const CHIP = 30;
/** Room for a number through its format, in characters: 1,234,567.89 and its currency symbol. */
const NUMBER_CHARACTERS = 13;

/**
 * Arial at Sheets' 10 pt (13 px) in pixels per character, close enough to decide a width: narrow letters,
 * capitals and wide letters measured against the font's advance widths.
 */
export function textWidth(text: string, options: { bold?: boolean; fontSize?: number } = {}): number {
  let em = 0;
  for (const ch of text) {
    if (/[ilj.,:;'|!I]/.test(ch)) em += 0.24;
    else if (/[ frt()\-\[\]/]/.test(ch)) em += 0.32;
    else if (/[mwMW%@]/.test(ch)) em += 0.86;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[0-9]/.test(ch)) em += 0.56;
    else em += 0.54;
  }
  const px = ((options.fontSize ?? 10) * 4) / 3;
  return em * px * (options.bold ? 1.08 : 1);
}

function longestWord(text: string): string {
  return text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), "");
}

interface Need {
  column: number;
  width: number;
}

/** What one block needs of each column it covers. */
function needsOf(block: Block, occupied: (row: number, column: number) => boolean): Need[] {
  const out: Need[] = [];
  const headers = new Set(block.headerRows ?? []);
  const titles = new Set(block.titleRows ?? []);
  const sizeAt = (r: number, c: number): number | undefined =>
    block.styles?.find((s) => r >= s.row && r < s.row + (s.numRows ?? 1) && c >= s.column && c < s.column + (s.numColumns ?? 1) && s.fontSize !== undefined)?.fontSize;
  const wraps = (r: number, c: number): boolean =>
    block.styles?.some((s) => r >= s.row && r < s.row + (s.numRows ?? 1) && c >= s.column && c < s.column + (s.numColumns ?? 1) && s.wrap === true) ?? false;
  const width = blockWidth(block);
  for (const fit of block.fits ?? []) out.push({ column: block.column + fit.column, width: textWidth(fit.text) + PADDING });
  block.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      const column = block.column + c;
      const fontSize = sizeAt(r, c);
      if (isFormula(cell) || typeof cell === "number" || cell instanceof Date) {
        const format = block.formats?.[r]?.[c] ?? "";
        if (format !== "" || fontSize !== undefined) out.push({ column, width: textWidth("0".repeat(NUMBER_CHARACTERS - 3), { fontSize, bold: fontSize !== undefined }) + PADDING });
        return;
      }
      if (typeof cell !== "string" || cell === "" || titles.has(r)) return;
      if (headers.has(r) || wraps(r, c)) {
        // A wrapped label needs its longest word on one line, and at most three lines in all.
        const bold = headers.has(r);
        out.push({ column, width: Math.max(textWidth(longestWord(cell), { bold }), textWidth(cell, { bold }) / 3) + PADDING });
        return;
      }
      // Text runs on into an empty neighbour; it is clipped only where the next cell holds something.
      const nextFilled = c + 1 < width ? line[c + 1] !== "" && line[c + 1] !== null : occupied(block.row + r, column + 1);
      if (nextFilled) out.push({ column, width: textWidth(cell, { fontSize }) + PADDING });
    });
  });
  return out;
}

/** Widths for every column the blocks reach: the widest need, within [MIN_WIDTH, MAX_WIDTH] (the first column at least LABEL_COLUMN_WIDTH). */
export function columnWidths(blocks: readonly Block[], validations: readonly Validation[]): ColumnWidth[] {
  const filled = new Set<string>();
  for (const b of blocks) b.cells.forEach((line, r) => line.forEach((cell, c) => {
    if (cell !== "" && cell !== null) filled.add(`${b.row + r}:${b.column + c}`);
  }));
  const occupied = (row: number, column: number): boolean => filled.has(`${row}:${column}`);
  const widest = new Map<number, number>();
  const need = (column: number, width: number): void => {
    widest.set(column, Math.max(widest.get(column) ?? 0, width));
  };
  for (const b of blocks) for (const n of needsOf(b, occupied)) need(n.column, n.width);
  for (const v of validations) {
    if (v.kind !== "list") continue;
    const longest = Math.max(0, ...v.values.map((x) => textWidth(x)));
    for (let c = v.area.column; c < v.area.column + v.area.numColumns; c++) need(c, longest + CHIP + PADDING);
  }
  const last = Math.max(1, ...blocks.map((b) => b.column + blockWidth(b) - 1));
  return Array.from({ length: last }, (_, i) => {
    const column = i + 1;
    const floor = column === 1 ? LABEL_COLUMN_WIDTH : MIN_WIDTH;
    return { column, width: Math.round(Math.min(Math.max(floor, widest.get(column) ?? 0), column === 1 ? Math.max(MAX_WIDTH, LABEL_COLUMN_WIDTH) : MAX_WIDTH)) };
  });
}
