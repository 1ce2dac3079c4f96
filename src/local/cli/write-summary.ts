// --out: runs the real summary generator on the emulated workbook with evaluation suspended, then saves it with the CLI's numbers as cached results.
import { rowArrays } from "../../kpi/cell-grid";
import { saveMapping } from "../../server/mapping-store";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import { generateSummaryFor } from "../../server/summary/generate-summary";
import { PERIOD, SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import { type Emulation, createEmulation, installAppsScriptGlobals, partsNotKept } from "../emulation";
import { loadCsvAsRead } from "./csv-sheet";
import { parseA1 } from "../emulation/a1";
import { InputError } from "./cli-errors";
import { localTimeZone } from "./load-xlsx";
import { writeOutput } from "./output-files";
import type { OutArgs, WrittenOut } from "./summarize";
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

export async function writeSummaryWorkbook(args: OutArgs): Promise<WrittenOut> {
  const emu = args.workbook ?? createEmulation({ sheets: {}, timeZone: localTimeZone() });
  if (args.workbook === null) loadCsvAsRead(emu, args.table, args.source);
  try {
    const now = new Date();
    if (emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME) !== null) {
      // A summary the team has worked on keeps its period, unit economics and goals; the engine recomputes it.
      runGenerator(emu, args, false, now);
      writeOutput(args.path, (await summaryWorkbook(emu, new Map())).buffer);
      return { notKept: partsNotKept(emu) };
    }
    if (args.period === null) throw new InputError("--out needs at least one date in the data to set the summary's period");
    const generated = runGenerator(emu, args, true, now);
    const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    if (summary === null) throw new Error("the generator did not create the KPI Summary sheet");
    // The CLI's headline period becomes the sheet's custom period, so its numbers and the printed ones agree.
    summary.getRange(PERIOD.preset.row, PERIOD.preset.column).setValue("Custom");
    summary.getRange(PERIOD.customStart.row, PERIOD.customStart.column, 2, 1).setValues([[localDay(args.period.start)], [localDay(args.period.end)]]);
    const cached = summaryValues({
      spec: toFunnelSpec(args.mapping),
      rows: rowArrays(args.table.rows),
      layout: generated.layout,
      period: args.period,
      periodCells: { start: cellOf(PERIOD.start), end: cellOf(PERIOD.end), previousStart: cellOf(PERIOD.previousStart), previousEnd: cellOf(PERIOD.previousEnd) },
    });
    writeOutput(args.path, (await summaryWorkbook(emu, cached)).buffer);
    return { notKept: partsNotKept(emu) };
  } finally {
    emu.dispose();
  }
}
