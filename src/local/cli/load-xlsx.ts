// Reads an .xlsx for the CLI: the data sheet streamed row by row within the grid's bounds (other sheets skipped), or the whole workbook into the emulation for --out.
import { readFileSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue } from "../../kpi/cells";
import { SAMPLE_ROWS } from "../../server/mapping/auto-detect";
import { SETUP_SHEET_NAME, setupProperties } from "../../server/setup-sheet-format";
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import { type Emulation, loadXlsx, XlsxLimitError, ZipFormatError } from "../emulation";
import { serialToDate } from "../emulation/dates";
import { isDateFormat } from "../emulation/number-format";
import { MAX_WORKBOOK_CELLS, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, worksheetParts } from "../emulation/xlsx-limits";
import { zipEntries } from "../emulation/zip-entries";
import { InputError } from "./cli-errors";
import { type DataTable, type LoadOptions, headerText, isBlankRow } from "./data-table";

/**
 * Dates come back at midnight in the workbook's zone and the report reads a Date's local calendar day,
 * so the workbook is opened in this process's zone, as Apps Script runs in the spreadsheet's.
 */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function unreadable(path: string, error: unknown): InputError {
  if (error instanceof XlsxLimitError) return new InputError(`${path}: ${error.message}`);
  const why = error instanceof Error ? error.message : String(error);
  return new InputError(`${path} is not a spreadsheet funnel-kpis can read: it is not an .xlsx workbook (${why})`);
}

function checkNotEmpty(path: string): void {
  if (statSync(path).size === 0) throw new InputError(`${path} is empty: a zero-byte file is not a workbook`);
}

/** The whole workbook in the emulation, as --out needs it; its size is checked before anything is built. */
export async function openWorkbook(path: string): Promise<Emulation> {
  checkNotEmpty(path);
  try {
    return await loadXlsx(path, { timeZone: localTimeZone() });
  } catch (error) {
    throw unreadable(path, error);
  }
}

/** Picks the data sheet, finds the header row and splits off the data rows, with messages that name the file and sheet. */
function tableOf(path: string, name: string, sheetNames: string[], values: CellValue[][], options: LoadOptions): DataTable {
  if (values.length === 0 || values.every((row) => row.length === 0)) throw new InputError(`${path}: sheet "${name}" is empty`);
  let headerRow = options.headerRow;
  if (headerRow === null) headerRow = values.findIndex((row) => !isBlankRow(row)) + 1;
  if (headerRow > values.length || isBlankRow(values[headerRow - 1])) {
    throw new InputError(`${path}: sheet "${name}" has nothing in row ${headerRow}, the header row`);
  }
  const headers = values[headerRow - 1].map(headerText);
  const rows = values.slice(headerRow);
  if (rows.every(isBlankRow)) throw new InputError(`${path}: sheet "${name}" has a header row but no data rows below it`);
  options.onProgress?.(1);
  return { sheetName: name, sheetNames, headerRow, headers, rows, sample: rows.slice(0, SAMPLE_ROWS) };
}

function noSuchSheet(path: string, wanted: string | null, sheetNames: readonly string[]): InputError {
  const list = sheetNames.map((n) => `"${n}"`).join(", ");
  return new InputError(wanted !== null ? `${path} has no sheet named "${wanted}"; its sheets are ${list}` : `${path} has no data sheet, only ${list}`);
}

/** The sheet a run reads: the one asked for (case-insensitively, as Sheets finds it), else the first that is not the summary. */
function chooseSheet(sheetNames: readonly string[], wanted: string | null): string | undefined {
  if (wanted !== null) return sheetNames.find((n) => n.toLowerCase() === wanted.toLowerCase());
  return sheetNames.find((n) => n !== SUMMARY_SHEET_NAME && n !== SETUP_SHEET_NAME);
}

export function readWorkbookTable(emu: Emulation, path: string, options: LoadOptions): DataTable {
  const sheetNames = emu.spreadsheet.getSheets().map((s) => s.getName());
  const chosen = chooseSheet(sheetNames, options.sheet);
  const sheet = chosen === undefined ? null : emu.spreadsheet.getSheetByName(chosen);
  if (sheet === null) throw noSuchSheet(path, options.sheet, sheetNames);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const values: CellValue[][] = lastRow === 0 || lastColumn === 0 ? [] : sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  return tableOf(path, sheet.getName(), sheetNames, values, options);
}

/** The sheets of a zip, in tab order, read from its directory alone (nothing is unpacked but workbook.xml and its links). */
async function tabNames(path: string, data: Buffer): Promise<string[]> {
  try {
    zipEntries(data);
    return [...(await worksheetParts(data)).values()];
  } catch (error) {
    throw unreadable(path, error instanceof ZipFormatError ? error : new Error(String(error)));
  }
}

const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** One streamed cell as Sheets' getValues hands it over: dates by their number format, in the workbook's zone. */
function streamedValue(cell: ExcelJS.Cell, timeZone: string): CellValue | "formula" {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !(value instanceof Date) && "formula" in value) return "formula";
  if (typeof value === "object" && !(value instanceof Date) && "sharedFormula" in value) return "formula";
  const asNumber = (n: number): CellValue => (isDateFormat(cell.numFmt) ? serialToDate(n, timeZone) : n);
  if (value instanceof Date) return asNumber((value.getTime() - EPOCH_UTC) / 86_400_000);
  if (typeof value === "number") return asNumber(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return String(value.text);
  return "";
}

