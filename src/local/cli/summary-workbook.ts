// Assembles the --out workbook: the input's sheets as they were, plus the generated KPI Summary with the CLI's cached results.
import ExcelJS from "exceljs";
import { dateToSerial } from "../../kpi/dates";
import type { WritableValue } from "../../server/apps-script-api";
import { type Block, literalValue } from "../../server/summary/block";
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import type { Emulation } from "../emulation";
import { columnToLetters, quoteSheetName } from "../emulation/a1";
import { closeOpenRangesAt } from "../emulation/open-ended-ranges";
import { EXCEL_LAST_ROW } from "../emulation/xlsx";
import { type CachedValue, cellKey } from "./summary-values";

function constantCell(value: WritableValue): ExcelJS.CellValue | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  // Serials, not Dates: exceljs would write a Date in UTC, the sheet means the local calendar day.
  if (value instanceof Date) return dateToSerial(value);
  return value;
}

export interface SummarySheetParts {
  /** The planned blocks, for the summary's constants (labels, inputs, notes columns). */
  blocks: readonly Block[];
  /** Formula per cell as the emulated sheet holds it after generation. */
  formulaAt(row: number, column: number): string;
  cached: ReadonlyMap<string, CachedValue>;
}

export interface WrittenSummary {
  formulas: number;
  cached: number;
}

/**
 * `snapshot` is the workbook saved before generation (the input's sheets with their values).
 * The summary's number formats, notes, frozen rows and named ranges come from the emulation, which
 * recorded them while evaluation was suspended.
 */
export async function summaryWorkbook(snapshot: Buffer, emu: Emulation, parts: SummarySheetParts): Promise<{ buffer: Buffer; written: WrittenSummary }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(snapshot as unknown as ArrayBuffer);
  const ws = book.addWorksheet(SUMMARY_SHEET_NAME);
  const written: WrittenSummary = { formulas: 0, cached: 0 };
  for (const block of parts.blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = block.row + r;
        const column = block.column + c;
        const formula = parts.formulaAt(row, column);
        if (formula !== "") {
          const result = parts.cached.get(cellKey(row, column));
          ws.getCell(row, column).value = { formula: closeOpenRangesAt(formula.slice(1), EXCEL_LAST_ROW), result };
          written.formulas++;
          if (result !== undefined) written.cached++;
          return;
        }
        const constant = constantCell(literalValue(value));
        if (constant !== undefined) ws.getCell(row, column).value = constant;
      }),
    );
  }
  const sheet = emu.sheetModel(SUMMARY_SHEET_NAME);
  for (const [{ row, column }, format] of sheet.numberFormats.entries()) ws.getCell(row, column).numFmt = format;
  for (const [{ row, column }, note] of sheet.notes.entries()) ws.getCell(row, column).note = note;
  if (sheet.frozenRows > 0) ws.views = [{ state: "frozen", ySplit: sheet.frozenRows }];
  const known = new Set(book.definedNames.model.map((n) => n.name));
  for (const named of emu.workbook.namedRanges.values()) {
    if (known.has(named.name)) continue;
    const { box } = named;
    const end = `$${columnToLetters(box.column + box.numColumns - 1)}$${box.row + box.numRows - 1}`;
    book.definedNames.add(`${quoteSheetName(named.sheet.name)}!$${columnToLetters(box.column)}$${box.row}:${end}`, named.name);
  }
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), written };
}
