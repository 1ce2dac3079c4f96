// How the multi-source KPI Summary grows with sources × values: formula count, first recalculation, and the recalculation after one data edit and after one Channel map edit.
import type { CellValue } from "../src/kpi/cells";
import { createEmulation, installAppsScriptGlobals } from "../src/local/emulation";
import type { WritableValue } from "../src/server/apps-script-api";
import { CHANNEL_MAP_SHEET_NAME } from "../src/server/channel-map/channel-map-format";
import type { SourcedMapping } from "../src/server/mapping/source-types";
import { saveSourcesAndGenerate } from "../src/server/sources/sources-api";
import { SUMMARY_SHEET_NAME } from "../src/server/summary/layout";

const ROWS = Number(process.env.BENCH_SOURCES_ROWS ?? 5_000);
const HEADERS = ["Day", "Campaign", "Cost", "Clicks", "Customers"];
const CHANNELS = ["Paid Search", "Paid Social", "Display", "Paid Video", "Email", "Affiliates", "Referral", "Cross-network"];

function sourceRows(source: number, values: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(2026, 0, 1 + (i % 300));
    rows.push([day, `Campaign ${source}-${i % values}`, 10 + ((i * 7) % 90), 20 + (i % 50), i % 9 === 0 ? 1 : 0]);
  }
  return rows;
}

function mapping(sources: number): SourcedMapping {
  const col = (i: number) => ({ header: HEADERS[i], index: i });
  return {
    version: 3,
    sources: Array.from({ length: sources }, (_, s) => ({
      id: `ads_${s}`, sheetName: `Ads ${s}`, headerRow: 1, shape: "aggregated" as const, platform: null, role: "ad-spend" as const,
      date: col(0), channel: col(1), channelKind: "campaign" as const, fixedChannel: null, spend: col(2), revenue: null,
    })),
    stages: [
      { key: "clicks", name: "Clicks", supply: Array.from({ length: sources }, (_, s) => ({ source: `ads_${s}`, column: col(3) })) },
      { key: "customers", name: "Customers", supply: Array.from({ length: sources }, (_, s) => ({ source: `ads_${s}`, column: col(4) })) },
    ],
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function benchOne(sources: number, values: number): string {
  const sheets: Record<string, WritableValue[][]> = {};
  for (let s = 0; s < sources; s++) sheets[`Ads ${s}`] = [HEADERS, ...sourceRows(s, values)] as WritableValue[][];
  const emu = createEmulation({ sheets });
  const uninstall = installAppsScriptGlobals(emu);
  try {
    // Every value its own row, spread over the channels; a blank-Value row per source for anything else.
    const table = Array.from({ length: sources }, (_, s) => [
      { source: `Ads ${s}`, value: "", channel: "Paid Search" },
      ...Array.from({ length: values }, (_, v) => ({ source: `Ads ${s}`, value: `Campaign ${s}-${v}`, channel: CHANNELS[(s + v) % CHANNELS.length] })),
    ]).flat();
    emu.suspendEvaluation();
    const report = emu.runExecution(() => saveSourcesAndGenerate(mapping(sources), table, null));
    let started = performance.now();
    emu.resumeEvaluation();
    const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
    const channels = report.layout.channels!;
    summary.getRange(channels.rows[0], channels.columns.spend).getValue();
    const recalcMs = performance.now() - started;
    started = performance.now();
    emu.spreadsheet.getSheetByName("Ads 0")!.getRange(2, 3).setValue(12345);
    summary.getRange(channels.rows[0], channels.columns.spend).getValue();
    const dataEditMs = performance.now() - started;
    started = performance.now();
    emu.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME)!.getRange(3, 3).setValue("Display");
    summary.getRange(channels.rows[0], channels.columns.spend).getValue();
    const mapEditMs = performance.now() - started;
    return `  ${String(sources).padStart(2)} sources × ${String(values).padStart(3)} values (${channels.names.length} channels): `
      + `${report.formulas.toLocaleString("en")} formulas; first recalculation ${seconds(recalcMs)}, `
      + `after a data edit ${seconds(dataEditMs)}, after a Channel map edit ${seconds(mapEditMs)}`;
  } finally {
    uninstall();
    emu.dispose();
  }
}

export async function benchSources(): Promise<void> {
  console.log(`Each source ${ROWS.toLocaleString("en")} aggregated rows (BENCH_SOURCES_ROWS); formula engine as a stand-in for Google's:`);
  for (const [sources, values] of [[2, 5], [2, 20], [4, 5], [4, 20], [8, 5], [8, 20]] as const) console.log(benchOne(sources, values));
}
