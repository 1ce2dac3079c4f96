// --out: runs the real summary generator on the emulated workbook with evaluation suspended, then saves it with the CLI's numbers as cached results; a CSV's data sheet stays out of the engine and is streamed.
import { saveMapping } from "../../server/mapping-store";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import { generateSummaryWithPlan } from "../../server/summary/generate-summary";
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import type { PeriodInputs } from "../../server/summary/period-block";
import { type Emulation, createEmulation, installAppsScriptGlobals, partsNotKept, streamXlsxBuffer } from "../emulation";
import { MAX_WORKBOOK_CELLS, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS } from "../emulation/xlsx-limits";
import { csvDataSheet } from "./csv-data-sheet";
import { InputError } from "./cli-errors";
import { localTimeZone } from "./load-xlsx";
import { writeOutput } from "./output-files";
import type { OutArgs, WrittenOut } from "./summarize";
import { summaryValues } from "./summary-values";
import { knownResults, summaryWorkbook } from "./summary-workbook";

function localDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** Generates the summary as the add-on does, saving the mapping into the document so the file carries its setup. */
function runGenerator(emu: Emulation, args: OutArgs, suspend: boolean, now: Date, period?: PeriodInputs) {
  const uninstall = installAppsScriptGlobals(emu);
  try {
    // Suspending once the data is read keeps every later write from recalculating SUMIFS over the whole data sheet.
    return emu.runExecution(() =>
      generateSummaryWithPlan(args.mapping, null, {
        save: (mapping) => saveMapping(mapping, now).savedAt,
        now,
        period,
        beforeWriting: () => {
          if (suspend) emu.suspendEvaluation();
        },
      }),
    );
  } catch (error) {
    throw new InputError(`cannot generate the KPI Summary: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    uninstall();
  }
}

/** The CLI's headline period as the sheet's period inputs (its preset, or Custom for --from/--to). */
function periodInputs(chosen: NonNullable<OutArgs["period"]>): PeriodInputs {
  return {
    preset: chosen.preset,
    customStart: chosen.customStart === null ? "" : localDay(chosen.customStart),
    customEnd: chosen.customEnd === null ? "" : localDay(chosen.customEnd),
  };
}

/** The generator's plan for a fresh summary, on the CLI's period, with the CLI's numbers for its formulas. */
function planWithNumbers(emu: Emulation, args: OutArgs, chosen: NonNullable<OutArgs["period"]>, now: Date) {
  const { plan } = runGenerator(emu, args, true, now, periodInputs(chosen));
  const cached = summaryValues({
    spec: toFunnelSpec(args.mapping),
    rows: args.table.rows,
    layout: plan.layout,
    metrics: plan.metrics,
    period: { preset: chosen.preset, customStart: chosen.customStart, customEnd: chosen.customEnd },
  });
  return { plan, cached };
}

/** Why a data sheet cannot go into the file, or null when it fits both an .xlsx sheet and a Google spreadsheet. */
export function dataSheetTooLarge(rows: number, columns: number): string | null {
  if (rows > XLSX_MAX_ROWS) return `its ${rows.toLocaleString("en-US")} rows are more than an .xlsx sheet holds (${XLSX_MAX_ROWS.toLocaleString("en-US")})`;
  if (columns > XLSX_MAX_COLUMNS) return `its ${columns.toLocaleString("en-US")} columns are more than an .xlsx sheet holds (${XLSX_MAX_COLUMNS.toLocaleString("en-US")})`;
  if (rows * columns > MAX_WORKBOOK_CELLS) {
    return `its ${(rows * columns).toLocaleString("en-US")} cells are more than a Google spreadsheet holds (${MAX_WORKBOOK_CELLS.toLocaleString("en-US")})`;
  }
  return null;
}

/**
 * A CSV's --out: the generator reads the data sheet from the column store (the formula engine never holds it),
 * every summary formula gets the CLI's number or, for the few that only read other summary cells, the engine's;
 * the data sheet is then streamed from the CSV into the file. A data sheet too large for a spreadsheet is left
 * out, and the summary then holds its numbers as values: its formulas would have no data to refer to.
 */
async function writeCsvSummary(given: OutArgs): Promise<WrittenOut> {
  // A CSV's one table is the sheet named after the file, whatever sheet a mapping file was saved from.
  const args: OutArgs = { ...given, mapping: { ...given.mapping, sheetName: given.table.sheetName } };
  if (args.period === null) throw new InputError("--out needs at least one date in the data to set the summary's period");
  const timeZone = localTimeZone();
  const emu = createEmulation({ sheets: {}, timeZone });
  try {
    const planning = args.progress.then("generating the KPI Summary");
    const data = await csvDataSheet(args.table, args.source, timeZone, (fraction) => planning.update(fraction));
    emu.loadUnmaterialisedSheet(args.table.sheetName, data);
    const { cached } = planWithNumbers(emu, args, args.period, new Date());
    planning.finish();
    const tooLarge = dataSheetTooLarge(data.rows, data.columns);
    if (tooLarge !== null) sayValuesOnly(emu, args.table.sheetName, tooLarge);
    const known = knownResults(cached);
    // Formulas stay held back when the CLI has a number for each: the engine then never sees the data's ranges.
    if (!everyFormulaKnown(emu, known)) emu.resumeEvaluationWith(known);
    const progress = planning.then(`writing ${args.path}`);
    const buffer = await streamXlsxBuffer(emu, {
      cachedResult: known,
      leaveOut: new Set(tooLarge === null ? [] : [args.table.sheetName]),
      valuesOnly: new Set(tooLarge === null ? [] : [SUMMARY_SHEET_NAME]),
      onRows: (_sheet, rows) => progress.update(rows / Math.max(1, data.rows)),
    });
    progress.finish();
    writeOutput(args.path, buffer);
    const note = tooLarge === null
      ? null
      : `${args.path} has no data sheet: "${args.table.sheetName}" does not fit, since ${tooLarge}; its KPI Summary holds funnel-kpis's numbers as values, not formulas`;
    return { notKept: [], note };
  } finally {
    emu.dispose();
  }
}

/** The summary's description line says its numbers are live formulas; without the data in the file they are values. */
function sayValuesOnly(emu: Emulation, dataSheet: string, why: string): void {
  const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
  if (summary === null) return;
  const lines = summary.getRange(1, 1, 3, 1).getValues();
  const at = lines.findIndex((line) => typeof line[0] === "string" && line[0].includes("live formulas"));
  if (at < 0) return;
  const text = String(lines[at][0]).replace(/numbers below are live formulas\.?/, `numbers below are values computed by funnel-kpis, not formulas: '${dataSheet}' is not in this file, since ${why}.`);
  summary.getRange(at + 1, 1).setValue(text);
}

/** True when every formula of the summary has the CLI's number. */
function everyFormulaKnown(emu: Emulation, known: ReturnType<typeof knownResults>): boolean {
  const sheet = emu.sheetModel(SUMMARY_SHEET_NAME);
  const box = { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
  return emu.workbook.readFormulas(sheet, box).every((line, r) => line.every((formula, c) => formula === "" || known(SUMMARY_SHEET_NAME, r + 1, c + 1) !== undefined));
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
    // The CLI's headline period becomes the sheet's period (its preset, or Custom for --from/--to), so its numbers and the printed ones agree.
    const { cached } = planWithNumbers(emu, args, args.period, now);
    writeOutput(args.path, (await summaryWorkbook(emu, cached)).buffer);
    return { notKept: partsNotKept(emu), note: null };
  } finally {
    emu.dispose();
  }
}
