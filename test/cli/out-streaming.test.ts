// --out from a CSV through the streaming writer: the data sheet as the file had it, the summary as the generator plans it, and a data sheet too large for a spreadsheet left out.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dataSheetTooLarge } from "../../src/local/cli/write-summary";
import { createEmulation, streamXlsxBuffer, xlsxBuffer } from "../../src/local/emulation";
import { SETUP_SHEET_NAME } from "../../src/server/setup-sheet-format";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { formulaCells, workbookXml } from "../compat/xlsx-parts";
import { cli, tempDir, writeFile } from "./cli-harness";

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** A German-style export: a title line, semicolons, decimal commas, a blank spend, a total row and a hostile label. */
function exportText(totalRow = true): string {
  const lines = ["Kampagnenbericht;;;;;", "Datum;Kanal;Kosten;Sitzungen;Leads;Kunden"];
  for (let d = 1; d <= 28; d++) {
    const day = `${String(d).padStart(2, "0")}.02.2026`;
    lines.push(`${day};${d % 3 === 0 ? "=HYPERLINK(\"x\")" : "E-Mail"};${d === 5 ? "" : `${d},50`};${100 + d};${d % 9};${d % 4}`);
  }
  if (totalRow) lines.push("Gesamt;;400,00;3206;;");
  return `${lines.join("\r\n")}\r\n`;
}

