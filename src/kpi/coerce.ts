// Turns what a spreadsheet hands over (scalars, ranges, numeric text) into numbers, dates and text, or a clear error.
import { type CellInput, type CellValue, isBlank, isRange } from "./cells";
import { readDateText } from "../reading/date-text";
import { readNumberText } from "../reading/number-text";
import { dateToSerial, MAX_DATE_SERIAL, MIN_DATE_SERIAL, serialToIsoDate } from "./dates";
import { fail } from "./kpi-error";

/** Which function and which argument a value belongs to, so errors can name both. */
export interface ArgRef {
  fn: string;
  arg: string;
}

/** Where a cell sits inside its argument: a scalar, or a (row, column) of a range, both 1-based. */
interface CellPosition {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const SPREADSHEET_ERRORS = new Set([
  "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!", "#SPILL!", "#CALC!", "#LOADING",
]);

export function isSpreadsheetError(value: CellValue): boolean {
  return typeof value === "string" && SPREADSHEET_ERRORS.has(value.trim().toUpperCase());
}

/** "spend row 4", "spend column 2", "spend row 4, column 2", or just "spend" for a single value. */
export function describeCell(arg: string, position?: CellPosition): string {
  if (!position || (position.rows === 1 && position.columns === 1)) return arg;
  if (position.columns === 1) return `${arg} row ${position.row}`;
  if (position.rows === 1) return `${arg} column ${position.column}`;
  return `${arg} row ${position.row}, column ${position.column}`;
}

/** A value as a user would recognise it in an error message. */
export function describeValue(value: CellValue): string {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid date" : `a date (${serialToIsoDate(dateToSerial(value))})`;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    if (isSpreadsheetError(value)) return `the error ${value.trim().toUpperCase()}`;
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (value === null || value === undefined) return "blank";
  return String(value);
}

/**
 * Reads numeric text in any unambiguous notation: "1,200", "$1,200", "-$1,200.50", "(1,200)", "5%", "1.5e3",
 * "1.234,56", "1 234,56", "1'234.56", "1.200 €", "Rp 1.250.000", "−5", "5,5 %".
 * "1,200" keeps the reading Sheets gives it in its default locale (twelve hundred); "1.200" could be 1.2 or
 * 1200 and, with no column to settle it, is not read (null), as is anything that is not a number.
 */
export function parseNumericText(text: string): number | null {
  const reading = readNumberText(text);
  if (reading === null) return null;
  if (reading.kind === "exact") return reading.value;
  return isCommaGrouped(text) ? reading.ifDot : null;
}

/** "1,200" or "$1,200": one comma before three digits and no point. */
function isCommaGrouped(text: string): boolean {
  return text.includes(",") && !text.includes(".");
}

/** Why numeric-looking text was not read: "could be 1.2 or 1200", or null when it is simply not a number. */
export function numericTextDoubt(text: string): string | null {
  const reading = readNumberText(text);
  if (reading === null || reading.kind === "exact" || isCommaGrouped(text)) return null;
  return `could be ${reading.ifDot} or ${reading.ifComma}; type it as a number`;
}

/** Visits every cell of an argument with its position; a scalar is one cell. */
export function forEachCell(
  input: CellInput,
  visit: (value: CellValue, position: CellPosition) => void,
): void {
  if (!isRange(input)) {
    visit(input, { row: 1, column: 1, rows: 1, columns: 1 });
    return;
  }
  const rows = input.length;
  let columns = 0;
  for (const row of input) if (Array.isArray(row) && row.length > columns) columns = row.length;
  for (let r = 0; r < rows; r++) {
    const row = input[r];
    if (!Array.isArray(row)) {
      visit(row as CellValue, { row: r + 1, column: 1, rows, columns: Math.max(columns, 1) });
      continue;
    }
    for (let c = 0; c < row.length; c++) visit(row[c], { row: r + 1, column: c + 1, rows, columns });
  }
}

/** One cell as a number, or null when blank; anything else (words, booleans, dates, errors) is an error. */
export function cellToNumber(ref: ArgRef, value: CellValue, position?: CellPosition): number | null {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    return fail(ref.fn, `${describeCell(ref.arg, position)} is ${value}, not a finite number`);
  }
  if (isBlank(value)) return null;
  if (typeof value === "string") {
    if (value.trim() === "") return null;
    if (!isSpreadsheetError(value)) {
      const parsed = parseNumericText(value);
      if (parsed !== null) return parsed;
      const doubt = numericTextDoubt(value);
      if (doubt !== null) return fail(ref.fn, `${describeCell(ref.arg, position)} is ${describeValue(value)}, which ${doubt}`);
    }
  }
  return fail(ref.fn, `${describeCell(ref.arg, position)} is ${describeValue(value)}, not a number`);
}

export interface TotalOptions {
  /** Counts cannot be negative: a negative cell is named as the error. */
  nonNegative?: boolean;
}

/** The total of an amount or count argument over its range, blank cells ignored. */
export function total(ref: ArgRef, input: CellInput, options: TotalOptions = {}): number {
  const cells = cellSequence(input);
  let sum = 0;
  for (let i = 0; i < cells.length; i++) {
    const value = cells.at(i);
    // Plain numbers are nearly every cell of a big range: only the rest go through the general reader.
    const n = typeof value === "number" && Number.isFinite(value) ? value : cellToNumber(ref, value, cells.position(i));
    if (n === null) continue;
    if (options.nonNegative && n < 0) {
      fail(ref.fn, `${describeCell(ref.arg, cells.position(i))} is ${n}, and a count cannot be negative`);
    }
    sum += n;
  }
  return sum;
}

