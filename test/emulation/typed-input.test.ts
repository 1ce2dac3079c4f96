// setValues reads strings as typed input, as Apps Script does, so a writer that passes data text through raw is caught by the tests.
import { describe, expect, it } from "vitest";
import { createEmulation } from "../../src/local/emulation";
import { writableOf } from "../../src/server/summary/block";

function written(values: string[]): { values: unknown[]; formulas: string[] } {
  const emu = createEmulation({ sheets: { S: [[""]] } });
  try {
    const range = emu.spreadsheet.getSheetByName("S")!.getRange(1, 1, values.length, 1);
    range.setValues(values.map((v) => [v]));
    return { values: range.getValues().map((r) => r[0]), formulas: range.getFormulas().map((r) => r[0]) };
  } finally {
    emu.dispose();
  }
}

describe("Range.setValues parses strings like typed input (Sheets' USER_ENTERED)", () => {
  it("turns formulas, booleans, numbers, currency, percentages, errors and dates into what they look like", () => {
    const { values, formulas } = written(["=1+1", "TRUE", "false", "00123", "+1", "-5", "1,200", "$1,200.50", "5%", "#N/A", "2025-01-31", "1/31/2025", "1e3"]);
    expect(formulas[0]).toBe("=1+1");
    expect(values.slice(0, 9)).toEqual([2, true, false, 123, 1, -5, 1200, 1200.5, 0.05]);
    expect(values[9]).toBe("#N/A");
    expect(values[10]).toEqual(new Date(Date.UTC(2025, 0, 31)));
    expect(values[11]).toEqual(new Date(Date.UTC(2025, 0, 31)));
    expect(values[12]).toBe(1000);
  });

  it("keeps text after a leading apostrophe exactly, the apostrophe itself not part of it", () => {
    const texts = ["=IMPORTDATA(\"https://evil.example\")", "TRUE", "00123", "+1", "-5", "#N/A", "'quoted", "2025-01-31", "*", "<>x"];
    const { values, formulas } = written(texts.map((t) => `'${t}`));
    expect(values).toEqual(texts);
    expect(formulas.every((f) => f === "")).toBe(true);
  });

  it("the summary's writer sends every text that way", () => {
    const texts = ["=HYPERLINK(\"https://evil.example\",\"click\")", "TRUE", "00123", "+1", "-5", "5%", "#DIV/0!", "'x", "1/2/2025"];
    const { values, formulas } = written(texts.map((t) => String(writableOf(t))));
    expect(values).toEqual(texts);
    expect(formulas.every((f) => f === "")).toBe(true);
  });

  it("a plain-text (@) cell keeps typed numbers and booleans as text", () => {
    const emu = createEmulation({ sheets: { S: [[""]] } });
    try {
      const range = emu.spreadsheet.getSheetByName("S")!.getRange(1, 1, 1, 3);
      range.setNumberFormat("@");
      range.setValues([["00123", "TRUE", "+1"]]);
      expect(range.getValues()[0]).toEqual(["00123", "TRUE", "+1"]);
    } finally {
      emu.dispose();
    }
  });
});
