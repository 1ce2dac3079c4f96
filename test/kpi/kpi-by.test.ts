// KPI_BY groups a ratio-of-totals KPI by key, with a Total from grand totals, never an average of ratios.
import { describe, expect, it } from "vitest";
import { call, column } from "./call";

describe("KPI_BY", () => {
  it("computes CAC per channel in order of first appearance, then a Total from the totals", () => {
    const result = call("KPI_BY", column("Search", "Social", "Search", "Email"), "CAC",
      column(100, 300, 200, 90), column(2, 1, 4, 3));
    expect(result).toEqual([["Search", 50], ["Social", 300], ["Email", 30], ["Total", 690 / 10]]);
  });

  it("shows the reason in a group whose KPI is undefined instead of failing the table", () => {
    const result = call("KPI_BY", column("A", "B"), "cac", column(10, 20), column(1, 0));
    expect(result).toEqual([["A", 10], ["B", "new customers total is 0, so CAC is undefined"], ["Total", 30]]);
  });

  it("computes SHARE of an amount and skips the blank tail of open-ended ranges", () => {
    const result = call("KPI_BY", column("Ads", "Email", "Ads", "", ""), "SHARE", column(600, 200, 200, "", ""));
    expect(result).toEqual([["Ads", 0.8], ["Email", 0.2], ["Total", 1]]);
  });

  it("groups rows with data but no key under (blank) and dates by calendar day", () => {
    const d1 = new Date(2025, 0, 1);
    const d1Again = new Date(2025, 0, 1);
    const result = call("KPI_BY", column(d1, "", d1Again), "CONVERSION_RATE", column(1, 2, 3), column(10, 10, 10));
    expect(result).toEqual([["2025-01-01", 0.2], ["(blank)", 0.2], ["Total", 0.2]]);
  });

  it("passes optional single values (ROMI's gross margin) to every group", () => {
    const result = call("KPI_BY", column("A", "B"), "ROMI", column(1000, 500), column(100, 100), 0.5);
    expect(result).toEqual([["A", 4], ["B", 1.5], ["Total", 2.75]]);
  });

  it("handles three-argument KPIs", () => {
    const result = call("KPI_BY", column("EU", "US"), "RETENTION_RATE", column(110, 55), column(20, 5), column(100, 50));
    expect(result).toEqual([["EU", 0.9], ["US", 1], ["Total", 140 / 150]]);
  });

  it("gives clear errors for unknown KPIs, wrong argument counts, mismatched sizes and bad cells", () => {
    expect(() => call("KPI_BY", column("A"), "NPS", column(9))).toThrow('KPI_BY: kpi_name "NPS" is not a KPI it can group; use one of CAC, CPA');
    expect(() => call("KPI_BY", column("A"), "CAC", column(9))).toThrow("KPI_BY: CAC needs spend, new_customers after the KPI name, got 1 argument(s)");
    expect(() => call("KPI_BY", column("A", "B"), "CAC", column(1, 2), column(1))).toThrow("KPI_BY: new_customers has 1 cells but group_keys has 2; give ranges of the same size");
    expect(() => call("KPI_BY", column("A", "B"), "CAC", column(1, "x"), column(1, 1))).toThrow('KPI_BY: spend row 2 is "x", not a number');
    expect(() => call("KPI_BY", column("A"), "CAC", column(1), column(-1))).toThrow("KPI_BY: new_customers has -1 in row 1, and a count cannot be negative");
    expect(() => call("KPI_BY", column("", ""), "CAC", column("", ""), column("", ""))).toThrow("KPI_BY: group_keys and the KPI ranges are all blank");
    expect(() => call("KPI_BY", column("A"), "", column(1))).toThrow("KPI_BY: kpi_name is blank; it needs text");
  });
});
