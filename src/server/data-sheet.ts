// Reads a data sheet in one call and through the reading layer: header row found or given, non-data rows left out, text numbers and dates read by column.
import type { CellValue } from "../kpi/cells";
import { DEFAULT_LOCALE, readingLocale, type ReadingLocale } from "../reading/locale";
import type { ReadingReport } from "../reading/reading-report";
import { readGrid } from "../reading/table-reader";
import type { SheetApi, SheetValue } from "./apps-script-api";
import { spreadsheetApp } from "./services";

export interface DataSheet {
  sheet: SheetApi;
  /** 1-based: as given, or found below title, period and comment lines. */
  headerRow: number;
  headers: string[];
  /**
   * Rows below the header row; row i is sheet row headerRow + 1 + i. Numbers and dates typed or pasted
   * as text are read (dates as serials); a total or repeated header row is an empty row.
   */
  rows: CellValue[][];
  /** The cells as the sheet holds them, same positions as `rows`: what the summary's own formulas see. */
  raw: SheetValue[][];
  reading: ReadingReport;
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

/** The spreadsheet's locale (File → Settings) breaks the ties a column cannot settle. */
export function spreadsheetLocale(): ReadingLocale {
  const tag = spreadsheetApp().getActiveSpreadsheet().getSpreadsheetLocale();
  return readingLocale(tag, "the spreadsheet's locale") ?? DEFAULT_LOCALE;
}

/** `headerRow` null finds the header row; a number is taken as the user's choice. */
export function readDataSheet(sheetName: string, headerRow: number | null): DataSheet {
  const sheet = requireSheet(sheetName);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (headerRow !== null && (!Number.isInteger(headerRow) || headerRow < 1)) {
    throw new UserFacingError("headerRow", `Header row: ${headerRow} is not a row number (1 or more)`);
  }
  if (lastColumn < 1 || lastRow < 1 || (headerRow !== null && lastRow < headerRow)) {
    const where = headerRow === null ? "is empty" : `has nothing in row ${headerRow}; is the header row right?`;
    throw new UserFacingError("headerRow", `Header row: "${sheetName}" ${where}`);
  }
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  const read = readGrid(values, { headerRow, locale: spreadsheetLocale(), sheetName });
  if (read.headers.every((h) => h === "")) {
    throw new UserFacingError("headerRow", `Header row: "${sheetName}" has nothing in row ${read.headerRow}; is the header row right?`);
  }
  const raw = values.slice(read.headerRow);
  // Trailing blank rows are dropped by the reader; the sheet's own rows stay as they are.
  return { sheet, headerRow: read.headerRow, headers: read.headers, rows: read.rows, raw, reading: read.report };
}
