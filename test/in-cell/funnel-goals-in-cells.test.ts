// SEARCH_TOP_SHARE, TIME_TO_CONVERT, FUNNEL and the goal functions typed into cells over real ranges.
import { describe, expect, it } from "vitest";
import { shown, workbook } from "./engine";

describe("funnel, timing, search and goal functions in cells", () => {
  it("times conversions over two date columns, skipping the unconverted row", () => {
    const hf = workbook([
      ["=DATE(2025,1,1)", "=DATE(2025,1,4)"],
      ["=DATE(2025,1,3)", "=DATE(2025,1,13)"],
      ["=DATE(2025,1,5)", null],
      ["=DATE(2025,1,8)", "=DATE(2025,1,9)"],
      ["=TIME_TO_CONVERT(A1:A4, B1:B4)", '=TIME_TO_CONVERT(A1:A4, B1:B4, "mean")', "=TIME_TO_CONVERT(A1:A4, B1:B3)"],
    ]);
    expect(shown(hf, "A5")).toBe(3);
    expect(shown(hf, "B5")).toBeCloseTo(14 / 3, 12);
    expect(shown(hf, "C5")).toBe("#ERROR! TIME_TO_CONVERT: start_dates has 4 cells but end_dates has 3; they must be the same rows");
    hf.destroy();
  });

  it("spills the funnel from a row of counts and a row of names, and follows edits", () => {
    const hf = workbook([
      ["Visits", "Leads", "Customers"],
      [1000, 250, 50],
      ["=FUNNEL(A2:C2, A1:C1)"],
    ]);
    expect([shown(hf, "A3"), shown(hf, "E3")]).toEqual(["Stage", "Drop-off"]);
    expect([shown(hf, "A5"), shown(hf, "B5"), shown(hf, "C5"), shown(hf, "D5"), shown(hf, "E5")]).toEqual(["Leads", 250, 0.25, 0.25, 750]);
    expect(shown(hf, "C4")).toBe("");
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, 0);
    expect(shown(hf, "D6")).toBe("undefined: first stage is 0");
    hf.destroy();
  });

  it("shares of top-10 queries, plain and weighted by impressions", () => {
    const hf = workbook([
      [2, 800], [14, 150], [30, 50], [null, null],
      ["=SEARCH_TOP_SHARE(A1:A4)", "=SEARCH_TOP_SHARE(A1:A4, 10, B1:B4)", "=SEARCH_TOP_SHARE(A1:A4, , B1:B3)"],
    ]);
    expect(shown(hf, "A5")).toBeCloseTo(1 / 3, 12);
    expect(shown(hf, "B5")).toBe(0.8);
    expect(shown(hf, "C5")).toBe("#ERROR! SEARCH_TOP_SHARE: positions has 4 cells but impressions has 3; give impressions for the same queries");
    hf.destroy();
  });

  it("expects and rates a goal from cells holding dates", () => {
    const hf = workbook([
      [100, 1000, "=DATE(2025,1,1)", "=DATE(2025,7,20)", "=DATE(2025,2,20)"],
      ["=GOAL_EXPECTED(A1, B1, C1, D1, E1)", "=GOAL_STATUS(300, A1, B1, C1, D1, E1)", '=GOAL_EXPECTED(A1, B1, D1, C1, E1, "compound")'],
    ]);
    expect(shown(hf, "A2")).toBe(325);
    expect(shown(hf, "B2")).toBe("At risk");
    expect(shown(hf, "C2")).toBe("#ERROR! GOAL_EXPECTED: end_date (2025-01-01) is before start_date (2025-07-20)");
    hf.destroy();
  });
});
