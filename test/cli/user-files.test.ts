// The CLI never writes over what it reads, over an existing file without --force, or through a missing folder; every failure is one line and an exit code.
import { chmodSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, smallCsv, tempDir, writeFile } from "./cli-harness";
import { withExtraParts } from "./crafted-xlsx";

/** A failure as the issue asks for it: a reason on the first line, no stack trace anywhere. */
function expectOneLineReason(stderr: string, reason: RegExp): void {
  expect(stderr.split("\n")[0]).toMatch(reason);
  expect(stderr.trimEnd().split("\n"), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("the user's files", () => {
  it("refuses to write --out or --save-mapping over an input, whatever the flags", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    const before = readFileSync(csv, "utf8");
    for (const args of [["--save-mapping", csv], ["--save-mapping", csv, "--force"], ["--out", join(dir, "data.csv.xlsx"), "--save-mapping", join(dir, "same.json"), "--mapping", join(dir, "same.json")]]) {
      if (args.includes(join(dir, "same.json"))) writeFileSync(join(dir, "same.json"), "{}");
      const { code, stderr } = await cli("summarize", csv, ...args);
      expect(code, args.join(" ")).toBe(2);
      expectOneLineReason(stderr, /funnel-kpis never writes over what it reads|is the --mapping file/);
    }
    expect(readFileSync(csv, "utf8")).toBe(before);
    // Through a symlink, the input is still the input.
    symlinkSync("data.csv", join(dir, "alias.csv"));
    const linked = await cli("summarize", csv, "--save-mapping", join(dir, "alias.csv"));
    expect(linked.code).toBe(2);
    expect(readFileSync(csv, "utf8")).toBe(before);
  });

  it("refuses --out over the input workbook", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    const book = join(dir, "book.xlsx");
    expect((await cli("summarize", csv, "--out", book)).code).toBe(0);
    const before = readFileSync(book);
    const { code, stderr } = await cli("summarize", book, "--out", book, "--force");
    expect(code).toBe(2);
    expectOneLineReason(stderr, /^funnel-kpis: --out .*book\.xlsx is the input file: funnel-kpis never writes over what it reads/);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("replaces an existing file only with --force, and never a read-only one", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    const out = writeFile(dir, "report.xlsx", "not yet a workbook");
    const mapping = writeFile(dir, "mapping.json", "keep");
    const refused = await cli("summarize", csv, "--out", out, "--save-mapping", mapping);
    expect(refused.code).toBe(2);
    expectOneLineReason(refused.stderr, /^funnel-kpis: --out .*report\.xlsx already exists: pass --force to replace it$/);
    expect(readFileSync(out, "utf8")).toBe("not yet a workbook");
    expect(readFileSync(mapping, "utf8")).toBe("keep");
    const forced = await cli("summarize", csv, "--out", out, "--save-mapping", mapping, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(JSON.parse(readFileSync(mapping, "utf8"))).toMatchObject({ sheetName: "data" });
    chmodSync(mapping, 0o444);
    const locked = await cli("summarize", csv, "--save-mapping", mapping, "--force");
    expect(locked.code).toBe(1);
    expectOneLineReason(locked.stderr, /^funnel-kpis: .*mapping\.json is read-only: it was left unchanged$/);
  });

  it("says which folder is missing instead of a stack trace", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    for (const flag of ["--out", "--save-mapping"]) {
      const target = join(dir, "no-such-folder", flag === "--out" ? "x.xlsx" : "m.json");
      const { code, stderr } = await cli("summarize", csv, flag, target);
      expect(code).toBe(1);
      expectOneLineReason(stderr, new RegExp(`^funnel-kpis: ${flag} .*: the folder .*no-such-folder does not exist$`));
    }
  });

  it("writes --out through a symlink into its target and keeps the target's mode", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    const target = writeFile(dir, "real.xlsx", "old");
    chmodSync(target, 0o600);
    symlinkSync("real.xlsx", join(dir, "latest.xlsx"));
    const { code } = await cli("summarize", csv, "--out", join(dir, "latest.xlsx"), "--force");
    expect(code).toBe(0);
    expect(lstatSync(join(dir, "latest.xlsx")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
    expect(lstatSync(target).mode & 0o777).toBe(0o600);
  });
});

describe("what a copy cannot keep", () => {
  it("says so when the input has charts the --out workbook will not hold", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    const plain = join(dir, "plain.xlsx");
    expect((await cli("summarize", csv, "--out", plain)).code).toBe(0);
    const book = writeFile(dir, "charted.xlsx", await withExtraParts(readFileSync(plain), [{ name: "xl/charts/chart1.xml", text: "<chartSpace/>" }]));
    const out = join(dir, "copy.xlsx");
    const { code, stderr } = await cli("summarize", book, "--out", out);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe(`funnel-kpis: note: ${book} has charts, which ${out} does not keep (the tool cannot write them)\n`);
  });
});

describe("dates on the command line", () => {
  it("a day that is not on the calendar, or a period that ends before it starts, is a usage error", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "data.csv", smallCsv());
    const feb30 = await cli("summarize", csv, "--from", "2025-02-30");
    expect(feb30.code).toBe(2);
    expect(feb30.stderr.split("\n")[0]).toBe("funnel-kpis: --from 2025-02-30 is not a day on the calendar");
    const backwards = await cli("summarize", csv, "--from", "2025-03-02", "--to", "2025-03-01");
    expect(backwards.code).toBe(2);
    expect(backwards.stderr.split("\n")[0]).toBe("funnel-kpis: --from 2025-03-02 is after --to 2025-03-01");
    expect((await cli("summarize", csv, "--from", "2024-02-29", "--to", "2024-03-01")).code).toBe(0);
  });
});
