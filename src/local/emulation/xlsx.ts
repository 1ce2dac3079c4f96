// Saves an emulated spreadsheet to .xlsx and loads one back: values, formulas with cached results, number formats, notes, named ranges.
import { writeAtomically } from "../write-atomically";
import ExcelJS from "exceljs";
import type { WritableValue } from "../../server/apps-script-api";
import { columnToLetters, parseA1, quoteSheetName } from "./a1";
import { plainEngineValue } from "./cell-values";
import { createEmulation, type Emulation, type EmulationOptions } from "./emulation";
import { AUTOMATIC_FORMAT } from "./number-format";
import { closeOpenRangesAt, openRangesEndingAt } from "./open-ended-ranges";
import { DEFAULT_ROWS } from "./sheet-model";

/** Excel's last row: the only way an .xlsx file can spell Sheets' `C2:C`. */
export const EXCEL_LAST_ROW = 1_048_576;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

type CellResult = ExcelJS.CellFormulaValue["result"];

function cachedResult(value: ReturnType<typeof plainEngineValue>): CellResult {
  if (value === null) return undefined;
  if (typeof value === "string" && /^#[A-Z0-9/!?]+[!?]?$/.test(value)) return { error: value as ExcelJS.CellErrorValue["error"] };
  return value;
}

export async function xlsxBuffer(emulation: Emulation): Promise<Buffer> {
  const { workbook } = emulation;
  const book = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const ws = book.addWorksheet(sheet.name);
    const { width, height } = workbook.engine.getSheetDimensions(sheet.engineId);
    if (width > 0 && height > 0) {
      const box = { row: 1, column: 1, numRows: height, numColumns: width };
      const formulas = workbook.readFormulas(sheet, box);
      const values = workbook.engine.isEvaluationSuspended() ? undefined : workbook.engine.getSheetValues(sheet.engineId);
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) {
          const formula = formulas[r]![c]!;
          const value = plainEngineValue(values?.[r]?.[c] ?? null);
          if (!formula && value === null) continue;
          const cell = ws.getCell(r + 1, c + 1);
          cell.value = formula
            ? { formula: closeOpenRangesAt(formula.slice(1), EXCEL_LAST_ROW), result: cachedResult(value) }
            : value;
        }
      }
    }
    for (const [{ row, column }, format] of sheet.numberFormats.entries()) ws.getCell(row, column).numFmt = format;
    for (const [{ row, column }, note] of sheet.notes.entries()) ws.getCell(row, column).note = note;
    if (sheet.frozenRows > 0) ws.views = [{ state: "frozen", ySplit: sheet.frozenRows }];
  }
  for (const named of workbook.namedRanges.values()) {
    const { box, sheet } = named;
    const end = `$${columnToLetters(box.column + box.numColumns - 1)}$${box.row + box.numRows - 1}`;
    book.definedNames.add(`${quoteSheetName(sheet.name)}!$${columnToLetters(box.column)}$${box.row}:${end}`, named.name);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes beside the target and renames, so a crash never leaves half a file where a good one was. */
export async function saveXlsx(emulation: Emulation, path: string): Promise<void> {
  writeAtomically(path, await xlsxBuffer(emulation));
}

function cellInput(cell: ExcelJS.Cell): WritableValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    return `=${openRangesEndingAt(cell.formula, EXCEL_LAST_ROW)}`;
  }
  if (value instanceof Date) return (value.getTime() - EPOCH_UTC) / 86_400_000;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if ("richText" in value) return `'${value.richText.map((t) => t.text).join("")}`;
  if ("error" in value) return value.error;
  if ("text" in value) return `'${String(value.text)}`;
  return null;
}

export async function loadXlsxBuffer(data: Buffer | ArrayBuffer, options: EmulationOptions = {}): Promise<Emulation> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  const emulation = createEmulation({ ...options, sheets: {} });
  const namedRanges = book.definedNames.model;
  book.eachSheet((ws) => {
    const rows: WritableValue[][] = [];
    const formats: [number, number, string][] = [];
    const notes: [number, number, string][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        (rows[r - 1] ??= [])[c - 1] = cellInput(cell);
        if (cell.numFmt && cell.numFmt !== "General" && cell.numFmt !== AUTOMATIC_FORMAT) formats.push([r, c, cell.numFmt]);
        const note = cell.note;
        if (note) notes.push([r, c, typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("")]);
      });
    });
    const dense = Array.from({ length: rows.length }, (_, r) => rows[r] ?? []);
    // Grid size is not in the file: keep Sheets' 1000-row minimum, and a named range reaching
    // further (saved to the old grid's bottom) still marks where the grid ended.
    const namedEnd = Math.max(0, ...namedRanges.flatMap((n) => n.ranges.map((r) => parseA1(r)).filter((a) => a?.sheetName === ws.name).map((a) => a!.endRow ?? 0)));
    const sheet = emulation.loadSheet(ws.name, dense);
    sheet.maxRows = Math.max(sheet.maxRows, namedEnd, DEFAULT_ROWS);
    for (const [r, c, format] of formats) sheet.numberFormats.set(r, c, format);
    for (const [r, c, note] of notes) sheet.notes.set(r, c, note);
    const frozen = (ws.views ?? []).find((v) => v.state === "frozen");
    if (frozen && "ySplit" in frozen && frozen.ySplit) sheet.frozenRows = frozen.ySplit;
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
    emulation.workbook.setNamedRange(name, sheet, box, endRow === sheet.maxRows);
  }
  emulation.workbook.activeSheet = emulation.workbook.sheets[0];
  return emulation;
}

export async function loadXlsx(path: string, options: EmulationOptions = {}): Promise<Emulation> {
  const { readFile } = await import("node:fs/promises");
  return loadXlsxBuffer(await readFile(path), options);
}
