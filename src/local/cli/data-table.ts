// What summarize reads from a file: the data sheet's header row, its data rows for the report, a sample for auto-detect, and what reading it found.
import type { TableRows } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import type { ReadingLocale } from "../../reading/locale";
import type { ReadingReport } from "../../reading/reading-report";

export interface DataTable {
  /** The sheet the data came from (a CSV's is named after the file, as Sheets names an imported CSV). */
  sheetName: string;
  /** Every sheet in the file, in order. */
  sheetNames: string[];
  /** 1-based. */
  headerRow: number;
  headers: string[];
  /** Data rows below the header, as the report reads them; a skipped row (a total, a repeated header) is empty. A CSV's are a column store. */
  rows: TableRows;
  /** The first data rows as Sheets would hand them to auto-detect (dates recognisable as dates). */
  sample: CellValue[][];
  /** Rows skipped and columns read, with every assumption; absent before the reading step ran. */
  reading?: ReadingReport;
}

export interface LoadOptions {
  /** `--sheet`, or the mapping's sheet; null picks the first sheet that is not the summary. */
  sheet: string | null;
  /** `--header-row` or the mapping's; null finds the header row below titles, periods and comments. */
  headerRow: number | null;
  /** `--locale`: breaks ties a column cannot settle (decimal separator, day order); null guesses from the data. */
  locale: ReadingLocale | null;
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
