// What summarize reads from a file: the data sheet's header row, its data rows for the report, and a sample for auto-detect.
import type { CellValue } from "../../kpi/cells";

export interface DataTable {
  /** The sheet the data came from (a CSV's is named after the file, as Sheets names an imported CSV). */
  sheetName: string;
  /** Every sheet in the file, in order. */
  sheetNames: string[];
  /** 1-based. */
  headerRow: number;
  headers: string[];
  /** Data rows below the header, as the report reads them. */
  rows: CellValue[][];
  /** The first data rows as Sheets would hand them to auto-detect (dates recognisable as dates). */
  sample: CellValue[][];
}

export interface LoadOptions {
  /** `--sheet`, or the mapping's sheet; null picks the first sheet that is not the summary. */
  sheet: string | null;
  /** Null reads the header from the first non-blank row. */
  headerRow: number | null;
  /** Called now and then with the share of the file read (0..1). */
  onProgress?: (fraction: number) => void;
}

/** Header cells as the server's data sheet reader makes them: trimmed text, dates as their day. */
export function headerText(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? "" : String(value).trim();
}

export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every((cell) => cell === "" || cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""));
}
