// Bad files and bad command lines: exit code 1 with a message that says what is wrong, exit code 2 with the usage text.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmulation, saveXlsx } from "../../src/local/emulation";
import { bin, cli, smallCsv, tempDir, writeFile } from "./cli-harness";

let dir = "";
beforeAll(() => {
  dir = tempDir();
});

describe("bad input exits 1 with a clear message", () => {
  it("a file that is not a spreadsheet", async () => {
    const png = writeFile(dir, "chart.xlsx", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const a = await cli("summarize", png);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^funnel-kpis: .*chart\.xlsx is not a spreadsheet funnel-kpis can read: it is not an \.xlsx workbook/);

    const zipAsCsv = writeFile(dir, "renamed.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0]));
    const b = await cli("summarize", zipAsCsv);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("renamed.csv is not a CSV text file: it holds binary data");

    const pdf = writeFile(dir, "report.pdf", "%PDF-1.4");
    const c = await cli("summarize", pdf);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('expected an .xlsx workbook or a .csv file, got ".pdf"');
  });

  it("a missing file", async () => {
    const { code, stderr } = await cli("summarize", join(dir, "nope.csv"));
    expect(code).toBe(1);
    expect(stderr).toContain("nope.csv: no such file");
  });

  it("empty files and sheets", async () => {
    const zero = await cli("summarize", writeFile(dir, "zero.csv", ""));
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain("zero.csv is empty");
    const blank = await cli("summarize", writeFile(dir, "blank.csv", "\n\n,,\n"));
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain("blank.csv is empty: it holds only blank lines");
    const header = await cli("summarize", writeFile(dir, "header.csv", "Date,Channel,Spend,Sessions,Leads,Customers\n\n"));
    expect(header.code).toBe(1);
    expect(header.stderr).toContain("header.csv has a header row but no data rows below it");

    const emu = createEmulation({ sheets: { Data: [] } });
    const book = join(dir, "empty.xlsx");
    await saveXlsx(emu, book);
    const xlsx = await cli("summarize", book);
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toContain('sheet "Data" is empty');
  });

  it("a sheet name that is not there", async () => {
    const emu = createEmulation({ sheets: { Data: [["Date", "Sessions"], ["2025-01-01", 3]] } });
    const book = join(dir, "one-sheet.xlsx");
    await saveXlsx(emu, book);
    const { code, stderr } = await cli("summarize", book, "--sheet", "Marketing");
    expect(code).toBe(1);
    expect(stderr).toContain('has no sheet named "Marketing"; its sheets are "Data"');
  });

  it("a saved mapping whose column is gone names the column", async () => {
    const path = writeFile(dir, "full.csv", smallCsv());
    const mapping = join(dir, "m.json");
    expect((await cli("summarize", path, "--save-mapping", mapping)).code).toBe(0);
    const withoutLeads = smallCsv()
      .split("\n")
      .map((line) => line.split(",").filter((_, i) => i !== 5).join(","))
      .join("\n")
      .replace("Leads,", "Leads,");
    const csv = writeFile(dir, "no-customers.csv", withoutLeads);
    const { code, stderr } = await cli("summarize", csv, "--mapping", mapping);
    expect(code).toBe(1);
    expect(stderr).toContain("the mapping does not fit the data in this file");
    expect(stderr).toMatch(/Stage 'Customers': header 'New customers' \(was column F\) no longer exists/);
  });

  it("no funnel to detect: says what auto-detect found and how to fix it", async () => {
    const csv = writeFile(dir, "no-funnel.csv", "Name,Colour\nada,red\nbob,blue\n");
    const { code, stderr } = await cli("summarize", csv);
    expect(code).toBe(1);
    expect(stderr).toContain("Stages: a funnel needs at least two stages; this one has 0");
    expect(stderr).toContain("What auto-detect found:");
    expect(stderr).toContain("--save-mapping FILE");
  });

  it("an unreadable mapping file", async () => {
    const csv = writeFile(dir, "ok.csv", smallCsv());
    const broken = writeFile(dir, "broken.json", "{ not json");
    const { code, stderr } = await cli("summarize", csv, "--mapping", broken);
    expect(code).toBe(1);
    expect(stderr).toContain("mapping file");
    expect(stderr).toContain("not valid JSON");
  });
});

describe("the real launcher", () => {
  it("exits 2 with the usage text on an unknown flag or a missing file argument", () => {
    const unknown = bin("summarize", "x.csv", "--colour");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("funnel-kpis: unknown option --colour");
    expect(unknown.stderr).toContain("Usage: funnel-kpis summarize <file.xlsx|file.csv>");
    const none = bin("summarize");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("summarize needs a file");
  });

  it("exits 1 on a bad file and 0 with the report on a good one", () => {
    const bad = bin("summarize", writeFile(dir, "launcher-empty.csv", ""));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("is empty");
    const good = bin("summarize", writeFile(dir, "launcher.csv", smallCsv()), "--json");
    expect(good.code).toBe(0);
    expect(good.stderr).toBe("");
    expect((JSON.parse(good.stdout) as { funnel: unknown[] }).funnel).toHaveLength(3);
  });
});

describe("usage errors in-process", () => {
  it.each([
    [["summarize", "a.csv", "--sheet"], "--sheet needs a value"],
    [["summarize", "a.csv", "--from", "1/2/2025"], "--from must be a date written YYYY-MM-DD"],
    [["summarize", "a.csv", "b.csv", "a.csv"], "a.csv is given twice; each file is one source"],
    [["summarize", "a.xlsx", "--sheet", "Ads", "--sheet", "ads"], "--sheet ads is given twice"],
    [["summarize", "a.csv", "b.csv", "--save-channels", "c.txt"], "--save-channels writes a .csv file"],
    [["summarize", "a.csv", "--out", "out.csv"], "--out writes an .xlsx workbook"],
    [["summarize", "a.csv", "--json=yes"], "--json takes no value"],
    [[], "no command given"],
    [["sumarize", "a.csv"], 'unknown command "sumarize"'],
  ])("%j", async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("--help prints the usage and exits 0", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Exit codes: 0 done, 1 the file or mapping cannot be summarised, 2 wrong usage.");
  });
});
