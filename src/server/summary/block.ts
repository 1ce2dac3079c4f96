// A rectangle of the summary sheet written in one batch: values and formulas, number formats, notes, header rows.
import type { WritableValue } from "../apps-script-api";

export interface Block {
  /** 1-based top-left cell. */
  row: number;
  column: number;
  /** Rows of equal width; a string starting with "=" is a formula. */
  cells: WritableValue[][];
  /** Number formats per cell ("" keeps the default). */
  formats?: string[][];
  /** A note per cell ("" for none): how the number in it is computed. */
  notes?: string[][];
  /** Rows (0-based within the block) drawn as headers. */
  headerRows?: number[];
  /** Rows (0-based within the block) drawn as a block title. */
  titleRows?: number[];
}

export const FORMAT = {
  money: "#,##0.00",
  count: "#,##0",
  rate: "0.0%",
  ratio: "0.00",
  days: "0.0",
  date: "yyyy-mm-dd",
  month: "mmm yyyy",
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

/** "B14" for a 1-based row and column. */
export function a1(row: number, column: number, absolute = false): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return absolute ? `$${letters}$${row}` : `${letters}${row}`;
}

export function countFormulas(blocks: readonly Block[]): number {
  let n = 0;
  for (const block of blocks) for (const row of block.cells) for (const cell of row) if (typeof cell === "string" && cell.startsWith("=")) n++;
  return n;
}
