// Saves the emulation as .xlsx: into the workbook it was loaded from, rewriting only what changed, or into a new one; every formula with a cached result.
import ExcelJS from "exceljs";
import { DetailedCellError, type CellValue } from "hyperformula";
import { writeAtomically } from "../write-atomically";
import { SETUP_SHEET_NAME } from "../../server/setup-sheet-format";
import { boxA1, columnToLetters, quoteSheetName } from "./a1";
import { cellKey, keyToCell } from "./cell-attributes";
import type { Emulation } from "./emulation";
import { closeOpenRangesAt } from "./open-ended-ranges";
import type { SheetModel, ValidationRecord } from "./sheet-model";
import type { WorkbookModel } from "./workbook-model";
import { sheetsOnlyFallback } from "./sheets-only-fallback";
import { addXlfnPrefixes } from "./xlsx-functions";
import { cellInput, mergesOf } from "./xlsx-load";
import { fromXlsxValidation, isSetupListValidation, rulesOf, toXlsxConditionalFormats, toXlsxValidation, validationKey } from "./xlsx-rules";
import { setupContents, writeSetupSheet, type SetupLists } from "./xlsx-setup-sheet";
export { setupContents, writeSetupSheet } from "./xlsx-setup-sheet";
import { EXCEL_LAST_ROW, rememberXlsxSource, xlsxSourceOf, type LoadedSheet, type XlsxSource } from "./xlsx-source";
import { applyLook, columnWidthToPixels, lookInSheet, lookOfCell, pixelsToColumnWidth, pixelsToRowHeight, rowHeightToPixels } from "./xlsx-styles";

export type CellResult = ExcelJS.CellFormulaValue["result"];

export interface XlsxSaveOptions {
  /**
   * The cached result to store for a formula the engine has not computed (evaluation suspended), such as the
   * CLI's own numbers; consulted before the engine's value.
   */
  cachedResult?(sheetName: string, row: number, column: number): CellResult | undefined;
  /** Sheets whose formulas are written as their results only (values, no formula): a summary whose data is not in the file. */
  valuesOnly?: ReadonlySet<string>;
}

/** The error codes an .xlsx may hold; the engine's own (#CYCLE!, #ERROR!) read as #VALUE! elsewhere. */
const XLSX_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

function resultOf(value: CellValue): CellResult {
  if (value === null) return undefined;
  if (value instanceof DetailedCellError) {
    const code = XLSX_ERRORS.has(value.value) ? value.value : "#VALUE!";
    return { error: code as ExcelJS.CellErrorValue["error"] };
  }
  return value;
}

/** A value as cellInput spells a file's cell, so the two compare. */
function inputOf(value: CellValue): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof DetailedCellError) return `'${value.value}`;
  if (typeof value === "string") return `'${value}`;
  return value;
}

function sameResult(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return false;
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Sets a formula cell from scratch: exceljs drops a falsy result (0, "", false) when a formula cell is updated in place. */
function setFormula(cell: ExcelJS.Cell, value: ExcelJS.CellFormulaValue & { shareType?: "array"; ref?: string }): void {
  cell.value = null;
  cell.value = value as ExcelJS.CellValue;
}

/**
 * Before a shared formula's first cell is rewritten, the cells sharing it get their own formula text:
 * exceljs refuses to write a sharing cell whose master is gone.
 */
function unshare(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const model = master.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
  if (master.type !== ExcelJS.ValueType.Formula || model.shareType !== "shared" || !model.ref) return;
  const [from, to = from] = model.ref.split(":");
  const start = ws.getCell(from);
  const end = ws.getCell(to);
  for (let r = Number(start.row); r <= Number(end.row); r++) {
    for (let c = Number(start.col); c <= Number(end.col); c++) {
      const cell = ws.findCell(r, c);
      const shared = cell?.value as { sharedFormula?: string; result?: CellResult } | null | undefined;
      if (cell === undefined || cell === master || shared?.sharedFormula !== master.address) continue;
      setFormula(cell, { formula: cell.formula, result: shared.result });
    }
  }
}

interface Position {
  row: number;
  column: number;
}

/** Every cell that may hold content: the engine's used area, formulas held back from it, and the file's own cells. */
function contentPositions(workbook: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet, loaded: boolean): { width: number; height: number; extra: Position[] } {
  const { width, height } = workbook.engine.getSheetDimensions(sheet.engineId);
  const extra = new Map<number, Position>();
  for (const [pos] of sheet.userFormulas.entries()) if (pos.row > height || pos.column > width) extra.set(cellKey(pos.row, pos.column), pos);
  if (loaded) {
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (_cell, c) => {
        if (r > height || c > width) extra.set(cellKey(r, c), { row: r, column: c });
      }),
    );
  }
  return { width, height, extra: [...extra.values()] };
}

