// Formulas compute like Sheets: open-ended ranges follow new rows, errors read as text, named ranges work in formulas.
import { describe, expect, it } from "vitest";
import { createEmulation } from "../../src/local/emulation";

function funnel() {
  return createEmulation({
    sheets: {
      Data: [
        ["Channel", "Date", "Spend"],
        ["ads", "2024-01-01", 100],
        ["seo", "2024-01-02", 40],
      ],
      Summary: [],
    },
  });
}

describe("formulas", () => {
  it("SUMIFS over Data!C2:C follows rows added later, and getFormulas returns what was written", () => {
    const emu = funnel();
    const ss = emu.spreadsheet;
    const summary = ss.getSheetByName("Summary")!;
    const formula = '=SUMIFS(Data!C2:C, Data!A2:A, "ads")';
    summary.getRange("A1").setFormula(formula);
    expect(summary.getRange("A1").getValue()).toBe(100);
    ss.getSheetByName("Data")!.getRange("A10:C10").setValues([["ads", "2024-01-09", 25]]);
    expect(summary.getRange("A1").getValue()).toBe(125);
    ss.getSheetByName("Data")!.insertRowsAfter(1000, 5);
    ss.getSheetByName("Data")!.getRange("A1005:C1005").setValues([["ads", "2024-02-01", 1]]);
    expect(summary.getRange("A1").getValue()).toBe(126);
    expect(summary.getRange("A1").getFormula()).toBe(formula);
  });

  it("evaluates SUMPRODUCT of array expressions and TRUE/FALSE constants as Sheets does", () => {
    const emu = funnel();
    const summary = emu.spreadsheet.getSheetByName("Summary")!;
    summary.getRange("A1:B1").setFormulas([['=SUMPRODUCT((Data!A2:A3="seo")*Data!C2:C3)', "=IF(TRUE, 1, 2)"]]);
    expect(summary.getRange("A1:B1").getValues()).toEqual([[40, 1]]);
  });

  it("returns errors as their text and keeps the message for hover", () => {
    const emu = funnel();
    const summary = emu.spreadsheet.getSheetByName("Summary")!;
    summary.getRange("A1:C1").setFormulas([["=1/0", "=NOSUCHFN(1)", "=DATE(2024, 1, 1) + 1"]]);
    expect(summary.getRange("A1:B1").getValues()).toEqual([["#DIV/0!", "#NAME?"]]);
    expect(emu.errorMessage("Summary!B1")).toMatch(/NOSUCHFN/);
    // A date function's result reads as a Date, shown in Sheets' default date format.
    expect(summary.getRange("C1").getValue()).toEqual(new Date(Date.UTC(2024, 0, 2)));
    expect(summary.getRange("C1").getDisplayValue()).toBe("1/2/2024");
  });

  it("setFormula on several cells adjusts relative references like a fill", () => {
    const emu = funnel();
    const data = emu.spreadsheet.getSheetByName("Data")!;
    data.getRange("D2:D3").setFormula("=C2*2");
    expect(data.getRange("D2:D3").getFormulas()).toEqual([["=C2*2"], ["=C3*2"]]);
    expect(data.getRange("D2:D3").getValues()).toEqual([[200], [80]]);
  });

  it("named ranges are usable in formulas, grow with the grid, and can be removed", () => {
    const emu = funnel();
    const ss = emu.spreadsheet;
    ss.setNamedRange("Spend", ss.getSheetByName("Data")!.getRange("C2:C"));
    const summary = ss.getSheetByName("Summary")!;
    summary.getRange("A1").setFormula("=SUM(Spend)");
    expect(summary.getRange("A1").getValue()).toBe(140);
    expect(ss.getRangeByName("Spend")!.getA1Notation()).toBe("C2:C1000");
    ss.getSheetByName("Data")!.appendRow(["x", "", 1]);
    ss.getSheetByName("Data")!.insertRowsAfter(1000, 1);
    ss.getSheetByName("Data")!.getRange(1001, 3).setValue(2);
    expect(summary.getRange("A1").getValue()).toBe(143);
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(["Spend"]);
    ss.removeNamedRange("Spend");
    expect(ss.getRangeByName("Spend")).toBeNull();
    expect(summary.getRange("A1").getValue()).toBe("#NAME?");
  });

  it("suspends and resumes evaluation", () => {
    const emu = funnel();
    const summary = emu.spreadsheet.getSheetByName("Summary")!;
    emu.suspendEvaluation();
    summary.getRange("A1").setFormula("=SUM(Data!C2:C3)");
    expect(summary.getRange("A1").getFormula()).toBe("=SUM(Data!C2:C3)");
    // Suspended: the formula is kept but not computed, while data still reads as usual.
    expect(summary.getRange("A1").getValue()).toBe("");
    expect(emu.spreadsheet.getSheetByName("Data")!.getRange("C2").getValue()).toBe(100);
    emu.resumeEvaluation();
    expect(summary.getRange("A1").getValue()).toBe(140);
  });

  it("resumes with known results: the rest is computed, and a name only known formulas use never reaches the engine", () => {
    const emu = funnel();
    const summary = emu.spreadsheet.getSheetByName("Summary")!;
    emu.suspendEvaluation();
    emu.spreadsheet.setNamedRange("kpi_spend", emu.spreadsheet.getSheetByName("Data")!.getRange("C2:C3"));
    emu.spreadsheet.setNamedRange("kpi_channel", emu.spreadsheet.getSheetByName("Data")!.getRange("A2:A3"));
    summary.getRange("A1:C1").setFormulas([["=SUM(kpi_spend)", "=A1*2", "=COUNTA(kpi_channel)"]]);
    emu.resumeEvaluationWith((sheet, row, column) => (sheet === "Summary" && row === 1 && column === 1 ? 999 : undefined));
    // A1 holds the number it was given; B1 is computed from it; C1 needed its name, which the engine got.
    expect(summary.getRange("A1:C1").getValues()).toEqual([[999, 1998, 2]]);
    expect(summary.getRange("A1").getFormula()).toBe("=SUM(kpi_spend)");
    const names = emu.workbook.engine.listNamedExpressions().map((n) => n.toLowerCase());
    expect(names).toContain("kpi_channel");
    expect(names).not.toContain("kpi_spend");
    // The document still has both named ranges, as a saved file must.
    expect(emu.spreadsheet.getRangeByName("kpi_spend")?.getA1Notation()).toBe("C2:C3");
  });
});

describe("custom functions", () => {
  it("computes the KPI catalogue's functions by default, and shows their errors", () => {
    const emu = createEmulation({ sheets: { Data: [[1000, 2000, 10, 30]], Summary: [] } });
    const summary = emu.spreadsheet.getSheetByName("Summary")!;
    summary.getRange("A1:B1").setFormulas([["=CAC(Data!A1:B1, Data!C1:D1)", "=CAC(Data!A1, 0)"]]);
    const [[cac, undefinedCac]] = summary.getRange("A1:B1").getValues() as [[unknown, unknown]];
    expect(cac).toBe(75);
    expect(String(undefinedCac)).toMatch(/^#/);
    expect(emu.errorMessage("Summary!B1")).toMatch(/^CAC: /);
  });
});
