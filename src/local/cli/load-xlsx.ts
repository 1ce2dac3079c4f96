// Loads an .xlsx workbook into the emulation and reads the data sheet as Sheets would hand it to the add-on.
import { statSync } from "node:fs";
import type { CellValue } from "../../kpi/cells";
import { SAMPLE_ROWS } from "../../server/mapping/auto-detect";
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import { type Emulation, loadXlsx } from "../emulation";
import { InputError } from "./cli-errors";
import { type DataTable, type LoadOptions, headerText, isBlankRow } from "./data-table";

/**
 * Dates come back at midnight in the workbook's zone and the report reads a Date's local calendar day,
 * so the workbook is opened in this process's zone, as Apps Script runs in the spreadsheet's.
 */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export async function openWorkbook(path: string): Promise<Emulation> {
  if (statSync(path).size === 0) throw new InputError(`${path} is empty: a zero-byte file is not a workbook`);
  try {
    return await loadXlsx(path, { timeZone: localTimeZone() });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path} is not a spreadsheet funnel-kpis can read: it is not an .xlsx workbook (${why})`);
  }
}

export function readWorkbookTable(emu: Emulation, path: string, options: LoadOptions): DataTable {
  const sheets = emu.spreadsheet.getSheets();
  const sheetNames = sheets.map((s) => s.getName());
  const wanted = options.sheet;
  const sheet =
    wanted !== null
      ? emu.spreadsheet.getSheetByName(wanted)
      : (sheets.find((s) => s.getName() !== SUMMARY_SHEET_NAME) ?? null);
  if (sheet === null) {
    const list = sheetNames.map((n) => `"${n}"`).join(", ");
    throw new InputError(
      wanted !== null ? `${path} has no sheet named "${wanted}"; its sheets are ${list}` : `${path} has no data sheet, only ${list}`,
    );
  }
  const name = sheet.getName();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) throw new InputError(`${path}: sheet "${name}" is empty`);
  const values: CellValue[][] = sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  let headerRow = options.headerRow;
  if (headerRow === null) {
    const firstFilled = values.findIndex((row) => !isBlankRow(row));
    headerRow = firstFilled + 1;
  }
  if (headerRow > lastRow || isBlankRow(values[headerRow - 1])) {
    throw new InputError(`${path}: sheet "${name}" has nothing in row ${headerRow}, the header row`);
  }
  const headers = values[headerRow - 1].map(headerText);
  const rows = values.slice(headerRow);
  if (rows.every(isBlankRow)) throw new InputError(`${path}: sheet "${name}" has a header row but no data rows below it`);
  options.onProgress?.(1);
  return { sheetName: name, sheetNames, headerRow, headers, rows, sample: rows.slice(0, SAMPLE_ROWS) };
}
