// Runs bench/clv_scipy_bgnbd.py on a customer summary and reads its timings, or says why it cannot.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Recency } from "../src/kpi/clv/customer-groups";

export interface ScipyFit {
  readonly seconds: number[];
  readonly evaluations: number;
  readonly params: [number, number, number, number];
  readonly logLikelihood: number;
  readonly converged: boolean;
}

export interface ScipyTimings {
  readonly perCustomer: ScipyFit;
  readonly grouped: ScipyFit & { readonly groups: number };
  readonly customers: number;
}

const SCRIPT = fileURLToPath(new URL("./clv_scipy_bgnbd.py", import.meta.url));

/** The timings, or the reason python3 with numpy and scipy could not provide them. */
export function timeScipyNelderMead(
  customers: readonly Recency[],
  logAlphaStart: number,
  repeats: number,
): ScipyTimings | { readonly missing: string } {
  const probe = spawnSync("python3", ["-c", "import numpy, scipy"], { encoding: "utf8" });
  if (probe.error) return { missing: "python3 is not installed" };
  if (probe.status !== 0) return { missing: "python3 has no numpy or scipy (pip install numpy scipy)" };
  const dir = mkdtempSync(join(tmpdir(), "clv-bench-"));
  try {
    const csv = join(dir, "summary.csv");
    writeFileSync(csv, `x,t_x,T\n${customers.map((c) => `${c.x},${c.tx},${c.T}`).join("\n")}\n`);
    const run = spawnSync("python3", [SCRIPT, csv, String(logAlphaStart), String(repeats)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) return { missing: `the scipy script failed: ${run.stderr.trim().split("\n").pop()}` };
    return JSON.parse(run.stdout) as ScipyTimings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
