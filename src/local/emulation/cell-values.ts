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
  /** The number format Sheets infers from typed text ("$1,200.50" → currency, "5%" → percent) when the cell has none. */
  format?: string;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** en_US thousands: "1,200", "-12,345.5"; a comma anywhere else is text. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const CURRENCY = /^([+-]?)\$\s?([\d,]*\.?\d+)$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s?%$/;
/** en_US month/day/year, as Sheets reads "3/31/2025" typed into a cell. */
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Error literals Sheets accepts when typed. */
const ERROR_LITERALS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!"]);

/** The plain-text number format ("Format → Number → Plain text"): typed text stays text. */
export const PLAIN_TEXT_FORMAT = "@";

function plainNumber(text: string): number | undefined {
  if (NUMBER.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/,/g, ""));
  return undefined;
}

/**
 * Apps Script's setValue treats a string as if the user typed it into the cell: "=..." is a formula;
 * "12", "+1", "-5", "00123", "1,200" become numbers, "$1,200.50" currency and "5%" a percentage; "2024-01-31"
 * and "1/31/2024" dates; "true" a boolean; "#N/A" an error. A leading apostrophe forces text (and is not
 * part of it). In a cell formatted as plain text ("@") typed text stays text, as in Sheets' UI; formulas are
 * still read as formulas there, the stricter assumption, since Apps Script documents nothing for it.
 * Text reaches HyperFormula apostrophe-prefixed so it is never re-parsed.
 */
export function toEngineInput(value: WritableValue, timeZone: string, cellFormat?: string): EngineInput {
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
  if (cellFormat === PLAIN_TEXT_FORMAT) return { content: `'${text}` };
  const trimmed = text.trim();
  const number = plainNumber(trimmed);
  if (number !== undefined) return { content: number };
  const currency = CURRENCY.exec(trimmed);
  if (currency && (GROUPED.test(currency[2]) || /^\d*\.?\d+$/.test(currency[2]))) {
    const amount = Number(currency[2].replace(/,/g, ""));
    return { content: currency[1] === "-" ? -amount : amount, format: "$#,##0.00" };
  }
  const percent = PERCENT.exec(trimmed);
  if (percent) return { content: Number(percent[1]) / 100, format: "0%" };
  if (/^(true|false)$/i.test(trimmed)) return { content: trimmed.toLowerCase() === "true" };
  if (ERROR_LITERALS.has(trimmed.toUpperCase())) return { content: trimmed.toUpperCase() };
  const us = US_DATE.exec(trimmed);
  if (us) {
    const [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { content: (check.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, dateFormat: DEFAULT_DATE_FORMAT };
    }
  }
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
