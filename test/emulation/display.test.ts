// getDisplayValues shows what a user would see under each number format.
import { describe, expect, it } from "vitest";
import { createEmulation } from "../../src/local/emulation";

const cases: [number | string, string, string][] = [
  [1234.567, "0", "1235"],
  [1234.567, "0.00", "1234.57"],
  [1234567.891, "#,##0", "1,234,568"],
  [1234567.891, "#,##0.00", "1,234,567.89"],
  [-1234.5, "$#,##0.00", "-$1,234.50"],
  [12, "[$€]#,##0.00", "€12.00"],
  [0.1234, "0%", "12%"],
  [0.1234, "0.0%", "12.3%"],
  [0.1234, "0.00%", "12.34%"],
  ["2024-03-05", "yyyy-mm-dd", "2024-03-05"],
  ["2024-03-05", "mmm yyyy", "Mar 2024"],
  [1 / 3, "General", "0.3333333333"],
];

describe("getDisplayValues", () => {
  it.each(cases)("%s under %s shows %s", (value, format, shown) => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    const cell = sheet.getRange("A1").setValue(value).setNumberFormat(format);
    expect(cell.getDisplayValue()).toBe(shown);
    expect(cell.getNumberFormat()).toBe(format);
  });

  it("shows unformatted cells in Sheets' automatic format", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    sheet.getRange("A1:D1").setValues([[0.1 + 0.2, true, "", "text"]]);
    expect(sheet.getRange("A1:D1").getDisplayValues()).toEqual([["0.3", "TRUE", "", "text"]]);
    expect(sheet.getRange("A1").getNumberFormat()).toBe("0.###############");
  });

  it("formats many cells at once with setNumberFormats", () => {
    const sheet = createEmulation().spreadsheet.getActiveSheet();
    sheet.getRange("A1:B1").setValues([[0.5, 1500]]).setNumberFormats([["0%", "$#,##0"]]);
    expect(sheet.getRange("A1:B1").getDisplayValues()).toEqual([["50%", "$1,500"]]);
  });
});
