// A rectangle of the summary sheet written in one batch, whose text cells are always text: data and user text never become formulas.
import type { WritableValue } from "../apps-script-api";

/** A native formula, without its leading "=". */
export interface Formula {
  formula: string;
}

/**
 * One cell as a block holds it. A string is literal text, always: a channel named `=IMPORTDATA(...)`,
 * `TRUE`, `00123` or `+1` stays those characters. Formulas are a different type, so no text can turn
 * into one by accident.
 */
export type SheetCell = string | number | boolean | Date | null | Formula;

export const f = (formula: string): Formula => ({ formula });

export function isFormula(cell: SheetCell): cell is Formula {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

export interface Block {
  /** 1-based top-left cell. */
  row: number;
  column: number;
  /** Rows of equal width. */
  cells: SheetCell[][];
  /** Number formats per cell ("" keeps the default). */
  formats?: string[][];
  /** A note per cell ("" for none): how the number in it is computed. */
  notes?: string[][];
  /** Rows (0-based within the block) drawn as headers. */
  headerRows?: number[];
  /** Rows (0-based within the block) drawn as a block title. */
  titleRows?: number[];
  /** Looks beyond header and title rows: the scorecard's large numbers, wrapped labels, greyed helper cells. */
  styles?: CellStyle[];
  /** Text a formula in a column (offset) may show, which its width must fit: "previous period has no data". */
  fits?: { column: number; text: string }[];
}

/** A look applied to a rectangle of a block (offsets within it), with one call per property. */
export interface CellStyle {
  row: number;
  column: number;
  numRows?: number;
  numColumns?: number;
  /** Points; Sheets' default is 10. */
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
}

/**
 * What setValues gets. Apps Script reads a string as if typed, so text goes with the leading apostrophe
 * that Sheets (like Excel and LibreOffice) takes as "this is text": the cell then holds exactly the
 * characters after it, and getValues returns them without the apostrophe.
 */
export function writableOf(cell: SheetCell): WritableValue {
  if (isFormula(cell)) return `=${cell.formula}`;
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  return cell;
}

/** The cell as a file format stores a constant: text as it is, formulas as nothing (they are written separately). */
export function literalValue(cell: SheetCell): WritableValue {
  return isFormula(cell) ? null : cell;
}

export const FORMAT = {
  money: "#,##0.00",
  count: "#,##0",
  rate: "0.0%",
  ratio: "0.00",
  days: "0.0",
  date: "yyyy-mm-dd",
  month: "mmm yyyy",
  percent: "0%",
  none: "",
} as const;

export function blockHeight(block: Block): number {
  return block.cells.length;
}

export function blockWidth(block: Block): number {
  return block.cells[0]?.length ?? 0;
}

/** Pads every row to the same width, as one setValues call needs. */
export function rectangular<T>(rows: T[][], filler: T): T[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => filler)]);
}

/** "B14" for a 1-based row and column; absolute gives "$B$14". */
export function a1(row: number, column: number, absolute = false): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return absolute ? `$${letters}$${row}` : `${letters}${row}`;
}

/** A cell address, 1-based. */
export interface CellRef {
  row: number;
  column: number;
}

export const ref = (cell: CellRef, absolute = true): string => a1(cell.row, cell.column, absolute);

export function countFormulas(blocks: readonly Block[]): number {
  let n = 0;
  for (const block of blocks) for (const row of block.cells) for (const cell of row) if (isFormula(cell)) n++;
  return n;
}

/** The last row and column any block reaches. */
export function extentOf(blocks: readonly Block[]): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const b of blocks) {
    rows = Math.max(rows, b.row + blockHeight(b) - 1);
    columns = Math.max(columns, b.column + blockWidth(b) - 1);
  }
  return { rows, columns };
}
