// Range reads and writes round-trip as in Apps Script: Dates, blanks, typed-in strings, shape errors, out-of-range messages.
import { describe, expect, it } from "vitest";
import { createEmulation } from "../../src/local/emulation";

describe("getValues / setValues", () => {
  it("round-trips numbers, text, booleans, Dates and blanks", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    const day = new Date(Date.UTC(2024, 0, 31));
    const moment = new Date(Date.UTC(2024, 1, 1, 13, 30, 0));
    sheet.getRange("A1:E2").setValues([
      [1.5, "text", true, day, null],
      ["", -2, false, moment, "00123x"],
    ]);
    const values = sheet.getRange("A1:E2").getValues();
    expect(values[0]).toEqual([1.5, "text", true, day, ""]);
    expect(values[1]).toEqual(["", -2, false, moment, "00123x"]);
    expect(values[0]![3]).toBeInstanceOf(Date);
    expect(sheet.getRange("D1").getNumberFormat()).toBe("M/d/yyyy");
  });

  it("parses strings as typed: numbers, ISO dates, formulas; an apostrophe keeps text", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    sheet.getRange("A1:D1").setValues([["42", "2024-03-05", "=A1*2", "'42"]]);
    const [[n, d, f, t]] = sheet.getRange("A1:D1").getValues() as [[unknown, unknown, unknown, unknown]];
    expect(n).toBe(42);
    expect(d).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(f).toBe(84);
    expect(t).toBe("42");
    expect(sheet.getRange("A1:D1").getFormulas()).toEqual([["", "", "=A1*2", ""]]);
  });

  it("reads Dates in the spreadsheet's time zone", () => {
    const sheet = createEmulation({ timeZone: "America/New_York" }).spreadsheet.getActiveSheet();
    const localMidnight = new Date("2024-07-04T04:00:00Z"); // 00:00 in New York (EDT)
    sheet.getRange("A1").setValue(localMidnight);
    sheet.getRange("B1").setFormula("=A1");
    expect(sheet.getRange("A1").getValue()).toEqual(localMidnight);
    expect(sheet.getRange("A1").getDisplayValue()).toBe("7/4/2024");
  });

  it("setValue writes every cell of the range", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    sheet.getRange("A1:B2").setValue(7);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([[7, 7], [7, 7]]);
  });

  it("rejects data whose shape differs from the range, with Apps Script's message", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    expect(() => sheet.getRange("A1:B2").setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange("A1:B1").setValues([[1, 2, 3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
  });

  it("refuses ranges outside the grid like Apps Script", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.getRange(1001, 1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sheet.getRange("AA1")).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange("not a range")).toThrow("Range not found");
  });

  it("reports last row/column of content and a data range that covers it", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    sheet.getRange("B3").setValue("x");
    sheet.getRange("D2").setFormula("=1");
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:D3");
    sheet.getRange("B3").clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  it("appendRow grows the grid past its last row", () => {
    const emu = createEmulation({ sheets: { Data: Array.from({ length: 1000 }, (_, i) => [i]) } });
    const sheet = emu.spreadsheet.getSheetByName("Data")!;
    sheet.appendRow([1000]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe(1000);
  });
});