/** The size of the spill whose first cell is (row, column): right and down while the engine says the cells are part of it. */
function spillBox(workbook: WorkbookModel, sheet: SheetModel, row: number, column: number): { numRows: number; numColumns: number } | null {
  const part = (r: number, c: number) =>
    workbook.engine.isCellPartOfArray({ sheet: sheet.engineId, row: r - 1, col: c - 1 }) && workbook.engine.getCellFormula({ sheet: sheet.engineId, row: r - 1, col: c - 1 }) === undefined;
  if (!workbook.engine.isCellPartOfArray({ sheet: sheet.engineId, row: row - 1, col: column - 1 })) return null;
  let numColumns = 1;
  while (part(row, column + numColumns)) numColumns++;
  let numRows = 1;
  while (part(row + numRows, column)) numRows++;
  return { numRows, numColumns };
}

/**
 * What Excel and LibreOffice compute for `IFERROR(<Sheets-only call>, fallback)`: the fallback, so the file
 * caches that (Sheets, which draws the call, recalculates on upload anyway). Undefined for other formulas.
 */
function elsewhere(workbook: WorkbookModel, sheet: SheetModel, formula: string): CellValue | undefined {
  const fallback = sheetsOnlyFallback(formula);
  if (fallback === null) return undefined;
  const value = workbook.engine.calculateFormula(`=${fallback}`, sheet.engineId);
  return Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
}

function writeCells(emu: Emulation, sheet: SheetModel, ws: ExcelJS.Worksheet, loaded: LoadedSheet | undefined, options: XlsxSaveOptions): Map<number, string> {
  const { workbook } = emu;
  const { engine } = workbook;
  const { width, height, extra } = contentPositions(workbook, sheet, ws, loaded !== undefined);
  const box = { row: 1, column: 1, numRows: Math.max(1, height), numColumns: Math.max(1, width) };
  const formulas = width > 0 && height > 0 ? workbook.readFormulas(sheet, box) : [];
  const values = width > 0 && height > 0 ? engine.getSheetValues(sheet.engineId) : [];
  const written = new Map<number, string>();

  const visit = (row: number, column: number, formula: string, value: CellValue): void => {
    const key = cellKey(row, column);
    const address = { sheet: sheet.engineId, row: row - 1, col: column - 1 };
    const existing = loaded === undefined ? undefined : ws.findCell(row, column);
    if (existing?.type === ExcelJS.ValueType.Merge) return;
    if (formula !== "") {
      written.set(key, formula);
      const held = sheet.userFormulas.get(row, column) !== undefined && engine.isCellEmpty(address);
      const result = options.cachedResult?.(sheet.name, row, column) ?? (held ? undefined : resultOf(elsewhere(workbook, sheet, formula) ?? value));
      if (options.valuesOnly?.has(sheet.name)) {
        const cell = ws.getCell(row, column);
        cell.value = result === undefined ? null : typeof result === "object" && result !== null && "error" in result ? result.error : (result as ExcelJS.CellValue);
        return;
      }
      const spill = held ? null : spillBox(workbook, sheet, row, column);
      if (existing?.type === ExcelJS.ValueType.Formula && loaded?.formulasAtLoad.get(key) === formula) {
        // Untouched: the file's own spelling (shared, prefixed) stays; only a stale cached result is refreshed.
        if (result !== undefined && !sameResult(existing.result, result)) {
          const model = existing.value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
          setFormula(existing, { ...model, result });
        }
        return;
      }
      if (existing !== undefined) unshare(ws, existing);
      const text = addXlfnPrefixes(closeOpenRangesAt(formula.slice(1), EXCEL_LAST_ROW));
      const ref = spill !== null && (spill.numRows > 1 || spill.numColumns > 1)
        ? boxA1({ row, column, numRows: spill.numRows, numColumns: spill.numColumns })
        : undefined;
      setFormula(ws.getCell(row, column), ref === undefined ? { formula: text, result } : { formula: text, result, shareType: "array", ref });
      return;
    }
    // A spill's other cells hold its cached values, as the format has them.
    const input = inputOf(value);
    if (existing !== undefined && input === cellInput(existing)) return;
    if (existing === undefined && input === null) return;
    if (existing !== undefined) unshare(ws, existing);
    const cell = existing ?? ws.getCell(row, column);
    cell.value = value === null ? null : value instanceof DetailedCellError ? value.value : value;
  };

  for (let r = 1; r <= height; r++) {
    const line = values[r - 1] ?? [];
    for (let c = 1; c <= width; c++) visit(r, c, formulas[r - 1]?.[c - 1] ?? "", line[c - 1] ?? null);
  }
  for (const { row, column } of extra) {
    visit(row, column, workbook.readFormulas(sheet, { row, column, numRows: 1, numColumns: 1 })[0][0], null);
  }
  return written;
}

