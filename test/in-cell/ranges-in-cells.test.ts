// Formulas typed into cells over real ranges: columns, rows, blocks, blanks, text, errors and spills.
import { describe, expect, it } from "vitest";
import { shown, workbook } from "./engine";

describe("custom functions over cell ranges", () => {
  const data = [
    ["Date", "Channel", "Spend", "Visits", "Leads", "Customers"],
    [45658, "Search", 1200, 4000, 120, 12],
    [45658, "Social", 800, 6000, 60, 4],
    [45689, "Search", "$1,300", 4200, 130, 13],
    [45689, "Email", 100, "", 40, 6],
    [null, null, null, null, null, null],
  ];

  it("totals columns with blanks and numeric text", () => {
    const hf = workbook([...data, ["=CAC(C2:C6, F2:F6)", "=LEAD_GEN_RATE(E2:E6, D2:D6)", "=CONVERSION_RATE(F2:F6, E2:E6)"]]);
    expect(shown(hf, "A7")).toBeCloseTo(3400 / 35, 12);
    expect(shown(hf, "B7")).toBeCloseTo(350 / 14200, 12);
    expect(shown(hf, "C7")).toBeCloseTo(35 / 350, 12);
    hf.destroy();
  });

  it("accepts a single cell as a scalar and a row range", () => {
    const hf = workbook([[1000, 2000, 10, 30], ["=CAC(A1, C1)", "=CAC(A1:B1, C1:D1)"]]);
    expect(shown(hf, "A2")).toBe(100);
    expect(shown(hf, "B2")).toBe(75);
    hf.destroy();
  });

  it("shows the function's message for a text cell, naming the row within the range", () => {
    const hf = workbook([[100, 1], ["n/a", 2], ["=CAC(A1:A2, B1:B2)"]]);
    expect(shown(hf, "A3")).toBe('#ERROR! CAC: spend row 2 is "n/a", not a number');
    hf.destroy();
  });

  it("names an error cell passed in a range", () => {
    const hf = workbook([[100, 1], ["=1/0", 2], ["=CAC(A1:A2, B1:B2)"]]);
    expect(shown(hf, "A3")).toBe("#ERROR! CAC: spend row 2 is the error #DIV/0!, not a number");
    hf.destroy();
  });

  it("spills KPI_BY below the formula and recomputes when a cell changes", () => {
    const hf = workbook([...data, ['=KPI_BY(B2:B6, "CAC", C2:C6, F2:F6)']]);
    expect([shown(hf, "A7"), shown(hf, "B7")]).toEqual(["Search", 2500 / 25]);
    expect([shown(hf, "A8"), shown(hf, "B8")]).toEqual(["Social", 200]);
    expect(shown(hf, "A9")).toBe("Email");
    expect(shown(hf, "B9")).toBeCloseTo(100 / 6, 12);
    expect(shown(hf, "A10")).toBe("Total");
    expect(shown(hf, "B10")).toBeCloseTo(3400 / 35, 12);
    hf.setCellContents({ sheet: 0, row: 2, col: 5 }, 8);
    expect(shown(hf, "B8")).toBe(100);
    hf.destroy();
  });

  it("takes NPS answers from a block with blanks", () => {
    const hf = workbook([[10, 9, null], [3, null, 8], ["=NPS(A1:C2)"]]);
    expect(shown(hf, "A3")).toBe(25);
    hf.destroy();
  });

  it("uses defaults for omitted and blank optional arguments", () => {
    const hf = workbook([[null, "=LTV(100, 0.05)", "=LTV(100, 0.05, A1)", "=LTV(100, 0.05, 0.5)"]]);
    expect(shown(hf, "B1")).toBeCloseTo(2000, 9);
    expect(shown(hf, "C1")).toBeCloseTo(2000, 9);
    expect(shown(hf, "D1")).toBeCloseTo(1000, 9);
    hf.destroy();
  });
});
