// Non-throwing readers for one cell as a count/amount or a date, for loops over whole columns where one bad cell must not stop the rest.
import { type CellValue, isBlank } from "../cells";
import { cellToDateSerial, isSpreadsheetError, parseNumericText } from "../coerce";
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL, dateToSerial } from "../dates";
import { KpiError } from "../kpi-error";

/** Marks a filled cell that is not what the column should hold. */
export const NOT_READABLE = Number.NaN;

function isEmptyCell(value: CellValue): boolean {
  return isBlank(value) || (typeof value === "string" && value.trim() === "");
}

/**
 * A count or amount: null when blank, NaN when the cell holds something else (words, booleans, dates, "#N/A").
 * Numeric text ("1,200", "$1,200") goes through the catalogue's parser so every layer agrees on what a number is.
 */
export function readNumber(value: CellValue): number | null {
  if (typeof value === "number") return numberCellAsNumber(value);
  if (isEmptyCell(value)) return null;
  if (typeof value === "string" && !isSpreadsheetError(value)) {
    const parsed = parseNumericText(value);
    if (parsed !== null) return parsed;
  }
  return NOT_READABLE;
}

/** readNumber of a number cell. */
export function numberCellAsNumber(value: number): number {
  return Number.isFinite(value) ? value : NOT_READABLE;
}

/** readDateSerial of a number cell: the same range as the catalogue, since a serial Sheets cannot show as a date is not one. */
export function numberCellAsDate(value: number): number {
  return value >= MIN_DATE_SERIAL && value <= MAX_DATE_SERIAL ? value : NOT_READABLE;
}

const PROBE = { fn: "FUNNEL", arg: "date" };

/**
 * A date as a spreadsheet serial (fraction = time of day): null when blank, NaN when not a date.
 * Numbers count as serials, as in the catalogue; auto-detect is the place that tells dates from counts.
 */
export function readDateSerial(value: CellValue): number | null {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? NOT_READABLE : dateToSerial(value);
  }
  if (isEmptyCell(value)) return null;
  if (typeof value === "number") return numberCellAsDate(value);
  if (typeof value !== "string") return NOT_READABLE;
  // Text dates are rare in real sheets, so paying for the catalogue's throw-based reader here is fine.
  try {
    return cellToDateSerial(PROBE, value);
  } catch (error) {
    if (error instanceof KpiError) return NOT_READABLE;
    throw error;
  }
}
