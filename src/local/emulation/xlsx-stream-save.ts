// Saves the emulation as a new .xlsx through exceljs's streaming writer: a sheet kept outside the engine goes row by row from its source, the others as xlsxBuffer writes new sheets.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { SETUP_SHEET_NAME } from "../../server/setup-sheet-format";
import type { Emulation } from "./emulation";

import type { SheetModel } from "./sheet-model";
import { definedNamesOf, newSheetOptions, setupContents, writeNewSheet, writeSetupSheet, type XlsxSaveOptions } from "./xlsx-save";

export interface StreamSaveOptions extends XlsxSaveOptions {
  /** Sheets not written at all (a data sheet too large for the file); names that refer to them go too. */
  leaveOut?: ReadonlySet<string>;
  /** Called every few thousand rows of a streamed sheet with the rows written so far. */
  onRows?(sheetName: string, rows: number): void;
}

const PROGRESS_EVERY = 20_000;

/** The format a date typed or imported as a day ("2026-09-23") gets in the emulation, and so in its saved files. */
const DATE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: "yyyy-mm-dd" });
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/** The writer's workbook part says nothing of recalculation; the opening application should compute its own results. */
function askForRecalculation(book: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const zip = (book as unknown as { zip: { append(data: unknown, options: { name: string }): unknown } }).zip;
  const append = zip.append.bind(zip);
  zip.append = (data, options) => {
    if (options?.name === "/xl/workbook.xml" && typeof data === "string") {
      const marked = data.replace(/<calcPr\b([^>]*?)\/>/, '<calcPr$1 fullCalcOnLoad="1"/>');
      return append(marked === data ? data.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>') : marked, options);
    }
    return append(data, options);
  };
}

/** Bytes of a sheet's XML that may wait for the compressor before the rows wait for it. */
const AHEAD_BYTES = 4 << 20;

interface ZipInput {
  writableLength?: number;
  _writableState?: { length: number };
  once(event: "drain", listener: () => void): unknown;
}

/**
 * exceljs hands a sheet's XML to the zip without waiting for it to be compressed, so a million rows would
 * pile up in the zip's input: the rows wait whenever more than AHEAD_BYTES are queued there.
 */
async function compressorCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    // archiver's streams come from readable-stream 2, whose writables keep their queue length in their state only.
    const queued = pipe.writableLength ?? pipe._writableState?.length ?? 0;
    if (queued > AHEAD_BYTES) await new Promise<void>((resolve) => pipe.once("drain", resolve));
  }
}

async function streamRows(sheet: SheetModel, ws: ExcelJS.Worksheet, options: StreamSaveOptions): Promise<void> {
  const source = sheet.unmaterialised;
  if (source === null) return;
  let written = 0;
  for await (const cells of source.fileRows()) {
    const row = ws.addRow(cells as ExcelJS.CellValue[]);
    // Two style objects for every cell: exceljs looks a style up by the object first, and a fresh one per cell costs more than the cell.
    for (let c = 1; c <= cells.length; c++) row.getCell(c).style = source.dateColumns.has(c) && typeof cells[c - 1] === "number" ? DATE_STYLE : PLAIN_STYLE;
    row.commit();
    written++;
    if (written % 2000 === 0) await compressorCaughtUp(ws);
    if (written % PROGRESS_EVERY === 0) options.onRows?.(sheet.name, written);
  }
  options.onRows?.(sheet.name, written);
}

/**
 * The workbook as a new .xlsx, never holding a large sheet's cells in the engine or in exceljs at once: rows are
 * written and let go as they come, waiting for the compressor when they run ahead of it. Every other sheet (the summary, the setup sheet) is written as xlsxBuffer
 * writes a sheet no file held, named ranges and the request to recalculate on opening included.
 */
export async function streamXlsxBuffer(emulation: Emulation, options: StreamSaveOptions = {}): Promise<Buffer> {
  const { workbook } = emulation;
  if (workbook.engine.isEvaluationSuspended()) throw new Error("cannot save while the formula engine is suspended");
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  askForRecalculation(book);
  const { entries, lists } = setupContents(emulation);
  const leftOut = options.leaveOut ?? new Set<string>();
  for (const sheet of workbook.sheets) {
    if (leftOut.has(sheet.name)) continue;
    const ws = book.addWorksheet(sheet.name, newSheetOptions(sheet)) as unknown as ExcelJS.Worksheet;
    if (sheet.unmaterialised !== null) await streamRows(sheet, ws, options);
    else writeNewSheet(emulation, sheet, ws, lists, options);
    (ws as unknown as { commit(): void }).commit();
  }
  if (workbook.sheetByName(SETUP_SHEET_NAME) === undefined) await writeSetupSheet(book as unknown as ExcelJS.Workbook, [...entries, ...lists.entries]);
  // exceljs's DefinedNames keeps a name's every cell in a matrix, a million objects for one column of a large
  // sheet; the writer only reads the model back, so the model is handed over as it is.
  (book as unknown as { _definedNames: { model: unknown } })._definedNames = { model: definedNamesOf(emulation, (sheet) => !leftOut.has(sheet.name)) };
  await book.commit();
  return Buffer.concat(chunks);
}
