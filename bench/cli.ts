// Times `funnel-kpis summarize --json` on a 1,000,000-row aggregated CSV against DuckDB doing the same work, each in its own process, and reports the ratio.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildRun, median, runNode } from "./child-run";
import { writeAggregatedCsv } from "./cli-csv";

const ROWS = 1_000_000;
const RUNS = 5;
const ROOT = join(import.meta.dirname, "..");

/** `summarize FILE --json` through bin/funnel-kpis.mjs, as a user runs it. */
export function runSummarize(csv: string, ...flags: string[]): ChildRun {
  return runNode([join(ROOT, "bin", "funnel-kpis.mjs"), "summarize", csv, ...(flags.length > 0 ? flags : ["--json"])]);
}

function runDuckDb(csv: string): ChildRun {
  return runNode([join(ROOT, "bench", "duckdb-summary.mjs"), csv]);
}

function checked(run: ChildRun, who: string): ChildRun {
  if (run.code !== 0) throw new Error(`${who} exited ${run.code}: ${run.stderr.slice(0, 500)}`);
  return run;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpu = (runs: readonly ChildRun[]): string => {
  const values = runs.map((r) => r.cpuSeconds).filter((v): v is number => v !== null);
  return values.length === 0 ? "" : `, ${median(values).toFixed(2)} s CPU`;
};
const peak = (runs: readonly ChildRun[]): string => {
  const values = runs.map((r) => r.peakMb).filter((v): v is number => v !== null);
  return values.length === 0 ? "peak RSS unknown" : `peak RSS ${Math.max(...values).toFixed(0)} MB`;
};

export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-bench-"));
  try {
    const csv = join(dir, "aggregated.csv");
    const writeStarted = performance.now();
    await writeAggregatedCsv(csv, ROWS);
    const mb = statSync(csv).size / 1e6;
    console.log(`CLI: wrote ${ROWS.toLocaleString("en-US")}-row CSV (${mb.toFixed(0)} MB) in ${(performance.now() - writeStarted).toFixed(0)} ms`);
    // Taken in turns, so both see the same load on a shared machine.
    const ours: ChildRun[] = [];
    const duck: ChildRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(checked(runSummarize(csv), "funnel-kpis"));
      duck.push(checked(runDuckDb(csv), "DuckDB"));
    }
    const report = JSON.parse(ours[0].stdout) as { totals: { spend: number; revenue: number; stageCounts: number[] }; channels: unknown[]; months: unknown[] };
    const sql = JSON.parse(duck[0].stdout) as { totals: { spend: number; revenue: number; customers: number }; channels: unknown[]; months: unknown[] };
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    const agree =
      close(report.totals.spend, sql.totals.spend) && close(report.totals.revenue, sql.totals.revenue) &&
      report.totals.stageCounts[2] === sql.totals.customers && report.channels.length === sql.channels.length && report.months.length === sql.months.length;
    const oursMs = median(ours.map((r) => r.ms));
    const duckMs = median(duck.map((r) => r.ms));
    console.log(`CLI: summarize --json on ${ROWS.toLocaleString("en-US")} rows: ${seconds(oursMs)} wall (median of ${RUNS}, process start included${cpu(ours)}), ${peak(ours)}`);
    console.log(`CLI: DuckDB ${"@duckdb/node-api"} doing the same work (read_csv with the same types; totals, ${sql.channels.length} channels, ${sql.months.length} months, the 30-day headline): ${seconds(duckMs)} wall${cpu(duck)}, ${peak(duck)}`);
    console.log(`CLI: funnel-kpis takes ${(oursMs / duckMs).toFixed(2)}× DuckDB's time (target: at most 2×); the two agree on totals, channels and months: ${agree ? "yes" : "NO"}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
