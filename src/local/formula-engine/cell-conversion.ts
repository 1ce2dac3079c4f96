// Converts between HyperFormula's internal values and the cell values Apps Script hands to custom functions.
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import type { CellInput, CellValue } from "../../kpi/cells";

/** How each engine error shows in a Sheets cell, which is also how Apps Script passes it to a function. */
export const SHEETS_ERROR_TEXT: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#REF!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#REF!",
  [ErrorType.LIC]: "#ERROR!",
  [ErrorType.ERROR]: "#ERROR!",
};

/** One engine scalar as an Apps Script cell value: `""` for blanks, error text for errors. */
export function toCellValue(value: unknown): CellValue {
  if (value === EmptyValue || value === null || value === undefined) return "";
  if (value instanceof CellError) return SHEETS_ERROR_TEXT[value.type];
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // Dates, currencies and percents are numbers with a format attached.
  if (typeof value === "object" && value !== null && "val" in value && typeof value.val === "number") return value.val;
  return String(value);
}

/** An engine argument as Apps Script passes it: a range as rows of cells, anything else as a scalar. */
export function toCellInput(value: unknown): CellInput {
  if (value instanceof SimpleRangeValue) {
    return value.rawData().map((row) => row.map(toCellValue));
  }
  return toCellValue(value);
}
