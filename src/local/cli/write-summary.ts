// --out: runs the real summary generator on the emulated workbook with evaluation suspended, then saves it with the CLI's numbers as cached results.
import { saveMapping } from "../../server/mapping-store";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import { generateSummaryWithPlan } from "../../server/summary/generate-summary";
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import type { PeriodInputs } from "../../server/summary/period-block";
import { type Emulation, createEmulation, installAppsScriptGlobals, partsNotKept } from "../emulation";
import { loadCsvAsRead } from "./csv-sheet";
import { InputError } from "./cli-errors";
import { localTimeZone } from "./load-xlsx";
import { writeOutput } from "./output-files";
import type { OutArgs, WrittenOut } from "./summarize";
import { summaryValues } from "./summary-values";
import { summaryWorkbook } from "./summary-workbook";

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
    // The CLI's headline period becomes the sheet's period (its preset, or Custom for --from/--to), so its numbers and the printed ones agree.
    const chosen = args.period;
    const period: PeriodInputs = {
      preset: chosen.preset,
      customStart: chosen.customStart === null ? "" : localDay(chosen.customStart),
      customEnd: chosen.customEnd === null ? "" : localDay(chosen.customEnd),
    };
    const { plan } = runGenerator(emu, args, true, now, period);
    const cached = summaryValues({
      spec: toFunnelSpec(args.mapping),
      rows: args.table.rows,
      layout: plan.layout,
      metrics: plan.metrics,
      period: { preset: chosen.preset, customStart: chosen.customStart, customEnd: chosen.customEnd },
    });
    writeOutput(args.path, (await summaryWorkbook(emu, cached)).buffer);
    return { notKept: partsNotKept(emu) };
  } finally {
    emu.dispose();
  }
}
