// Reads a data sheet in one call: its header row and every row below it, as the mapping and report need them.
import type { SheetApi, SheetValue } from "./apps-script-api";
import { spreadsheetApp } from "./services";

export interface DataSheet {
  sheet: SheetApi;
  headers: string[];
  /** Rows below the header row; row i is sheet row headerRow + 1 + i. */
  rows: SheetValue[][];
}

/** A problem the user can fix, shown next to what caused it; never a crash. */
export class UserFacingError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "UserFacingError";
    this.field = field;
  }
}

export function requireSheet(sheetName: string): SheetApi {
  const sheet = spreadsheetApp().getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) {
    throw new UserFacingError("sheetName", `Data sheet: there is no sheet named "${sheetName}" any more; choose the data sheet again`);
  }
  return sheet;
}

export function readDataSheet(sheetName: string, headerRow: number): DataSheet {
  const sheet = requireSheet(sheetName);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (!Number.isInteger(headerRow) || headerRow < 1) {
    throw new UserFacingError("headerRow", `Header row: ${headerRow} is not a row number (1 or more)`);
  }
  if (lastRow < headerRow || lastColumn < 1) {
    throw new UserFacingError("headerRow", `Header row: "${sheetName}" has nothing in row ${headerRow}; is the header row right?`);
  }
  const values = sheet.getRange(headerRow, 1, lastRow - headerRow + 1, lastColumn).getValues();
  const headers = values[0].map((h) => (h instanceof Date ? h.toISOString().slice(0, 10) : String(h).trim()));
  return { sheet, headers, rows: values.slice(1) };
}