/**
 * A sheet left unread. When a file's sheets come before its shared strings (exceljs writes them so), the reader
 * copies each sheet to a temporary file and, as soon as the next sheet is asked for, deletes the copy of one
 * nobody read: possibly before that sheet's stream has even opened it, whose ENOENT would then be thrown
 * outside any caller. The stream is closed here, and an error it still reports is of no interest.
 */
function skipUnread(ws: unknown): void {
  const source = (ws as { iterator?: unknown }).iterator;
  if (source instanceof Readable) {
    source.on("error", () => undefined);
    source.destroy();
  }
}

/**
 * Streams the workbook once: the setup sheet's rows (for a saved mapping) and the data sheet's cells are read,
 * every other sheet is skipped unread. Each cell is checked against the .xlsx grid and the whole against
 * Sheets' cell limit before it is kept, so a file claiming a cell at row 2,000,000 fails at once.
 */
async function streamSheets(path: string, sheetNames: readonly string[], dataSheet: string | undefined, setup: boolean): Promise<{ values: CellValue[][] | null; setupRows: string[][] }> {
  const timeZone = localTimeZone();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  let values: CellValue[][] | null = null;
  const setupRows: string[][] = [];
  let cells = 0;
  let done = 0;
  const wanted = (dataSheet === undefined ? 0 : 1) + (setup ? 1 : 0);
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    if (setup && name === SETUP_SHEET_NAME) {
      for await (const row of ws) {
        const line: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => (line[c - 1] = cell.text ?? ""));
        setupRows[row.number - 1] = Array.from({ length: line.length }, (_, i) => line[i] ?? "");
      }
    } else if (name === dataSheet) {
      const rows: CellValue[][] = [];
      let formula = false;
      let width = 0;
      for await (const row of ws) {
        if (row.number > XLSX_MAX_ROWS) throw new InputError(`${path}: sheet "${name}" has a cell at row ${row.number.toLocaleString("en-US")}, past the last row an .xlsx sheet can have (${XLSX_MAX_ROWS.toLocaleString("en-US")})`);
        const line: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (c > XLSX_MAX_COLUMNS) throw new InputError(`${path}: sheet "${name}" has a cell past column XFD, the last an .xlsx sheet can have`);
          if (++cells > MAX_WORKBOOK_CELLS) throw new InputError(`${path}: sheet "${name}" has more than ${MAX_WORKBOOK_CELLS.toLocaleString("en-US")} cells, the most a Google spreadsheet can hold`);
          const value = streamedValue(cell, timeZone);
          if (value === "formula") formula = true;
          else line[c - 1] = value;
        });
        if (line.length > 0) {
          rows[row.number - 1] = line;
          width = Math.max(width, line.length);
        }
      }
      // A formula's cached result may be stale or missing; the emulation computes it as Sheets would.
      values = formula ? null : Array.from({ length: rows.length }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ""));
    } else {
      skipUnread(ws);
      continue;
    }
    if (++done === wanted) break;
  }
  // Stopping early leaves the rest of the file unread; its handle is closed rather than left to the collector.
  (reader as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
  if (dataSheet !== undefined && values === null && done < wanted) throw noSuchSheet(path, dataSheet, sheetNames);
  return { values, setupRows: Array.from({ length: setupRows.length }, (_, i) => setupRows[i] ?? []) };
}

export interface XlsxSummaryInput {
  /** The data sheet, or null when it holds formulas and must be read through the emulation. */
  table: DataTable | null;
  /** The document properties the workbook's setup sheet carries (the saved mapping among them). */
  setup: Map<string, string>;
}

/**
 * The CLI's read of an .xlsx when no workbook is written: only the setup sheet and the data sheet are unpacked.
 * `chooseSheet(setup)` names the data sheet once the saved setup is known (a saved mapping names its sheet).
 */
export async function streamWorkbookTable(path: string, options: LoadOptions, sheetFromSetup: (setup: Map<string, string>) => { sheet: string | null; headerRow: number | null }): Promise<XlsxSummaryInput> {
  checkNotEmpty(path);
  const data = readFileSync(path);
  const tabs = await tabNames(path, data);
  const sheetNames = tabs.filter((n) => n !== SETUP_SHEET_NAME);
  try {
    let setup = new Map<string, string>();
    if (tabs.includes(SETUP_SHEET_NAME)) setup = setupProperties((await streamSheets(path, sheetNames, undefined, true)).setupRows);
    const fromSetup = sheetFromSetup(setup);
    const wantedName = options.sheet ?? fromSetup.sheet;
    const name = chooseSheet(sheetNames, wantedName);
    if (name === undefined) throw noSuchSheet(path, wantedName, sheetNames);
    const { values } = await streamSheets(path, sheetNames, name, false);
    const table = values === null ? null : tableOf(path, name, sheetNames, values, { ...options, headerRow: options.headerRow ?? fromSetup.headerRow });
    return { table, setup };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(path, error);
  }
}