describe("--out from a CSV", () => {
  it("writes the data sheet row by row as the file has it, and the summary with a cached value in every formula", async () => {
    const dir = tempDir();
    const csv = writeFile(dir, "export.csv", exportText());
    const out = join(dir, "out.xlsx");
    const result = await cli("summarize", csv, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const book = await workbook(out);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([["export", "visible"], [SUMMARY_SHEET_NAME, "visible"], [SETUP_SHEET_NAME, "veryHidden"]]);
    const data = book.getWorksheet("export") as ExcelJS.Worksheet;
    expect(data.getCell("A1").value).toBe("Kampagnenbericht");
    expect(data.getCell("A2").value).toBe("Datum");
    // Read as the report read them: a day as a date, 1,50 as 1.5, a blank as blank.
    expect(data.getCell("A3").value).toEqual(new Date(Date.UTC(2026, 1, 1)));
    expect(data.getCell("A3").numFmt).toBe("yyyy-mm-dd");
    expect(data.getCell("C3").value).toBe(1.5);
    expect(data.getCell("C7").value).toBeNull();
    // Data is never code: the label stays text, and the total row stays the text it was.
    expect(data.getCell("B5").value).toBe('=HYPERLINK("x")');
    expect(data.getCell("B5").type).toBe(ExcelJS.ValueType.String);
    expect(data.getCell("A31").value).toBe("Gesamt");
    expect(data.getCell("C31").value).toBe("400,00");
    const names = book.definedNames.model.map((n) => `${n.name}=${n.ranges.join()}`);
    // The named ranges end at the last data row; the total row below it is left to the sheet.
    expect(names).toContain("kpi_spend=export!$C$3:$C$30");
    const summary = (await formulaCells(out)).filter((c) => c.sheet === SUMMARY_SHEET_NAME);
    expect(summary.length).toBeGreaterThan(100);
    expect(summary.filter((c) => c.cached === undefined).map((c) => c.ref)).toEqual([]);
    expect(await workbookXml(out)).toContain('fullCalcOnLoad="1"');
  });

  it("writes the same summary sheet as the workbook path does, cell for cell", async () => {
    const dir = tempDir();
    // No total row here: reopened, the add-on's open-ended ranges would reach it, and its text would be summed.
    const csv = writeFile(dir, "export.csv", exportText(false));
    const streamed = join(dir, "streamed.xlsx");
    expect((await cli("summarize", csv, "--out", streamed)).code).toBe(0);
    // The workbook path: the CSV's own --out reopened as a workbook and summarised again, its summary regenerated in the engine.
    const again = join(dir, "again.xlsx");
    expect((await cli("summarize", streamed, "--out", again)).code).toBe(0);
    const cells = async (path: string) =>
      (await formulaCells(path)).filter((c) => c.sheet === SUMMARY_SHEET_NAME).map((c) => [c.ref, c.formula, typeof c.cached === "number" ? Number(c.cached.toPrecision(9)) : c.cached]);
    expect(await cells(streamed)).toEqual(await cells(again));
  });
});

describe("a data sheet too large for a spreadsheet", () => {
  it("is left out of --out, which says so and writes the summary's numbers as values", async () => {
    const dir = tempDir();
    // 16,385 columns are one more than an .xlsx sheet holds: a small file that does not fit.
    const filler = Array.from({ length: 16_380 }, (_, i) => `x${i}`);
    const lines = [["Date", "Channel", "Spend", "Leads", "Customers", ...filler].join(",")];
    for (let d = 1; d <= 20; d++) lines.push([`2026-03-${String(d).padStart(2, "0")}`, d % 2 ? "Email" : "Search", `${d}.5`, `${10 + d}`, `${d % 3}`, ...filler.map(() => "")].join(","));
    const narrow = writeFile(dir, "narrow.csv", `${lines.map((l) => l.split(",").slice(0, 5).join(",")).join("\n")}\n`);
    const mapping = join(dir, "mapping.json");
    expect((await cli("summarize", narrow, "--save-mapping", mapping)).code).toBe(0);
    const wide = writeFile(dir, "wide.csv", `${lines.join("\n")}\n`);
    const out = join(dir, "out.xlsx");
    const result = await cli("summarize", wide, "--mapping", mapping, "--out", out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`funnel-kpis: note: ${out} has no data sheet: "wide" does not fit, since its 16,385 columns are more than an .xlsx sheet holds`);
    const book = await workbook(out);
    expect(book.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, SETUP_SHEET_NAME]);
    expect(book.definedNames.model).toEqual([]);
    expect(await formulaCells(out)).toEqual([]);
    const summary = book.getWorksheet(SUMMARY_SHEET_NAME) as ExcelJS.Worksheet;
    expect(String(summary.getCell("A2").value)).toContain("values computed by funnel-kpis, not formulas: 'wide' is not in this file");
    const numbers: unknown[] = [];
    summary.eachRow((row) => row.eachCell((cell) => numbers.push(cell.value)));
    // The spend of the 20 rows, 1.5 + 2.5 + ... + 20.5, among the summary's values.
    expect(numbers).toContain(220);
  });

  it("is more rows than an .xlsx sheet holds, more columns, or more cells than Google Sheets holds", () => {
    expect(dataSheetTooLarge(1_048_576, 9)).toBeNull();
    expect(dataSheetTooLarge(1_048_577, 7)).toMatch(/rows are more than an \.xlsx sheet holds \(1,048,576\)/);
    expect(dataSheetTooLarge(10, 16_385)).toMatch(/columns are more than an \.xlsx sheet holds/);
    expect(dataSheetTooLarge(1_000_000, 11)).toMatch(/11,000,000 cells are more than a Google spreadsheet holds \(10,000,000\)/);
  });

  it("is left out with the names that refer to it, and the summary's formulas are written as their numbers", async () => {
    const emu = createEmulation({ sheets: { Data: [["Spend"], [5], [7]], [SUMMARY_SHEET_NAME]: [["Total"]] } });
    const spreadsheet = emu.spreadsheet;
    spreadsheet.setNamedRange("kpi_spend", spreadsheet.getRange("Data!A2:A3"));
    spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)?.getRange("B1").setFormula("=SUM(kpi_spend)");
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load((await xlsxBuffer(emu)) as unknown as ArrayBuffer);
    expect(whole.getWorksheet(SUMMARY_SHEET_NAME)?.getCell("B1").value).toEqual({ formula: "SUM(kpi_spend)", result: 12 });
    const left = new ExcelJS.Workbook();
    await left.xlsx.load((await streamXlsxBuffer(emu, { leaveOut: new Set(["Data"]), valuesOnly: new Set([SUMMARY_SHEET_NAME]) })) as unknown as ArrayBuffer);
    emu.dispose();
    expect(left.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME]);
    expect(left.definedNames.model).toEqual([]);
    expect(left.getWorksheet(SUMMARY_SHEET_NAME)?.getCell("B1").value).toBe(12);
  });
});
