// What reading a table found and assumed: skipped rows with their reasons, and per column what was read and what could not be.
import type { DayOrder, DecimalSeparator } from "./locale";

export type SkipReason = "blank" | "comment" | "title" | "period" | "above-header" | "total" | "repeated-header" | "note";

export interface SkippedRow {
  /** 1-based row in the file or sheet. */
  row: number;
  reason: SkipReason;
  /** The reason in words, with the row's first text: "total row ('Total: Account')". */
  text: string;
}

export type ColumnKind = "number" | "date" | "text" | "empty";

export interface CellSample {
  /** "C17", or "Data!C17" for a sheet. */
  address: string;
  text: string;
}

export interface ColumnReport {
  index: number;
  header: string;
  kind: ColumnKind;
  /** Numbers: the decimal separator used (null: no value needed one). */
  decimal: DecimalSeparator | null;
  /** Dates: the day order used for d/m/y text (null: no value needed one). */
  dayOrder: DayOrder | null;
  /** What was assumed and why: "decimal comma, from the locale de-DE: values like '1.200' could be either". */
  assumptions: string[];
  /** Set when the column's cells use more than one format ("12 cells write a decimal point, 3 a decimal comma"). */
  mixed: string | null;
  /** Filled cells that are not what the column holds: the first few and how many in all. */
  unreadable: { count: number; cells: CellSample[] };
  /** Cells that arrived as text and were read as numbers or dates: what a sheet's own formulas cannot count. */
  fromText: { count: number; cells: CellSample[] };
}

export interface ReadingReport {
  /** 1-based. */
  headerRow: number;
  /** How the header row was chosen. */
  headerReason: string;
  skipped: SkippedRow[];
  /** Skipped rows beyond those listed, by reason. */
  skippedCount: number;
  columns: ColumnReport[];
  /** The file's encoding and delimiter, when read from bytes. */
  encoding: string | null;
  dialect: string | null;
  /** The locale ties were broken with, and where it came from. */
  locale: string;
}

/** How many skipped rows and cells a report lists by address; the rest are counted. */
export const LISTED_ROWS = 200;
export const LISTED_CELLS = 5;
