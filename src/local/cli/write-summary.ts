// --out: runs the real summary generator on the emulated workbook with evaluation suspended, then saves it with the CLI's numbers as cached results.
import { writeAtomically } from "../write-atomically";
import { computeFunnelReport } from "../../kpi/funnel-report";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import { generateSummaryFor, planSummary } from "../../server/summary/generate-summary";
import { mergeGoals } from "../../server/summary/goals-block";
import { PERIOD, SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import { DEFAULT_UNIT_ECONOMICS } from "../../server/summary/unit-economics-block";
import { type Emulation, createEmulation, installAppsScriptGlobals, saveXlsx, xlsxBuffer } from "../emulation";
import { loadCsvAsRead } from "./csv-sheet";
import { parseA1 } from "../emulation/a1";
import { InputError } from "./cli-errors";
import { localTimeZone } from "./load-xlsx";
import type { OutArgs } from "./summarize";
import { summaryValues } from "./summary-values";
import { summaryWorkbook } from "./summary-workbook";

function cellOf(a1: string): [number, number] {
  const ref = parseA1(a1);
  if (ref?.startRow === undefined || ref.startColumn === undefined) throw new Error(`not a cell: ${a1}`);
  return [ref.startRow, ref.startColumn];
}

function localDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

function runGenerator(emu: Emulation, args: OutArgs, suspend: boolean, now: Date) {
  const uninstall = installAppsScriptGlobals(emu);
  try {
    // The generator reads the data sheet before it calls `save`; suspending there keeps every later
    // write from recalculating SUMIFS over the whole data sheet.
    return emu.runExecution(() =>
      generateSummaryFor(args.mapping, null, () => {
        if (suspend) emu.suspendEvaluation();
        return now.toISOString();
      }, now),
    );
  } catch (error) {
    throw new InputError(`cannot generate the KPI Summary: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    uninstall();
  }
}

export async function writeSummaryWorkbook(args: OutArgs): Promise<void> {
  const emu = args.workbook ?? createEmulation({ sheets: {}, timeZone: localTimeZone() });
  if (args.workbook === null) loadCsvAsRead(emu, args.table, args.source);
  try {
    const now = new Date();
    if (emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME) !== null) {
      // A summary the team has worked on keeps its period, unit economics and goals; the engine recomputes it.
      runGenerator(emu, args, false, now);
      await saveXlsx(emu, args.path);
      return;
    }
    if (args.period === null) throw new InputError("--out needs at least one date in the data to set the summary's period");
    const snapshot = await xlsxBuffer(emu);
    const generated = runGenerator(emu, args, true, now);
    const period = { preset: "Custom" as const, customStart: localDay(args.period.start), customEnd: localDay(args.period.end) };
    const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    if (summary === null) throw new Error("the generator did not create the KPI Summary sheet");
    // The CLI's headline period becomes the sheet's custom period, so its numbers and the printed ones agree.
    summary.getRange(PERIOD.preset.row, PERIOD.preset.column).setValue(period.preset);
    summary.getRange(PERIOD.customStart.row, PERIOD.customStart.column, 2, 1).setValues([[period.customStart], [period.customEnd]]);
    const spec = toFunnelSpec(args.mapping);
    const plan = planSummary(args.mapping, computeFunnelReport(spec, args.table.rows), period, { ...DEFAULT_UNIT_ECONOMICS }, mergeGoals([], null), now);
    const cached = summaryValues({
      spec,
      rows: args.table.rows,
      layout: generated.layout,
      period: args.period,
      periodCells: { start: cellOf(PERIOD.start), end: cellOf(PERIOD.end), previousStart: cellOf(PERIOD.previousStart), previousEnd: cellOf(PERIOD.previousEnd) },
    });
    const sheetModel = emu.sheetModel(SUMMARY_SHEET_NAME);
    const formulaAt = (row: number, column: number): string =>
      emu.workbook.readFormulas(sheetModel, { row, column, numRows: 1, numColumns: 1 })[0][0];
    const { buffer } = await summaryWorkbook(snapshot, emu, { blocks: plan.blocks, formulaAt, cached });
    writeAtomically(args.path, buffer);
  } finally {
    emu.dispose();
  }
}
