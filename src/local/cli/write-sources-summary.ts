// --out over several sources: one workbook with every source sheet (as read), the Channel map and the KPI Summary the add-on would generate, every formula computed by the engine.
import { rowArrays } from "../../kpi/cell-grid";
import type { NumberedChannelRow } from "../../kpi/channels/channel-table";
import type { WritableValue } from "../../server/apps-script-api";
import { saveMapping } from "../../server/mapping-store";
import type { SourcedMapping } from "../../server/mapping/source-types";
import type { PeriodInputs } from "../../server/summary/period-block";
import { generateSourcesSummaryFor } from "../../server/summary/sources/generate-sources-summary";
import { type Emulation, createEmulation, installAppsScriptGlobals, partsNotKept } from "../emulation";
import { InputError } from "./cli-errors";
import { loadCsvAsRead } from "./csv-sheet";
import type { HeadlinePeriod } from "./headline-period";
import { localTimeZone } from "./load-xlsx";
import { writeOutput } from "./output-files";
import type { LoadedSource } from "./sources-load";
import { summaryWorkbook } from "./summary-workbook";

export interface SourcesOutArgs {
  path: string;
  /** The one .xlsx a run read, whole, when it read one; else the sources are written into a new workbook. */
  workbook: Emulation | null;
  sources: readonly LoadedSource[];
  mapping: SourcedMapping;
  /** The table the run used; null when it is the workbook's own Channel map, which is kept as it is. */
  channels: readonly NumberedChannelRow[] | null;
  period: HeadlinePeriod | null;
}

function localDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** A sheet of another workbook, as the run read it: the header in its row, the data rows below with the values the report counted. */
function writeAsRead(emu: Emulation, source: LoadedSource): void {
  const { table } = source;
  const grid: WritableValue[][] = Array.from({ length: table.headerRow - 1 }, () => [""]);
  grid.push(table.headers.map((h) => (h === "" ? null : `'${h}`)));
  for (const row of rowArrays(table.rows)) grid.push(row.map((c) => (typeof c === "string" ? (c === "" ? null : `'${c}`) : (c as WritableValue))));
  emu.loadSheet(source.name, grid);
}

export async function writeSourcesWorkbook(args: SourcesOutArgs): Promise<readonly string[]> {
  const emu = args.workbook ?? createEmulation({ sheets: {}, timeZone: localTimeZone() });
  if (args.workbook === null) {
    for (const s of args.sources) {
      if (!args.mapping.sources.some((m) => m.sheetName.toLowerCase() === s.name.toLowerCase())) continue;
      if (s.file.toLowerCase().endsWith(".csv") || s.file.toLowerCase().endsWith(".txt")) loadCsvAsRead(emu, s.table, s.file);
      else writeAsRead(emu, s);
    }
  }
  const uninstall = installAppsScriptGlobals(emu);
  try {
    const now = new Date();
    const chosen = args.period;
    const period: PeriodInputs | undefined = chosen === null ? undefined : {
      preset: chosen.preset,
      customStart: chosen.customStart === null ? "" : localDay(chosen.customStart),
      customEnd: chosen.customEnd === null ? "" : localDay(chosen.customEnd),
    };
    try {
      emu.runExecution(() => generateSourcesSummaryFor(args.mapping, args.channels, null, { save: (m) => saveMapping(m, now).savedAt, now, period }));
    } catch (error) {
      throw new InputError(`cannot generate the KPI Summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    writeOutput(args.path, (await summaryWorkbook(emu, new Map())).buffer);
    return partsNotKept(emu);
  } finally {
    uninstall();
    emu.dispose();
  }
}
