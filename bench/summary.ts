// Times KPI Summary generation on 100,000-row workbooks in the emulation: the add-on's own work apart from the engine's.
import { resourceUsage } from "node:process";
import type { CellValue } from "../src/kpi/cells";
import { aggregatedDemoRows, AGGREGATED_HEADERS, LEADS_HEADERS, leadDemoRows } from "../src/local/demo-data";
import { createEmulation, installAppsScriptGlobals } from "../src/local/emulation";
import type { WritableValue } from "../src/server/apps-script-api";
import { proposalToMapping, proposeMapping } from "../src/server/mapping/auto-detect";
import { saveAndGenerate } from "../src/server/sidebar-api";
import { SUMMARY_SHEET_NAME } from "../src/server/summary/layout";

const ROWS = Number(process.env.BENCH_SUMMARY_ROWS ?? 100_000);
const MB = 1024 * 1024;
const END = new Date(2026, 10, 1);

/** Daily campaign rows for 6 channels: each demo row split into campaigns until there are `rows`. */
function aggregatedRows(rows: number): CellValue[][] {
  const days = aggregatedDemoRows(END);
  const campaigns = Math.ceil(rows / days.length);
  const out: CellValue[][] = [];
  for (const row of days) {
    for (let c = 0; c < campaigns && out.length < rows; c++) {
      out.push(row.map((cell, i) => (i >= 2 && typeof cell === "number" ? Math.round((cell / campaigns) * 100) / 100 : cell)));
    }
  }
  return out;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function benchOne(label: string, sheetName: string, headers: string[], rows: CellValue[][]): void {
  let started = performance.now();
  const emu = createEmulation({ sheets: { [sheetName]: [headers, ...rows] as WritableValue[][] } });
  const uninstall = installAppsScriptGlobals(emu);
  try {
    const loadMs = performance.now() - started;
    const mapping = proposalToMapping(proposeMapping(sheetName, 1, headers, rows.slice(0, 50)));
    emu.suspendEvaluation();
    emu.calls.reset();
    const heapBefore = process.memoryUsage().heapUsed;
    started = performance.now();
    const report = emu.runExecution(() => saveAndGenerate(mapping, null));
    const addOnMs = performance.now() - started;
    const heapAfter = process.memoryUsage().heapUsed;
    const calls = Object.values(emu.calls.snapshot()).reduce((a, b) => a + b, 0);
    started = performance.now();
    emu.resumeEvaluation();
    const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    summary?.getRange(report.layout.headline.rows.spend, report.layout.headline.currentColumn).getValue();
    const recalcMs = performance.now() - started;
    const data = emu.spreadsheet.getSheetByName(sheetName);
    started = performance.now();
    data?.getRange(2, headers.length).setValue(12345);
    summary?.getRange(report.layout.headline.rows.cost_per_customers, report.layout.headline.currentColumn).getValue();
    const editMs = performance.now() - started;
    console.log(`${label}: ${rows.length.toLocaleString("en")} rows (emulated workbook loaded in ${seconds(loadMs)})`);
    console.log(`  add-on: read, validate, compute and write ${seconds(addOnMs)}; ${calls} service calls; `
      + `heap +${((heapAfter - heapBefore) / MB).toFixed(0)} MB held after generation`);
    console.log(`  summary holds ${report.formulas} formulas; formula engine (stands in for Google's): `
      + `first full recalculation ${seconds(recalcMs)}, recalculation after one data edit ${seconds(editMs)}`);
  } finally {
    uninstall();
    emu.dispose();
  }
}

export async function benchSummary(): Promise<void> {
  benchOne("Summary, aggregated", "Marketing data", AGGREGATED_HEADERS, aggregatedRows(ROWS));
  benchOne("Summary, record-level", "Leads", LEADS_HEADERS, leadDemoRows(END, ROWS));
  console.log(`  peak RSS of this process so far: ${(resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
