// xlsx round trips keep values, formulas, formats, notes and named ranges; CSV loads numbers, ISO dates and text.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulation, loadCsv, loadXlsx, parseCsv, saveXlsx } from "../../src/local/emulation";

describe("xlsx", () => {
  it("round-trips values, formulas with results, formats, notes, named ranges and several sheets", async () => {
    const emu = createEmulation({
      sheets: {
        Summary: [['=SUMIFS(Data!C2:C, Data!A2:A, "ads")', "=1/0", "=SUM(Spend)"]],
        Data: [
          ["Channel", "Date", "Spend"],
          ["ads", "2024-01-05", 10.5],
          ["seo", "2024-01-06", 20],
        ],
      },
    });
    const ss = emu.spreadsheet;
    const data = ss.getSheetByName("Data")!;
    data.getRange("C2:C3").setNumberFormat("$#,##0.00");
    data.getRange("C1").setNote("USD, net of VAT");
    ss.setNamedRange("Spend", data.getRange("C2:C"));
    const dir = mkdtempSync(join(tmpdir(), "emu-xlsx-"));
    const path = join(dir, "book.xlsx");
    await saveXlsx(emu, path);
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);

    const back = (await loadXlsx(path)).spreadsheet;
    expect(back.getSheets().map((s) => s.getName())).toEqual(["Summary", "Data"]);
    const summary = back.getSheetByName("Summary")!;
    expect(summary.getRange("A1:C1").getFormulas()).toEqual([['=SUMIFS(Data!C2:C, Data!A2:A, "ads")', "=1/0", "=SUM(Spend)"]]);
    expect(summary.getRange("A1:C1").getValues()).toEqual([[10.5, "#DIV/0!", 30.5]]);
    const data2 = back.getSheetByName("Data")!;
    expect(data2.getDataRange().getDisplayValues()).toEqual([
      ["Channel", "Date", "Spend"],
      ["ads", "2024-01-05", "$10.50"],
      ["seo", "2024-01-06", "$20.00"],
    ]);
    expect(data2.getRange("B2").getValue()).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(data2.getRange("C1").getNote()).toBe("USD, net of VAT");
    expect(back.getRangeByName("Spend")!.getA1Notation()).toBe("C2:C1000");
    // Loaded open-ended ranges still follow new rows.
    data2.appendRow(["ads", "2024-01-07", 5]);
    expect(summary.getRange("A1:C1").getValues()).toEqual([[15.5, "#DIV/0!", 35.5]]);
  });
});

describe("CSV", () => {
  it("parses quotes, embedded commas and line breaks", () => {
    expect(parseCsv('a,"b,c","say ""hi""\nthere"\r\n1,2,3\n')).toEqual([
      ["a", "b,c", 'say "hi"\nthere'],
      ["1", "2", "3"],
    ]);
  });

  it("loads numbers and ISO dates as such, everything else as text", () => {
    const emu = createEmulation({ sheets: {} });
    loadCsv(emu, "Data", "Channel,Date,Spend,Flag\nads,2024-02-29,12.5,TRUE\nseo,02/03/2024,=1+1,\n");
    const values = emu.spreadsheet.getSheetByName("Data")!.getDataRange().getValues();
    expect(values).toEqual([
      ["Channel", "Date", "Spend", "Flag"],
      ["ads", new Date(Date.UTC(2024, 1, 29)), 12.5, "TRUE"],
      ["seo", "02/03/2024", "=1+1", ""],
    ]);
    expect(emu.spreadsheet.getSheetByName("Data")!.getRange("C3").getFormula()).toBe("");
  });
});
