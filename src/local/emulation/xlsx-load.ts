// Loads an .xlsx into the emulation: values, formulas (prefixes stripped), spills, looks, validations, merges, widths, frozen panes, hidden sheets, named ranges, the setup sheet.
import ExcelJS from "exceljs";
import type { WritableValue } from "../../server/apps-script-api";
import { parseA1 } from "./a1";
import { cellKey, keyToCell } from "./cell-attributes";
import { createEmulation, type Emulation, type EmulationOptions } from "./emulation";
import { openRangesEndingAt } from "./open-ended-ranges";
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type SheetModel, type ValidationRecord } from "./sheet-model";
import { stripXlfnPrefixes } from "./xlsx-functions";
import { checkXlsxLimits } from "./xlsx-limits";
import { zipEntries } from "./zip-entries";
import { fromXlsxConditionalFormats, fromXlsxValidation, rulesOf } from "./xlsx-rules";
import { isSetupWorksheet, readSetupSheet, setupListRows } from "./xlsx-setup-sheet";
import { EXCEL_LAST_ROW, rememberXlsxSource, type LoadedSheet, type XlsxSource } from "./xlsx-source";
import { columnWidthToPixels, isDefaultRowHeight, loadLook, lookOfCell, rowHeightToPixels } from "./xlsx-styles";

const EPOCH_UTC = Date.UTC(1899, 11, 30);

export interface XlsxLoadOptions extends EmulationOptions {
  /**
   * "store" (the default): the hidden setup sheet is the document's property store, as the preview and the CLI
   * keep it, and is not one of the spreadsheet's sheets. "sheet": it stays an ordinary hidden sheet and the
   * document properties start empty, as when the file is uploaded to Google Sheets.
   */
  setupSheet?: "store" | "sheet";
}

/** A cell as the user would type it back into the sheet (formulas with "=", text with a leading apostrophe). */
export function cellInput(cell: ExcelJS.Cell): WritableValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return `=${openRangesEndingAt(stripXlfnPrefixes(cell.formula), EXCEL_LAST_ROW)}`;
  if (value instanceof Date) return (value.getTime() - EPOCH_UTC) / 86_400_000;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if ("richText" in value) return `'${value.richText.map((t) => t.text).join("")}`;
  // An error typed as a constant has no formula to produce it; it is kept as the text it shows.
  if ("error" in value) return `'${value.error}`;
  if ("text" in value) return `'${String(value.text)}`;
  return null;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** exceljs keeps merges in a private map; a worksheet's `model` would rebuild every row to reach them. */
export function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange | undefined> })._merges ?? {};
  return Object.values(merges).filter((m): m is MergeRange => m !== undefined);
}

/** exceljs keeps rows in a private sparse array; its public walks either skip rows holding only styled cells or create every missing row. */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  return (ws as unknown as { _rows?: ExcelJS.Row[] })._rows ?? [];
}

/** Marks the cells an array formula covers other than its first: they hold the spill's cached values, not input. */
function addSpillChildren(cell: ExcelJS.Cell, children: Set<number>): void {
  const model = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
  if (model.shareType !== "array" || !model.ref) return;
  const ref = parseA1(model.ref);
  if (ref?.startRow === undefined || ref.startColumn === undefined) return;
  const [top, left] = [ref.startRow, ref.startColumn];
  const [bottom, right] = [ref.endRow ?? top, ref.endColumn ?? left];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) if (r !== top || c !== left) children.add(cellKey(r, c));
  }
}

/** Writes rows to the engine in runs of consecutive filled rows, so a sheet with one far cell costs one write, not a million. */
function writeRows(emulation: Emulation, sheet: SheetModel, rows: Map<number, WritableValue[]>): void {
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    const block = numbers.slice(i, j + 1).map((r) => rows.get(r)!);
    const width = block.reduce((w, r) => Math.max(w, r.length), 0);
    if (width > 0) {
      const square = block.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
      emulation.workbook.writeValues(sheet, { row: numbers[i], column: 1, numRows: block.length, numColumns: width }, square);
    }
    i = j + 1;
  }
}

