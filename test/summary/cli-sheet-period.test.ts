// The command line and a generated sheet agree on the same file: same default period, the sheet's own formulas giving the CLI's dates.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx } from "../../src/local/emulation";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { cli, smallCsv, tempDir, writeFile } from "../cli/cli-harness";

describe("the default period", () => {
  it("is the sheet's default, Last 30 days of data, and the recomputed sheet shows the dates the CLI printed", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "small.csv", smallCsv());
    const out = join(dir, "small-out.xlsx");
    const { code, stdout } = await cli("summarize", csv, "--out", out);
    expect(code).toBe(0);
    const printed = /Headline KPIs: (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}) \(30 days\) vs (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(stdout);
    expect(printed).not.toBeNull();
    expect(stdout).toContain("Period: Last 30 days of data");
    const emu = await loadXlsx(out);
    try {
      const sheet = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
      const shown = sheet.getDataRange().getDisplayValues();
      const beside = (label: string) => shown.find((row) => row[0] === label)?.[1];
      expect(beside("Period")).toBe("Last 30 days of data");
      expect([beside("Start"), beside("End"), beside("Previous start"), beside("Previous end")]).toEqual(printed?.slice(1, 5));
    } finally {
      emu.dispose();
    }
  });
});
