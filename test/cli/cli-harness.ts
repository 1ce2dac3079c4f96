// Runs the CLI in-process (fast, for output checks) or through bin/funnel-kpis.mjs (for real exit codes), and writes small input files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/local/cli/main";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { isTTY: false, write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

export function bin(...argv: string[]): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "funnel-kpis.mjs"), ...argv], { encoding: "utf8", cwd: ROOT, timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "funnel-cli-"));
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A small aggregated CSV: two channels over two months, one quoted channel with a comma. */
export function smallCsv(): string {
  const lines = ["Date,Channel,Spend,Sessions,Leads,New customers,Revenue"];
  for (let day = 1; day <= 60; day++) {
    const date = new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    lines.push(`${date},Paid search,${(100 + day * 1.25).toFixed(2)},${500 + day},${20 + (day % 7)},${day % 4},${(day % 4) * 310.5}`);
    lines.push(`${date},"Email, weekly",${(10 + day * 0.5).toFixed(2)},${200 + day},${15 + (day % 5)},${day % 3},${(day % 3) * 260}`);
  }
  return `${lines.join("\n")}\n`;
}
