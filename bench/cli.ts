// Times `funnel-kpis summarize` on a 1,000,000-row aggregated CSV in a child process and reports its peak memory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAggregatedCsv } from "./cli-csv";

const ROWS = 1_000_000;
const ROOT = join(import.meta.dirname, "..");
const GNU_TIME = "/usr/bin/time";

/** Peak RSS of the child in MB: GNU time's report when it is installed, else the child's own resourceUsage. */
export function runSummarize(csv: string): { ms: number; peakMb: number | null; code: number | null; stderr: string } {
  const launcher = join(ROOT, "bin", "funnel-kpis.mjs");
  const args = [launcher, "summarize", csv, "--json"];
  const started = performance.now();
  const result = existsSync(GNU_TIME)
    ? spawnSync(GNU_TIME, ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, ["--import", join(ROOT, "bench", "report-max-rss.mjs"), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  const gnu = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const own = /max-rss-kb (\d+)/.exec(result.stderr);
  const kb = gnu?.[1] ?? own?.[1];
  return { ms, peakMb: kb === undefined ? null : Number(kb) / 1024, code: result.status, stderr: result.stderr };
}

export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-bench-"));
  try {
    const csv = join(dir, "aggregated.csv");
    const writeStarted = performance.now();
    await writeAggregatedCsv(csv, ROWS);
    const mb = statSync(csv).size / 1e6;
    console.log(`CLI: wrote ${ROWS.toLocaleString("en-US")}-row CSV (${mb.toFixed(0)} MB) in ${(performance.now() - writeStarted).toFixed(0)} ms`);
    const result = runSummarize(csv);
    if (result.code !== 0) throw new Error(`funnel-kpis exited ${result.code}: ${result.stderr.slice(0, 500)}`);
    const peak = result.peakMb === null ? "unknown" : `${result.peakMb.toFixed(0)} MB`;
    console.log(`CLI: summarize --json on ${ROWS.toLocaleString("en-US")} rows: ${(result.ms / 1000).toFixed(1)} s wall (process start included), peak RSS ${peak}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
