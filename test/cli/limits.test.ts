// Inputs far past what a spreadsheet holds, or built to look so, end in one line and exit code 1: no stack trace, no minutes of work first.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textTable } from "../../src/local/cli/text-table";
import { loadXlsxBuffer, XlsxLimitError } from "../../src/local/emulation";
import { craftXlsx, smallSheetData } from "./crafted-xlsx";
import { cli, tempDir, writeFile } from "./cli-harness";

function expectOneLine(stderr: string, reason: RegExp): void {
  expect(stderr.trimEnd()).toMatch(reason);
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
}

/** Six sheets whose only second cell sits at row 2,000,000: 9 kB that once took 79 s and 3.9 GB to refuse. */
function farRowsWorkbook(): Buffer {
  const far = `<row r="2000000"><c r="A2000000"><v>5</v></c></row>`;
  return craftXlsx(Array.from({ length: 6 }, (_, i) => ({ name: `S${i + 1}`, body: smallSheetData(far) })));
}

describe("an .xlsx read only as far as needed, within the grid", () => {
  it("refuses a cell past row 1,048,576 at once, with or without --out", async () => {
    const dir = tempDir();
    const path = writeFile(dir, "far.xlsx", farRowsWorkbook());
    for (const extra of [[], ["--out", join(dir, "far-out.xlsx")]]) {
      const { code, stderr } = await cli("summarize", path, ...extra);
      expect(code).toBe(1);
      expectOneLine(stderr, /^funnel-kpis: .*far\.xlsx: sheet "S1" has a (cell at|row numbered) (row )?2,000,000, past the last row an \.xlsx sheet can have \(1,048,576\)$/);
    }
  });

  it("reads only the data sheet: a far cell on another sheet does not stop a summary", async () => {
    const dir = tempDir();
    const far = `<row r="2000000"><c r="A2000000"><v>5</v></c></row>`;
    const path = writeFile(dir, "two.xlsx", craftXlsx([{ name: "Data", body: smallSheetData() }, { name: "Junk", body: smallSheetData(far) }]));
    const { code, stderr, stdout } = await cli("summarize", path);
    expect(stderr).not.toMatch(/2,000,000/);
    expect(stdout + stderr).toContain("Date");
    expect(code === 0 || code === 1).toBe(true);
  });

  it("refuses merges, validations and names that would expand to more cells than a spreadsheet holds", async () => {
    const merged = craftXlsx([{ name: "Data", body: `${smallSheetData()}<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>` }]);
    await expect(loadXlsxBuffer(merged)).rejects.toThrow(XlsxLimitError);
    await expect(loadXlsxBuffer(merged)).rejects.toThrow(/sheet "Data" covers more than 10,000,000 cells with merges, validation rules or named ranges/);
    const named = craftXlsx([{ name: "Data", body: smallSheetData() }], `<definedNames><definedName name="everything">Data!$A$1:$XFD$1048576</definedName></definedNames>`);
    await expect(loadXlsxBuffer(named)).rejects.toThrow(/the named range "everything" covers more than 10,000,000 cells/);
    const dir = tempDir();
    const { code, stderr } = await cli("summarize", writeFile(dir, "named.xlsx", named), "--out", join(dir, "o.xlsx"));
    expect(code).toBe(1);
    expectOneLine(stderr, /named range "everything" covers more than 10,000,000 cells/);
  });

  it("says a file that is no zip is not a workbook", async () => {
    const dir = tempDir();
    const { code, stderr } = await cli("summarize", writeFile(dir, "fake.xlsx", "Date,Sessions\n2025-01-01,3\n"));
    expect(code).toBe(1);
    expectOneLine(stderr, /fake\.xlsx is not a spreadsheet funnel-kpis can read: it is not an \.xlsx workbook \(it is not a zip archive/);
  });
});

describe("wide and long inputs print, never overflow the stack", () => {
  it("lays out a table of more rows than a function call takes arguments", () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`c${i}`, String(i)]);
    const table = textTable([{ title: "Column", align: "left" }, { title: "N", align: "right" }], rows);
    expect(table.split("\n")[2]).toBe(`${"c0".padEnd("c299999".length)}  ${"0".padStart("299999".length)}`);
    expect(table.split("\n")).toHaveLength(300_002);
  });

  it("a header of 150,000 columns gets the mapping problem in a few lines", async () => {
    const n = 150_000;
    const dir = tempDir();
    const csv = writeFile(dir, "wide.csv", `${Array.from({ length: n }, (_, i) => `c${i}`).join(",")}\n${Array.from({ length: n }, () => "1").join(",")}\n`);
    const { code, stderr } = await cli("summarize", csv);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^funnel-kpis: the mapping does not fit the data in this file:/);
    expect(stderr).toContain(`and ${n - 20} more columns`);
    expect(stderr.split("\n").length).toBeLessThan(60);
  });

  it("125,000 channels are reported", async () => {
    const dir = tempDir();
    const lines = ["Date,Channel,Spend,Sessions,Leads,New customers"];
    for (let i = 0; i < 125_000; i++) lines.push(`2025-01-${String(1 + (i % 28)).padStart(2, "0")},ch${i},${i % 100}.5,${100 + (i % 50)},${i % 20},${i % 3}`);
    const csv = writeFile(dir, "channels.csv", `${lines.join("\n")}\n`);
    const { code, stdout, stderr } = await cli("summarize", csv);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("ch124999");
  });
});
