// Times `funnel-kpis summarize --out` on campaign-shaped CSVs: 1,200,000 rows (more than an .xlsx sheet holds) and 1,000,000 rows (the data sheet streamed into the file).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSummarize } from "./cli";
import { writeCampaignCsv } from "./cli-csv";

async function once(dir: string, rows: number): Promise<void> {
  const csv = join(dir, `campaigns-${rows}.csv`);
  await writeCampaignCsv(csv, rows);
  const out = join(dir, `summary-${rows}.xlsx`);
  const run = runSummarize(csv, "--out", out);
  if (run.code !== 0) throw new Error(`funnel-kpis exited ${run.code}: ${run.stderr.slice(0, 500)}`);
  const note = /funnel-kpis: note: (.*)/.exec(run.stderr)?.[1];
  const peak = run.peakMb === null ? "unknown" : `${run.peakMb.toFixed(0)} MB`;
  const mb = (path: string) => (statSync(path).size / 1e6).toFixed(0);
  console.log(`--out: ${rows.toLocaleString("en-US")} rows (${mb(csv)} MB CSV) → ${mb(out)} MB .xlsx in ${(run.ms / 1000).toFixed(1)} s, peak RSS ${peak} (target: under 1,500 MB)${note === undefined ? ", data sheet included" : `; ${note}`}`);
}

export async function benchCliOut(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-bench-out-"));
  try {
    await once(dir, 1_200_000);
    await once(dir, 1_000_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
