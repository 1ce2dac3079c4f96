// --out: runs the real summary generator on the emulated workbook with evaluation suspended, then saves it with the CLI's numbers as cached results; a CSV's data sheet stays out of the engine and is streamed.
import { saveMapping } from "../../server/mapping-store";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import { generateSummaryFor } from "../../server/summary/generate-summary";
import { PERIOD, SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import { type Emulation, createEmulation, installAppsScriptGlobals, partsNotKept, streamXlsxBuffer } from "../emulation";
import { MAX_WORKBOOK_CELLS, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS } from "../emulation/xlsx-limits";
import { csvDataSheet } from "./csv-data-sheet";
import { parseA1 } from "../emulation/a1";
import { InputError } from "./cli-errors";
import { localTimeZone } from "./load-xlsx";
import { writeOutput } from "./output-files";
import type { OutArgs, WrittenOut } from "./summarize";
import { summaryValues } from "./summary-values";
import { knownResults, summaryWorkbook } from "./summary-workbook";

function cellOf(a1: string): [number, number] {
  const ref = parseA1(a1);
  if (ref?.startRow === undefined || ref.startColumn === undefined) throw new Error(`not a cell: ${a1}`);
  return [ref.startRow, ref.startColumn];
}

function localDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** Generates the summary as the add-on does, saving the mapping into the document so the file carries its setup. */
function runGenerator(emu: Emulation, args: OutArgs, suspend: boolean, now: Date) {
  const uninstall = installAppsScriptGlobals(emu);
  try {
    // The generator reads the data sheet before it calls `save`; suspending there keeps every later
    // write from recalculating SUMIFS over the whole data sheet.
    return emu.runExecution(() =>
      generateSummaryFor(args.mapping, null, (mapping) => {
        const { savedAt } = saveMapping(mapping, now);
        if (suspend) emu.suspendEvaluation();
        return savedAt;
      }, now),
    );
  } catch (error) {
    throw new InputError(`cannot generate the KPI Summary: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    uninstall();
  }
}

/** The CLI's headline period becomes the sheet's custom period, so its numbers and the printed ones agree; then the CLI's numbers for its formulas. */
function customPeriodAndNumbers(emu: Emulation, args: OutArgs, layout: ReturnType<typeof runGenerator>["layout"], period: { start: string; end: string }) {
  const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
  if (summary === null) throw new Error("the generator did not create the KPI Summary sheet");
  summary.getRange(PERIOD.preset.row, PERIOD.preset.column).setValue("Custom");
  summary.getRange(PERIOD.customStart.row, PERIOD.customStart.column, 2, 1).setValues([[localDay(period.start)], [localDay(period.end)]]);
  return summaryValues({
    spec: toFunnelSpec(args.mapping),
    rows: args.table.rows,
    layout,
    period,
    periodCells: { start: cellOf(PERIOD.start), end: cellOf(PERIOD.end), previousStart: cellOf(PERIOD.previousStart), previousEnd: cellOf(PERIOD.previousEnd) },
  });
}

/** Why a data sheet cannot go into the file, or null when it fits both an .xlsx sheet and a Google spreadsheet. */
export function dataSheetTooLarge(rows: number, columns: number): string | null {
  if (rows > XLSX_MAX_ROWS) return `its ${rows.toLocaleString("en-US")} rows are more than an .xlsx sheet holds (${XLSX_MAX_ROWS.toLocaleString("en-US")})`;
  if (columns > XLSX_MAX_COLUMNS) return `its ${columns.toLocaleString("en-US")} columns are more than an .xlsx sheet holds`;
  if (rows * columns > MAX_WORKBOOK_CELLS) return `its ${(rows * columns).toLocaleString("en-US")} cells are more than Google Sheets holds in a spreadsheet (${MAX_WORKBOOK_CELLS.toLocaleString("en-US")})`;
  return null;
}

/**
 * A CSV's --out: the generator reads the data sheet from the column store (the formula engine never holds it),
 * every summary formula gets the CLI's number or, for the few that only read other summary cells, the engine's;
 * the data sheet is then streamed from the CSV into the file. A data sheet too large for a spreadsheet is left
 * out: the summary then holds its numbers as values, since its formulas would have no data to refer to.
 */
async function writeCsvSummary(args: OutArgs): Promise<WrittenOut> {
  if (args.period === null) throw new InputError("--out needs at least one date in the data to set the summary's period");
  const timeZone = localTimeZone();
  const emu = createEmulation({ sheets: {}, timeZone });
  try {
    const data = await csvDataSheet(args.table, args.source, timeZone);
    emu.loadUnmaterialisedSheet(args.table.sheetName, data);
    const now = new Date();
    const generated = runGenerator(emu, args, true, now);
    const cached = customPeriodAndNumbers(emu, args, generated.layout, args.period);
    const tooLarge = dataSheetTooLarge(data.rows, data.columns);
    const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    if (tooLarge !== null && summary !== null) markValuesOnly(summary, args.table.sheetName, tooLarge);
    emu.resumeEvaluationWith(knownResults(cached));
    const written = { rows: 0 };
    const progress = args.progress.then(`writing ${args.path}`);
    const buffer = await streamXlsxBuffer(emu, {
      cachedResult: (sheetName, row, column) => (sheetName === SUMMARY_SHEET_NAME ? cached.get(`${row},${column}`) : undefined),
      leaveOut: tooLarge === null ? new Set() : new Set([args.table.sheetName]),
      valuesOnly: tooLarge === null ? new Set() : new Set([SUMMARY_SHEET_NAME]),
      onRows: (_sheet, rows) => {
        written.rows = rows;
        progress.update(rows / Math.max(1, data.rows));
      },
    });
    progress.finish();
    writeOutput(args.path, buffer);
    return {
      notKept: [],
      note: tooLarge === null ? null : `the data sheet "${args.table.sheetName}" is not in ${args.path}: ${tooLarge}. Its KPI Summary holds funnel-kpis's numbers as values, not live formulas`,
    };
  } finally {
    emu.dispose();
  }
}

/** The summary's description line says its numbers are live formulas; without the data they are values. */
function markValuesOnly(summary: ReturnType<Emulation["spreadsheet"]["getSheetByName"]> & object, dataSheet: string, why: string): void {
  const lines = summary.getRange(1, 1, 3, 1).getValues();
  const at = lines.findIndex((row) => typeof row[0] === "string" && row[0].includes("live formulas"));
  if (at < 0) return;
  summary.getRange(at + 1, 1).setValue(`Data: '${dataSheet}' is not in this file (${why}), so the numbers below are values computed by funnel-kpis, not live formulas; the period cannot be changed here.`);
}

export async function writeSummaryWorkbook(args: OutArgs): Promise<WrittenOut> {
  if (args.workbook === null) return writeCsvSummary(args);
  const emu = args.workbook;
  try {
    const now = new Date();
    if (emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME) !== null) {
      // A summary the team has worked on keeps its period, unit economics and goals; the engine recomputes it.
      runGenerator(emu, args, false, now);
      writeOutput(args.path, (await summaryWorkbook(emu, new Map())).buffer);
      return { notKept: partsNotKept(emu), note: null };
    }
    if (args.period === null) throw new InputError("--out needs at least one date in the data to set the summary's period");
    const generated = runGenerator(emu, args, true, now);
    const cached = customPeriodAndNumbers(emu, args, generated.layout, args.period);
    writeOutput(args.path, (await summaryWorkbook(emu, cached)).buffer);
    return { notKept: partsNotKept(emu), note: null };
  } finally {
    emu.dispose();
  }
}