/** Every non-blank cell of an argument as a number, in reading order. */
export function numbersOf(ref: ArgRef, input: CellInput): number[] {
  const out: number[] = [];
  forEachCell(input, (value, position) => {
    const n = cellToNumber(ref, value, position);
    if (n !== null) out.push(n);
  });
  return out;
}

/** Counts cells of an argument, blank or not: what a per-row argument must line up with. */
export function cellCount(input: CellInput): number {
  let count = 0;
  forEachCell(input, () => count++);
  return count;
}

/** The single value of an argument: a literal, one cell, or a range holding exactly one non-blank cell. */
export function singleValue(ref: ArgRef, input: CellInput): CellValue {
  if (!isRange(input)) return input;
  let found: CellValue = "";
  let nonBlank = 0;
  const cells = cellCount(input);
  forEachCell(input, (value) => {
    if (!isBlank(value)) {
      nonBlank++;
      found = value;
    }
  });
  if (nonBlank > 1 || (cells > 1 && nonBlank === 0)) {
    return fail(ref.fn, `${ref.arg} must be a single value, not a range of ${cells} cells`);
  }
  return found;
}

/** A single number; blank gives the default when there is one, else an error. */
export function singleNumber(ref: ArgRef, input: CellInput, defaultValue?: number): number {
  const value = singleValue(ref, input);
  const n = cellToNumber(ref, value);
  if (n !== null) return n;
  if (defaultValue !== undefined) return defaultValue;
  return fail(ref.fn, `${ref.arg} is blank; it needs a number`);
}

/** A single piece of text (a KPI name, a statistic, a curve); blank gives the default. */
export function singleText(ref: ArgRef, input: CellInput, defaultValue?: string): string {
  const value = singleValue(ref, input);
  if (typeof value === "string" && value.trim() !== "" && !isSpreadsheetError(value)) return value.trim();
  if (isBlank(value) || (typeof value === "string" && !isSpreadsheetError(value))) {
    if (defaultValue !== undefined) return defaultValue;
    return fail(ref.fn, `${ref.arg} is blank; it needs text`);
  }
  return fail(ref.fn, `${ref.arg} is ${describeValue(value)}, not text`);
}

/**
 * One cell as a date serial, or null when blank: a date cell, a serial number, or date text in a form
 * with one reading ("2025-03-31", "2025-03-31 09:07", "20250331", "31.03.2025", "Mar 31, 2025", "31 Maret 2025");
 * "03/04/2025" could be either day first or month first and is an error saying so.
 */
export function cellToDateSerial(ref: ArgRef, value: CellValue, position?: CellPosition): number | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return dateToSerial(value);
  } else if (typeof value === "number") {
    if (Number.isFinite(value) && value >= MIN_DATE_SERIAL && value <= MAX_DATE_SERIAL) return value;
  } else if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    const reading = readDateText(text);
    if (reading !== null && reading.kind !== "ambiguous") return reading.serial;
    if (reading !== null) {
      const dmy = serialToIsoDate(reading.dmy);
      const mdy = serialToIsoDate(reading.mdy);
      return fail(ref.fn, `${describeCell(ref.arg, position)} is ${describeValue(value)}, which could be ${dmy} (day first) or ${mdy} (month first); write it as YYYY-MM-DD`);
    }
  }
  return fail(ref.fn, `${describeCell(ref.arg, position)} is ${describeValue(value)}, not a date`);
}

/** A single date argument as a serial; blank gives the default when there is one, else an error. */
export function singleDate(ref: ArgRef, input: CellInput, defaultValue?: number): number {
  const serial = cellToDateSerial(ref, singleValue(ref, input));
  if (serial !== null) return serial;
  if (defaultValue !== undefined) return defaultValue;
  return fail(ref.fn, `${ref.arg} is blank; it needs a date`);
}

/** Random access to an argument's cells in reading order, for hot loops that must not allocate per cell. */
export interface CellSequence {
  length: number;
  at(index: number): CellValue;
  position(index: number): CellPosition;
}

export function cellSequence(input: CellInput): CellSequence {
  if (!isRange(input)) {
    return { length: 1, at: () => input, position: () => ({ row: 1, column: 1, rows: 1, columns: 1 }) };
  }
  const rows = input.length;
  const columns = rows > 0 && Array.isArray(input[0]) ? input[0].length : 1;
  if (input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    // Ragged input never comes from Sheets; flatten it rather than guess.
    const flat = flattenCells(input);
    return { length: flat.length, at: (i) => flat[i], position: (i) => ({ row: i + 1, column: 1, rows: flat.length, columns: 1 }) };
  }
  return {
    length: rows * columns,
    at: columns === 1 ? (i) => input[i][0] : (i) => input[(i / columns) | 0][i % columns],
    position: (i) => ({ row: ((i / columns) | 0) + 1, column: (i % columns) + 1, rows, columns }),
  };
}

/** The cells of a per-row argument flattened in reading order, for arguments that must line up row by row. */
export function flattenCells(input: CellInput): CellValue[] {
  const out: CellValue[] = [];
  forEachCell(input, (value) => out.push(value));
  return out;
}
