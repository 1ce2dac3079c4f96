// Reading cell values: numeric text, blanks, dates, and error messages that name the function, argument and row.
import { describe, expect, it } from "vitest";
import { cellToDateSerial, parseNumericText, singleNumber, total } from "../../src/kpi/coerce";
import { isoDateToSerial } from "../../src/kpi/dates";

const ref = { fn: "CAC", arg: "spend" };

describe("parseNumericText reads numbers as people type them", () => {
  it.each([
    ["1,200", 1200], ["$1,200", 1200], ["5%", 0.05], ["-$1,200.50", -1200.5], ["$-30", -30], ["(1,200)", -1200],
    [" 42 ", 42], ["1.5e3", 1500], ["€15", 15], ["12.5%", 0.125], [".5", 0.5], ["+7", 7],
    // Unambiguous locale forms: a comma decimal, grouping by points, spaces or apostrophes, codes and the Unicode minus.
    ["1,2", 1.2], ["1 200", 1200], ["1.234,56", 1234.56], ["1\u202f234,56", 1234.56], ["1'234.56", 1234.56],
    ["Rp 1.250.000", 1_250_000], ["USD 1,200", 1200], ["RM 45.50", 45.5], ["\u22125", -5], ["5,5 %", 0.055],
  ])("%s is %d", (text, expected) => {
    expect(parseNumericText(text)).toBeCloseTo(expected, 12);
  });

  it.each(["n/a", "12,34,567", "$", "%", "abc5", "5 apples", "--5", "0x10", "", "1.200", "1.200 €", "1,2.3"])("%s is not a number", (text) => {
    expect(parseNumericText(text)).toBeNull();
  });

  it("names the cell and both readings of text that could be a decimal or a thousands group", () => {
    expect(() => total(ref, [[1], ["1.200"]])).toThrow('CAC: spend row 2 is "1.200", which could be 1.2 or 1200; type it as a number');
  });
});

describe("total sums a range, ignoring blanks", () => {
  it("totals a column with blanks, numeric text and currency", () => {
    expect(total(ref, [[100], [""], ["$1,200"], [null], [50.5]])).toBe(1350.5);
  });

  it("names the row of a word in a column range", () => {
    expect(() => total(ref, [[1], [2], [3], ["n/a"]])).toThrow('CAC: spend row 4 is "n/a", not a number');
  });

  it("names the column of a bad cell in a row range and both in a block", () => {
    expect(() => total(ref, [[1, true]])).toThrow("CAC: spend column 2 is TRUE, not a number");
    expect(() => total(ref, [[1, 2], [3, "#N/A"]])).toThrow("CAC: spend row 2, column 2 is the error #N/A, not a number");
  });

  it("rejects a date in an amount column, showing the date", () => {
    expect(() => total(ref, [[new Date(2025, 0, 5)]])).toThrow("CAC: spend is a date (2025-01-05), not a number");
  });

  it("refuses negative counts and names the cell", () => {
    expect(() => total({ fn: "CAC", arg: "new_customers" }, [[3], [-2]], { nonNegative: true }))
      .toThrow("CAC: new_customers row 2 is -2, and a count cannot be negative");
  });

  it("treats a single cell as a scalar and NaN as an error", () => {
    expect(total(ref, 7)).toBe(7);
    expect(() => total(ref, Number.NaN)).toThrow("CAC: spend is NaN, not a finite number");
  });
});

describe("single values", () => {
  it("accepts a one-cell range and applies defaults to blanks", () => {
    expect(singleNumber(ref, [[5]])).toBe(5);
    expect(singleNumber(ref, "", 1)).toBe(1);
    expect(singleNumber(ref, undefined, 0.5)).toBe(0.5);
  });

  it("refuses a multi-cell range where one value is expected", () => {
    expect(() => singleNumber({ fn: "LTV", arg: "churn_rate" }, [[0.1], [0.2]]))
      .toThrow("LTV: churn_rate must be a single value, not a range of 2 cells");
  });
});

describe("dates", () => {
  it("accepts Date cells, serial numbers and ISO text", () => {
    expect(cellToDateSerial(ref, new Date(2025, 2, 31))).toBe(isoDateToSerial(2025, 3, 31));
    expect(cellToDateSerial(ref, 45747)).toBe(45747);
    expect(cellToDateSerial(ref, "2025-03-31")).toBe(45747);
    expect(cellToDateSerial(ref, "")).toBeNull();
  });

  it("accepts date text with one reading: a time of day, compact, day above 12, month names", () => {
    const sep23 = isoDateToSerial(2026, 9, 23);
    for (const text of ["2026-09-23T23:30:00Z", "2026-09-23 09:07:33", "20260923", "23.09.2026", "9/23/2026", "23 Sep 2026", "Sep 23, 2026", "23. Sept. 2026", "23 September 2026"]) {
      expect(cellToDateSerial(ref, text), text).toBe(sep23);
    }
  });

  it("names the cell and both readings of a date whose day and month could be swapped", () => {
    expect(() => cellToDateSerial({ fn: "TIME_TO_CONVERT", arg: "start_dates" }, "03/04/2026", { row: 2, column: 1, rows: 5, columns: 1 })).toThrow(
      'TIME_TO_CONVERT: start_dates row 2 is "03/04/2026", which could be 2026-04-03 (day first) or 2026-03-04 (month first); write it as YYYY-MM-DD',
    );
  });

  it("rejects text that is not a date and impossible ISO dates", () => {
    expect(() => cellToDateSerial({ fn: "TIME_TO_CONVERT", arg: "start_dates" }, "soon"))
      .toThrow('TIME_TO_CONVERT: start_dates is "soon", not a date');
    expect(() => cellToDateSerial(ref, "2025-02-30")).toThrow("not a date");
  });
});
