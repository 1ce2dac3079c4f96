// Times reading exports: the CLI on a 1,000,000-row German-locale export against the same rows as plain CSV, and one 50 MB quoted field.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CsvTokenizer } from "../src/reading/csv-tokenizer";
import { runSummarize } from "./cli";
import { writeLocaleAndPlainCsv } from "./reading-csv";

const ROWS = 1_000_000;

function line(label: string, mb: number, r: ReturnType<typeof runSummarize>): string {
  const peak = r.peakMb === null ? "unknown" : `${r.peakMb.toFixed(0)} MB`;
  return `${label.padEnd(44)} ${mb.toFixed(0).padStart(4)} MB file  ${(r.ms / 1000).toFixed(1).padStart(6)} s  peak RSS ${peak}`;
}

/** A single quoted field of `mb` megabytes with doubled quotes and line breaks, fed in 1 MB chunks as the CLI reads. */
function quotedRecord(mb: number): number {
  const piece = 'a "quoted" value,\nwith a line break; ';
  const inner = piece.repeat(Math.ceil((mb * 1e6) / piece.length));
  const text = `id,note\n1,"${inner.replace(/"/g, '""')}"\n`;
  let fields = 0;
  const tokenizer = new CsvTokenizer(",", (r) => (fields += r.length));
  const started = performance.now();
  for (let i = 0; i < text.length; i += 1 << 20) tokenizer.push(text.slice(i, i + (1 << 20)));
  tokenizer.end();
  const ms = performance.now() - started;
  if (fields !== 4) throw new Error(`expected 4 fields, read ${fields}`);
  return ms;
}

export async function benchReading(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-bench-reading-"));
  try {
    const localePath = join(dir, "export-de.csv");
    const plainPath = join(dir, "export-plain.csv");
    await writeLocaleAndPlainCsv(localePath, plainPath, ROWS);
    const results: Array<[string, string, ReturnType<typeof runSummarize>]> = [
      ["plain CSV (comma, ISO dates, 1234.56)", plainPath, runSummarize(plainPath)],
      ["German export (;  23.09.2026  1.234,56  1.200)", localePath, runSummarize(localePath)],
    ];
    for (const [label, path, r] of results) {
      if (r.code !== 0) throw new Error(`funnel-kpis exited ${r.code} on ${label}: ${r.stderr.slice(0, 500)}`);
      console.log(`Reading: ${line(label, statSync(path).size / 1e6, r)}`);
    }
    const [plain, local] = results.map((r) => r[2]);
    console.log(`Reading: the German export takes ${(local.ms / plain.ms).toFixed(2)}× the time of plain CSV (summarize --json, ${ROWS.toLocaleString("en-US")} rows, process start included)`);
    for (const mb of [50, 200]) console.log(`Reading: one quoted field of ${mb} MB tokenized in ${(quotedRecord(mb) / 1000).toFixed(2)} s (linear: was 8.5 s for 50 MB and 94 s for 200 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