function loadWorksheet(emulation: Emulation, ws: ExcelJS.Worksheet, namedEnd: number, setupLists: Map<number, string[]>): { sheet: SheetModel; loaded: LoadedSheet } {
  const sheet = emulation.workbook.insertSheet(ws.name);
  // An array formula's first cell comes before the others in row order, so one pass finds them in time.
  const children = new Set<number>();
  const rows = new Map<number, WritableValue[]>();
  const formulaCells: [number, number][] = [];
  const styledAtLoad = new Set<number>();
  let lastRow = 0;
  let lastColumn = 0;
  rowsOf(ws).forEach((row) => {
    const r = row.number;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const look = lookOfCell(cell);
      if (Object.keys(look).length > 0) {
        loadLook(sheet, r, c, look);
        styledAtLoad.add(cellKey(r, c));
      }
      // A merged cell other than the first shows the first's value in exceljs; in a spreadsheet it is blank.
      if (cell.type === ExcelJS.ValueType.Merge || children.has(cellKey(r, c))) return;
      if (cell.type === ExcelJS.ValueType.Formula) addSpillChildren(cell, children);
      const input = cellInput(cell);
      if (input === null) return;
      (rows.get(r) ?? rows.set(r, []).get(r)!)[c - 1] = input;
      if (typeof input === "string" && input.startsWith("=")) formulaCells.push([r, c]);
      lastRow = Math.max(lastRow, r);
      lastColumn = Math.max(lastColumn, c);
    });
  });
  // Grid size is not in the file: keep Sheets' 1000-row minimum, and a named range reaching
  // further (saved to the old grid's bottom) still marks where the grid ended.
  sheet.maxRows = Math.max(DEFAULT_ROWS, lastRow, namedEnd);
  sheet.maxColumns = Math.max(DEFAULT_COLUMNS, lastColumn);
  writeRows(emulation, sheet, rows);

  const records = new Map<ExcelJS.DataValidation, ValidationRecord | undefined>();
  for (const [address, validation] of Object.entries(rulesOf(ws).dataValidations.model)) {
    if (validation === undefined) continue;
    if (!records.has(validation)) records.set(validation, fromXlsxValidation(validation, (row) => setupLists.get(row)));
    const record = records.get(validation);
    const ref = parseA1(address);
    if (record !== undefined && ref?.startRow !== undefined && ref.startColumn !== undefined) sheet.validations.set(ref.startRow, ref.startColumn, record);
  }
  for (const m of mergesOf(ws)) sheet.merges.push({ row: m.top, column: m.left, numRows: m.bottom - m.top + 1, numColumns: m.right - m.left + 1 });
  for (const column of ws.columns ?? []) {
    const width = column.width;
    if (column.isCustomWidth && width !== undefined) sheet.columnWidths.set(Number(column.number), columnWidthToPixels(width));
  }
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (typeof row.height === "number" && row.height > 0 && !isDefaultRowHeight(row.height)) sheet.rowHeights.set(r, rowHeightToPixels(row.height));
  });
  const frozen = (ws.views ?? []).find((v) => v.state === "frozen") as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (frozen?.ySplit) sheet.frozenRows = frozen.ySplit;
  if (frozen?.xSplit) sheet.frozenColumns = frozen.xSplit;
  sheet.hidden = ws.state === "hidden" || ws.state === "veryHidden";
  sheet.conditionalRules = fromXlsxConditionalFormats(ws, sheet);
  return { sheet, loaded: { ws, rulesAtLoad: sheet.conditionalRules, formulasAtLoad: new Map(formulaCells.map(([r, c]) => [cellKey(r, c), ""])), styledAtLoad } };
}

/** Parts of a file exceljs reads past and never writes, by the kind of content a person would miss. */
const NOT_KEPT: [RegExp, string][] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\//, "pivot tables"],
  [/^xl\/slicers\//, "slicers"],
  [/^xl\/timelines\//, "timelines"],
  [/^xl\/vbaProject\.bin$/, "macros"],
];

function partsNotKeptIn(data: Buffer): string[] {
  const names = zipEntries(data).map((e) => e.name);
  return NOT_KEPT.filter(([pattern]) => names.some((n) => pattern.test(n))).map(([, kind]) => kind);
}

export async function loadXlsxBuffer(data: Buffer | ArrayBuffer, options: XlsxLoadOptions = {}): Promise<Emulation> {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
  await checkXlsxLimits(buffer);
  const notKept = partsNotKeptIn(buffer);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const emulation = createEmulation({ ...options, sheets: {} });
  const source: XlsxSource = { book, sheets: new Map(), namesAtLoad: new Set(), notKept };
  const namedRanges = book.definedNames.model;
  const namedEndOf = (sheetName: string) =>
    Math.max(0, ...namedRanges.flatMap((n) => n.ranges.map((r) => parseA1(r)).filter((a) => a?.sheetName === sheetName).map((a) => a!.endRow ?? 0)));
  let setup: ExcelJS.Worksheet | undefined;
  book.eachSheet((ws) => {
    if (options.setupSheet !== "sheet" && isSetupWorksheet(ws)) setup = ws;
  });
  const setupLists = setup === undefined ? new Map<number, string[]>() : setupListRows(setup);
  book.eachSheet((ws) => {
    if (ws === setup) return;
    const { sheet, loaded } = loadWorksheet(emulation, ws, namedEndOf(ws.name), setupLists);
    source.sheets.set(sheet, loaded);
  });
  // Formulas that referred to sheets loaded after them, and grids enlarged above, need rebinding.
  emulation.workbook.rebindOpenEndedFormulas();
  for (const { name, ranges } of namedRanges) {
    const ref = ranges[0] ? parseA1(ranges[0]) : undefined;
    const sheet = ref?.sheetName ? emulation.workbook.sheetByName(ref.sheetName) : undefined;
    if (!ref || !sheet || ref.startRow === undefined || ref.startColumn === undefined) continue;
    const endRow = ref.endRow ?? sheet.maxRows;
    const endColumn = ref.endColumn ?? ref.startColumn;
    const box = { row: ref.startRow, column: ref.startColumn, numRows: endRow - ref.startRow + 1, numColumns: endColumn - ref.startColumn + 1 };
    try {
      emulation.workbook.setNamedRange(name, sheet, box, endRow === sheet.maxRows);
      source.namesAtLoad.add(name);
    } catch {
      // A name Sheets would refuse (print areas, names shaped like cells) stays in the file and out of the emulation.
    }
  }
  // The formula text each loaded formula cell reads as now: the engine may respell what the file held.
  for (const [sheet, loaded] of source.sheets) {
    for (const key of loaded.formulasAtLoad.keys()) {
      const { row, column } = keyToCell(key);
      loaded.formulasAtLoad.set(key, emulation.workbook.readFormulas(sheet, { row, column, numRows: 1, numColumns: 1 })[0][0]);
    }
  }
  if (setup !== undefined) readSetupSheet(emulation, setup);
  emulation.workbook.activeSheet = emulation.workbook.sheets.find((s) => !s.hidden) ?? emulation.workbook.sheets[0];
  rememberXlsxSource(emulation, source);
  return emulation;
}

export async function loadXlsx(path: string, options: XlsxLoadOptions = {}): Promise<Emulation> {
  const { readFile } = await import("node:fs/promises");
  return loadXlsxBuffer(await readFile(path), options);
}