function lookKeys(sheet: SheetModel): Set<number> {
  const keys = new Set<number>();
  for (const store of [sheet.numberFormats, sheet.notes, sheet.backgrounds, sheet.fontColors, sheet.fontWeights, sheet.fontSizes, sheet.alignments, sheet.wraps]) {
    for (const [{ row, column }] of store.entries()) keys.add(cellKey(row, column));
  }
  return keys;
}

function writeLooks(sheet: SheetModel, ws: ExcelJS.Worksheet, loaded: LoadedSheet | undefined): Set<number> {
  const keys = lookKeys(sheet);
  for (const key of loaded?.styledAtLoad ?? []) keys.add(key);
  const styled = new Set<number>();
  for (const key of keys) {
    const { row, column } = keyToCell(key);
    const want = lookInSheet(sheet, row, column);
    const existing = loaded === undefined ? undefined : ws.findCell(row, column);
    const have = existing === undefined ? {} : lookOfCell(existing);
    if (Object.keys(want).length > 0) styled.add(key);
    if (JSON.stringify(want) === JSON.stringify(have)) continue;
    applyLook(existing ?? ws.getCell(row, column), want, have);
  }
  return styled;
}

function writeValidations(sheet: SheetModel, ws: ExcelJS.Worksheet, lists: SetupLists): void {
  const model = rulesOf(ws).dataValidations.model;
  const converted = new Map<ValidationRecord, ExcelJS.DataValidation | undefined>();
  const addresses = new Set(Object.keys(model));
  for (const [{ row, column }] of sheet.validations.entries()) addresses.add(`${columnToLetters(column)}${row}`);
  for (const address of addresses) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (m === null) continue;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const want = sheet.validations.get(Number(m[2]), column);
    // A list kept in the setup sheet is written afresh each time: the sheet is, and its rows may move.
    if (!isSetupListValidation(model[address]) && validationKey(want) === validationKey(fromXlsxValidation(model[address]))) continue;
    if (want !== undefined && !converted.has(want)) converted.set(want, toXlsxValidation(want, lists));
    const validation = want === undefined ? undefined : converted.get(want);
    if (validation === undefined) delete model[address];
    else model[address] = validation;
  }
}

