// The progress bar shows on a terminal's stderr only, never with --json, and clears its line before the report.
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/local/cli/main";
import { ProgressBar } from "../../src/local/cli/progress-bar";
import { smallCsv, tempDir, writeFile } from "./cli-harness";

async function withTerminal(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { isTTY: true, write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe("progress bar", () => {
  it("draws on a terminal and clears its line; stays silent for --json and for pipes", async () => {
    const csv = writeFile(tempDir(), "p.csv", smallCsv());
    const text = await withTerminal("summarize", csv);
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/^\r\[#{30}\] 100% reading .*p\.csv\r +\r$/);
    expect(text.stdout).not.toContain("\r");
    const json = await withTerminal("summarize", csv, "--json");
    expect(json.stderr).toBe("");

    let piped = "";
    const bar = ProgressBar.forStream({ isTTY: false, write: (t: string) => (piped += t) }, "x", true);
    bar.update(0.5);
    bar.finish();
    expect(piped).toBe("");
  });

  it("redraws at most every 100 ms but always shows completion", () => {
    let out = "";
    const bar = ProgressBar.forStream({ isTTY: true, write: (t: string) => (out += t) }, "f", true);
    bar.update(0.1);
    bar.update(0.2);
    expect(out.match(/\r\[/g)).toHaveLength(1);
    bar.update(1);
    expect(out).toContain("100% f");
  });
});

describe("progress of --out from a CSV", () => {
  it("shows the summary's planning and the file's writing on a terminal, each bar cleared before the next", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "p.csv", smallCsv());
    const out = `${dir}/p.xlsx`;
    const run = await withTerminal("summarize", csv, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\[#{30}\] 100% reading /);
    expect(run.stderr).toMatch(/\] +\d+% generating the KPI Summary/);
    expect(run.stderr).toMatch(/\[#{30}\] 100% writing .*p\.xlsx\r +\r$/);
    const json = await withTerminal("summarize", csv, "--json", "--out", `${dir}/q.xlsx`);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe("");
  });
});
