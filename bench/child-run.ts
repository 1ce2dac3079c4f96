// Runs a node child process and measures it: wall time, CPU time and peak memory (GNU time's report, or the child's own resourceUsage).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
const MAX_RSS_REPORTER = join(import.meta.dirname, "report-max-rss.mjs");

export interface ChildRun {
  ms: number;
  /** User plus system CPU seconds; null without GNU time. */
  cpuSeconds: number | null;
  peakMb: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ChildRun {
  const started = performance.now();
  const result = existsSync(GNU_TIME)
    ? spawnSync(GNU_TIME, ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 28, env })
    : spawnSync(process.execPath, ["--import", MAX_RSS_REPORTER, ...args], { encoding: "utf8", maxBuffer: 1 << 28, env });
  const ms = performance.now() - started;
  const field = (pattern: RegExp): number | null => {
    const m = pattern.exec(result.stderr);
    return m === null ? null : Number(m[1]);
  };
  const kb = field(/Maximum resident set size \(kbytes\): (\d+)/) ?? field(/max-rss-kb (\d+)/);
  const user = field(/User time \(seconds\): ([\d.]+)/);
  const system = field(/System time \(seconds\): ([\d.]+)/);
  return {
    ms,
    cpuSeconds: user === null || system === null ? null : user + system,
    peakMb: kb === null ? null : kb / 1024,
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
