// Times how long `funnel-kpis --help` takes to answer, from process start: the command line's start-up cost.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureCliBundle } from "../scripts/build-cli.mjs";

const ROOT = join(import.meta.dirname, "..");
const RUNS = 15;

function once(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchCliStart(): Promise<void> {
  await ensureCliBundle();
  const node = median(Array.from({ length: RUNS }, () => once(["-e", ""])));
  const help = median(Array.from({ length: RUNS }, () => once([join(ROOT, "bin", "funnel-kpis.mjs"), "--help"])));
  const usage = median(Array.from({ length: RUNS }, () => {
    const started = performance.now();
    spawnSync(process.execPath, [join(ROOT, "bin", "funnel-kpis.mjs"), "summarize"], { encoding: "utf8" });
    return performance.now() - started;
  }));
  console.log(`CLI start: funnel-kpis --help answers in ${help.toFixed(0)} ms (median of ${RUNS}; an empty node process takes ${node.toFixed(0)} ms here)`);
  console.log(`CLI start: a usage error (no file) is reported in ${usage.toFixed(0)} ms`);
}