function writeMerges(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const want = new Set(sheet.merges.filter((b) => b.numRows > 1 || b.numColumns > 1).map((b) => boxA1(b)));
  const have = new Set(mergesOf(ws).map((m) => boxA1({ row: m.top, column: m.left, numRows: m.bottom - m.top + 1, numColumns: m.right - m.left + 1 })));
  for (const a1 of have) if (!want.has(a1)) ws.unMergeCells(a1);
  for (const a1 of want) {
    if (have.has(a1)) continue;
    try {
      ws.mergeCells(a1);
    } catch {
      // An area overlapping one merged before it: Sheets keeps the first merge too.
    }
  }
}

function writeSheetLayout(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  writeColumnWidths(sheet, ws);
  writeRowHeights(sheet, ws);
  const view = (ws.views ?? [])[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  const frozen = view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 };
  if (frozen.rows !== sheet.frozenRows || frozen.columns !== sheet.frozenColumns) {
    const { xSplit: _x, ySplit: _y, topLeftCell: _t, state: _s, ...rest } = view ?? {};
    ws.views = sheet.frozenRows > 0 || sheet.frozenColumns > 0
      ? [{ ...rest, state: "frozen", xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
      : [{ ...rest, state: "normal" }];
  }
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  if (hidden !== sheet.hidden) ws.state = sheet.hidden ? "hidden" : "visible";
}

/** A new sheet's views and state, for a streaming writer that takes them when the sheet is added. */
export function newSheetOptions(sheet: SheetModel): Partial<ExcelJS.AddWorksheetOptions> {
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  return {
    state: sheet.hidden ? "hidden" : "visible",
    views: frozen ? [{ state: "frozen", xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] : [{ state: "normal" }],
  };
}

function writeRowHeights(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  for (const [r, pixels] of sheet.rowHeights) {
    const row = ws.getRow(r);
    // A height the file had, read back to the same pixels, stays in its own points (17.35 pt is 23 px, and 23 px is 17.25 pt).
    if (typeof row.height === "number" && rowHeightToPixels(row.height) === pixels) continue;
    row.height = pixelsToRowHeight(pixels);
  }
}

function writeColumnWidths(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const columns = new Set(sheet.columnWidths.keys());
  for (const column of ws.columns ?? []) if (column.isCustomWidth) columns.add(Number(column.number));
  for (const c of columns) {
    const column = ws.getColumn(c);
    const have = column.isCustomWidth && column.width !== undefined ? columnWidthToPixels(column.width) : undefined;
    const want = sheet.columnWidths.get(c);
    if (want !== have) column.width = want === undefined ? undefined : pixelsToColumnWidth(want);
  }
}

/**
 * A sheet no file held before, written into `ws` of a streaming workbook writer: cells with cached results,
 * looks, validations, conditional formats, merges and column widths, as xlsxBuffer writes a new sheet.
 */
export function writeNewSheet(emu: Emulation, sheet: SheetModel, ws: ExcelJS.Worksheet, lists: SetupLists, options: XlsxSaveOptions): void {
  writeCells(emu, sheet, ws, undefined, options);
  writeLooks(sheet, ws, undefined);
  writeValidations(sheet, ws, lists);
  // The streaming writer keeps its rules under another name than the workbook's worksheets do.
  const rules = toXlsxConditionalFormats(sheet, sheet.conditionalRules);
  const streaming = ws as unknown as { conditionalFormatting?: unknown[] };
  if (Array.isArray(streaming.conditionalFormatting)) streaming.conditionalFormatting = rules;
  else rulesOf(ws).conditionalFormattings = rules;
  // A new sheet has no merges to undo (and the streaming writer keeps its own list of them).
  for (const box of sheet.merges) {
    if (box.numRows < 2 && box.numColumns < 2) continue;
    try {
      ws.mergeCells(boxA1(box));
    } catch {
      // An area overlapping one merged before it: Sheets keeps the first merge too.
    }
  }
  writeColumnWidths(sheet, ws);
  writeRowHeights(sheet, ws);
}

/** The emulation's named ranges (those on sheets `keep` accepts) as defined names. */
export function definedNamesOf(emu: Emulation, keep: (sheet: SheetModel) => boolean = () => true): { name: string; ranges: string[] }[] {
  return [...emu.workbook.namedRanges.values()].filter((n) => keep(n.sheet)).map(({ name, sheet, box }) => {
    const end = `$${columnToLetters(box.column + box.numColumns - 1)}$${box.row + box.numRows - 1}`;
    return { name, ranges: [`${quoteSheetName(sheet.name)}!$${columnToLetters(box.column)}$${box.row}:${end}`] };
  });
}

function writeNamedRanges(emu: Emulation, book: ExcelJS.Workbook, source: XlsxSource): void {
  const managed = new Set([...source.namesAtLoad, ...[...emu.workbook.namedRanges.values()].map((n) => n.name)].map((n) => n.toLowerCase()));
  const kept = book.definedNames.model.filter((n) => !managed.has(n.name.toLowerCase()));
  const ours = definedNamesOf(emu);
  book.definedNames.model = [...kept, ...ours];
  source.namesAtLoad = new Set(ours.map((n) => n.name));
}

/**
 * The workbook as .xlsx. A workbook loaded from a file keeps everything of it the emulation did not change
 * (fonts, borders, rich text, hyperlinks, rules it cannot express, print settings...); a save writes into that
 * same file model, so a later save is again relative to what was written.
 */
export async function xlsxBuffer(emulation: Emulation, options: XlsxSaveOptions = {}): Promise<Buffer> {
  const { workbook } = emulation;
  if (workbook.engine.isEvaluationSuspended()) throw new Error("cannot save while the formula engine is suspended");
  const source = xlsxSourceOf(emulation) ?? { book: new ExcelJS.Workbook(), sheets: new Map(), namesAtLoad: new Set<string>(), notKept: [] };
  const { book } = source;
  for (const [sheet, loaded] of [...source.sheets]) {
    if (!workbook.sheets.includes(sheet)) {
      book.removeWorksheet(loaded.ws.id);
      source.sheets.delete(sheet);
    }
  }
  // Renames first, so a new sheet may take a name an existing one gave up.
  for (const [sheet, loaded] of source.sheets) if (loaded.ws.name !== sheet.name) loaded.ws.name = sheet.name;
  const { entries, lists } = setupContents(emulation);
  workbook.sheets.forEach((sheet, index) => {
    const loaded = source.sheets.get(sheet);
    const ws = loaded?.ws ?? book.addWorksheet(sheet.name);
    ws.orderNo = index + 1;
    const formulas = writeCells(emulation, sheet, ws, loaded, options);
    const styled = writeLooks(sheet, ws, loaded);
    writeValidations(sheet, ws, lists);
    if (loaded === undefined || sheet.conditionalRules !== loaded.rulesAtLoad) {
      rulesOf(ws).conditionalFormattings = toXlsxConditionalFormats(sheet, sheet.conditionalRules);
    }
    writeMerges(sheet, ws);
    writeSheetLayout(sheet, ws);
    source.sheets.set(sheet, { ws, rulesAtLoad: sheet.conditionalRules, formulasAtLoad: formulas, styledAtLoad: styled });
  });
  writeNamedRanges(emulation, book, source);
  // A user's own sheet of that name keeps it; the setup then stays in the document only.
  if (workbook.sheetByName(SETUP_SHEET_NAME) === undefined) await writeSetupSheet(book, [...entries, ...lists.entries]);
  // The cached results are this tool's; the application opening the file computes its own.
  book.calcProperties = { ...book.calcProperties, fullCalcOnLoad: true };
  rememberXlsxSource(emulation, source);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes beside the target and renames, so a crash never leaves half a file where a good one was. */
export async function saveXlsx(emulation: Emulation, path: string, options: XlsxSaveOptions = {}): Promise<void> {
  writeAtomically(path, await xlsxBuffer(emulation, options));
}
