// The HTML of one grid cell as Sheets draws it: aligned by kind, styled, overflowing or wrapped, with its note, error, dropdown chip, checkbox or sparkline.
import { escapeHtml } from "../../../server/html-escape";
import type { CellView } from "../grid-view";
import { sparklineSvg } from "./sparkline-svg";

export interface CellPlace {
  row: number;
  column: number;
  a1: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Pixels the text reaches past the cell to the left and right, over empty neighbours. */
  reachLeft: number;
  reachRight: number;
  /** The gridline on the right is hidden: text runs on into the next cell. */
  joinedRight: boolean;
  selected: boolean;
}

/** Numbers and dates sit on the right, TRUE/FALSE in the middle, text on the left, unless the add-on aligned the cell. */
function alignmentOf(cell: CellView): "left" | "center" | "right" {
  if (cell.align) return cell.align;
  if (cell.kind === "number") return "right";
  if (cell.kind === "boolean") return "center";
  return "left";
}

function safeColor(value: string | undefined): string | undefined {
  return value !== undefined && /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([\d\s.,%]+\))$/i.test(value.trim()) ? value.trim() : undefined;
}

export function cellHtml(cell: CellView | null, place: CellPlace): string {
  const classes = ["cell"];
  const style = [`left:${place.left}px`, `top:${place.top}px`, `width:${place.width}px`, `height:${place.height}px`];
  const attrs = [`data-cell="${place.a1}"`, `data-row="${place.row}"`, `data-column="${place.column}"`];
  if (place.selected) classes.push("selected");
  if (place.joinedRight) classes.push("joined-right");
  if (cell === null) {
    classes.push("loading");
    return `<div class="${classes.join(" ")}" ${attrs.join(" ")} style="${style.join(";")}"></div>`;
  }
  classes.push(`kind-${cell.kind}`);
  const background = safeColor(cell.background);
  if (background) style.push(`background:${background}`);
  const color = safeColor(cell.color);
  if (color) style.push(`color:${color}`);
  if (cell.bold) style.push("font-weight:bold");
  // Sheets' sizes are points; the grid's default 10 pt is drawn at 13 px, as Sheets does at 100%.
  if (cell.fontSize !== undefined && Number.isFinite(cell.fontSize)) style.push(`font-size:${Math.round(cell.fontSize * (4 / 3) * 10) / 10}px`);
  if (cell.wrap) classes.push("wrap");
  if (cell.note !== undefined) {
    classes.push("has-note");
    attrs.push(`data-note="${escapeHtml(cell.note)}"`);
  }
  if (cell.error !== undefined) {
    classes.push("has-error");
    attrs.push(`data-error="${escapeHtml(cell.error)}"`);
  }
  if (cell.invalid !== undefined) {
    classes.push("invalid");
    attrs.push(`data-invalid="${escapeHtml(`Invalid: ${cell.invalid}`)}"`);
  }
  if (cell.spilledFrom) attrs.push(`data-spilled-from="${cell.spilledFrom}"`);
  const align = alignmentOf(cell);
  let content: string;
  if (cell.sparkline) {
    content = sparklineSvg(cell.sparkline, place.width - 1, place.height - 1);
  } else if (cell.checkbox !== undefined) {
    content = `<span class="checkbox${cell.checkbox ? " checked" : ""}" role="checkbox" aria-checked="${cell.checkbox}" aria-label="${place.a1}">${cell.checkbox ? "✓" : ""}</span>`;
  } else if (cell.dropdown) {
    classes.push("has-dropdown");
    const value = cell.text === "" ? "" : `<span class="chip-text">${escapeHtml(cell.text)}</span>`;
    content = `<button type="button" class="chip${cell.text === "" ? " empty" : ""}" data-dropdown="${place.a1}" aria-haspopup="listbox" aria-label="Choose a value for ${place.a1}">${value}<span class="chip-arrow" aria-hidden="true">▾</span></button>`;
  } else {
    const reach = place.reachLeft > 0 || place.reachRight > 0;
    if (reach) classes.push("overflowing");
    const textStyle = [`text-align:${align}`];
    if (reach) textStyle.push(`left:${-place.reachLeft}px`, `right:${-place.reachRight}px`);
    content = `<span class="cell-text" style="${textStyle.join(";")}">${escapeHtml(cell.text)}</span>`;
  }
  return `<div class="${classes.join(" ")}" ${attrs.join(" ")} style="${style.join(";")}">${content}</div>`;
}
