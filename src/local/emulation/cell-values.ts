// Translates cell values between Apps Script's shapes (Dates, "" for blanks, "=..." strings) and HyperFormula's.
import { DetailedCellError, ErrorType, type CellValue, type RawCellContent } from "hyperformula";
import type { SheetValue, WritableValue } from "../../server/apps-script-api";
import { dateToSerial, isoToSerial, serialToDate } from "./dates";
import { DEFAULT_DATE_FORMAT, DEFAULT_DATETIME_FORMAT } from "./number-format";

/** One cell ready for the engine, and the date format it brings when the cell has none. */
export interface EngineInput {
  content: RawCellContent;
  formula?: string;
  dateFormat?: string;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Apps Script's setValue treats a string as if the user typed it: "=..." is a formula,
 * "12" becomes a number, "2024-01-31" a date, "true" a boolean, and a leading apostrophe
 * forces text. Text reaches HyperFormula apostrophe-prefixed so it is never re-parsed.
 */
export function toEngineInput(value: WritableValue, timeZone: string): EngineInput {
  if (value === null || value === undefined || value === "") return { content: null };
  if (typeof value === "number") return { content: Number.isFinite(value) ? value : "#NUM!" };
  if (typeof value === "boolean") return { content: value };
  if (value instanceof Date) {
    const serial = dateToSerial(value, timeZone);
    return { content: serial, dateFormat: Number.isInteger(serial) ? DEFAULT_DATE_FORMAT : DEFAULT_DATETIME_FORMAT };
  }
  const text = String(value);
  if (text.startsWith("=") && text.length > 1) return { content: text, formula: text };
  if (text.startsWith("'")) return { content: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { content: Number(trimmed) };
  if (/^(true|false)$/i.test(trimmed)) return { content: trimmed.toLowerCase() === "true" };
  const serial = isoToSerial(trimmed);
  if (serial !== undefined) return { content: serial, dateFormat: Number.isInteger(serial) ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss" };
  return { content: `'${text}` };
}

/** An error as Sheets shows it: a spill with no room is `#REF!` there (the engine says `#SPILL!`). */
function errorText(error: DetailedCellError): string {
  return error.type === ErrorType.SPILL ? "#REF!" : error.value;
}

/** What the engine holds, with errors as their text: the input of number formatting. */
export function plainEngineValue(value: CellValue): number | string | boolean | null {
  return value instanceof DetailedCellError ? errorText(value) : value;
}

export function toSheetValue(value: CellValue, isDate: boolean, timeZone: string): SheetValue {
  if (value === null) return "";
  if (value instanceof DetailedCellError) return errorText(value);
  if (typeof value === "number" && isDate) return serialToDate(value, timeZone);
  return value;
}
