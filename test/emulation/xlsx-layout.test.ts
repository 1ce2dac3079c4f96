// Row heights, font sizes and Sheets-only formulas through an .xlsx: heights in points, sizes on the cell's font, a SPARKLINE's fallback cached.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createEmulation, loadXlsx, saveXlsx } from "../../src/local/emulation";
import { sheetsOnlyFallback } from "../../src/local/emulation/sheets-only-fallback";
import { trendFormula } from "../../src/server/summary/trend-formula";

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe("row heights and font sizes the add-on sets", () => {
  it("are written to the .xlsx in points and read back in pixels", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "xlsx-layout-")), "layout.xlsx");
    const emu = createEmulation({ sheets: { Look: [["Big", "Trend"], [1200, 3]] } });
    const sheet = emu.spreadsheet.getSheetByName("Look")!;
    sheet.setRowHeight(2, 40);
    sheet.setRowHeights(4, 2, 32);
    sheet.getRange("A2").setFontSize(18);
    await saveXlsx(emu, path);
    emu.dispose();

    const ws = (await readBook(path)).getWorksheet("Look")!;
    // 40 px at 96 dpi is 30 pt; rows left alone carry no height.
    expect(ws.getRow(2).height).toBe(30);
    expect([ws.getRow(4).height, ws.getRow(5).height]).toEqual([24, 24]);
    expect(ws.getRow(1).height ?? null).toBeNull();
    expect(ws.getCell("A2").font?.size).toBe(18);
    expect(ws.getCell("B2").font?.size ?? null).toBeNull();

    const back = await loadXlsx(path);
    const reread = back.spreadsheet.getSheetByName("Look")!;
    expect([reread.getRowHeight(2), reread.getRowHeight(4), reread.getRowHeight(1)]).toEqual([40, 32, 21]);
    expect((reread.getRange("A2") as unknown as { getFontSize(): number }).getFontSize()).toBe(18);
    back.dispose();
  });
});

describe("IFERROR(SPARKLINE(...), text trend)", () => {
  const cells = ["A1", "A2", "A3", "A4", "A5"];
  const formula = `=${trendFormula("A1:A5", cells)}`;

  it("splits at IFERROR's own comma, past the option array and string literals", () => {
    const fallback = sheetsOnlyFallback(formula);
    expect(fallback).not.toBeNull();
    expect(fallback!.startsWith("IF(ISNUMBER(A1)")).toBe(true);
    expect(sheetsOnlyFallback('=IFERROR(SUM(A1:A3), "x")')).toBeNull();
    expect(sheetsOnlyFallback("=SPARKLINE(A1:A5)")).toBeNull();
  });

  it("shows the sparkline in the emulation, as Sheets does, and caches the text trend in the file for Excel and LibreOffice", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "xlsx-trend-")), "trend.xlsx");
    const emu = createEmulation({ sheets: { Trend: [[3], [5], ["n/a"], [9], [4]] } });
    const sheet = emu.spreadsheet.getSheetByName("Trend")!;
    sheet.getRange("B1").setFormula(formula);
    // SPARKLINE draws in the cell and holds no value of its own.
    expect(sheet.getRange("B1").getValue()).toBe("");
    await saveXlsx(emu, path);
    emu.dispose();
    const cell = (await readBook(path)).getWorksheet("Trend")!.getCell("B1");
    // 3..9 over eight heights: 3 lowest, 5 two steps up, n/a a gap, 9 highest, 4 one step up.
    expect((cell.value as ExcelJS.CellFormulaValue).result).toBe("▁▃ █▂");
    expect((cell.value as ExcelJS.CellFormulaValue).formula).toMatch(/^IFERROR\(SPARKLINE\(A1:A5, /);
  });
});

describe("conditional formats the add-on sets", () => {
  it("come back from the .xlsx as the same rules: text, numbers above and below, colour scales", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "xlsx-rules-")), "rules.xlsx");
    const emu = createEmulation({ sheets: { Rules: [["Behind", 0.12, -0.3, 5], ["Achieved", 0, 0.4, 9]] } });
    const sheet = emu.spreadsheet.getSheetByName("Rules")!;
    const app = emu.globals.SpreadsheetApp;
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenTextEqualTo("Behind").setBackground("#f4c7c3").setRanges([sheet.getRange("A1:A2")]).build(),
      app.newConditionalFormatRule().whenNumberGreaterThan(0).setFontColor("#137333").setBackground("#e6f4ea").setRanges([sheet.getRange("B1:C2")]).build(),
      app.newConditionalFormatRule().whenNumberLessThan(0).setFontColor("#a50e0e").setBackground("#fce8e6").setRanges([sheet.getRange("B1:C2")]).build(),
      app.newConditionalFormatRule().setGradientMinpoint("#ffffff").setGradientMaxpoint("#57bb8a").setRanges([sheet.getRange("D1:D2")]).build(),
    ]);
    const before = emu.sheetModel("Rules").conditionalRules.map(({ ranges, ...rest }) => ({ ...rest, boxes: ranges.map((r) => r.box) }));
    await saveXlsx(emu, path);
    emu.dispose();
    const back = await loadXlsx(path);
    const after = back.sheetModel("Rules").conditionalRules.map(({ ranges, ...rest }) => ({ ...rest, boxes: ranges.map((r) => r.box) }));
    expect(after).toEqual(before);
    // And the colours show where the preview reads them.
    const shown = back.spreadsheet.getSheetByName("Rules")!.getConditionalFormatRules();
    expect(shown).toHaveLength(4);
    back.dispose();
  });
});
