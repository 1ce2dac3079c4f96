// The order-log summary against the published CDNOW summary, and its edge cases.
import { describe, expect, it } from "vitest";
import { summarizeTransactions } from "../../src/kpi/clv/transaction-summary";
import { ModelError } from "../../src/kpi/clv/model-error";
import { CDNOW_CALIBRATION_END, loadCdnowLog, loadCdnowSummary, serialOf } from "../fixtures/cdnow/load-cdnow";

describe("summary of the raw CDNOW log, as of 1997-09-30", () => {
  const published = loadCdnowSummary();
  const derived = summarizeTransactions(loadCdnowLog(), CDNOW_CALIBRATION_END);

  it("has the spreadsheet serial of 1997-09-30", () => {
    expect(CDNOW_CALIBRATION_END).toBe(35703);
  });

  it("matches the published x, t_x and T of every customer (to 0.01 weeks; the file rounds)", () => {
    expect(derived).toHaveLength(published.length);
    const mismatches = derived.filter((c, i) => {
      const p = published[i];
      return (
        Number(c.id) !== p.id ||
        c.x !== p.x ||
        Math.abs(c.tx - p.tx) > 0.01 ||
        Math.abs(c.T - p.T) > 0.01 ||
        Math.abs((c.zbar ?? NaN) - p.zbar) > 0.0051
      );
    });
    expect(mismatches).toEqual([]);
  });

  it("counts orders as repeat purchases plus the first", () => {
    expect(derived.every((c) => c.orders === c.x + 1)).toBe(true);
  });
});

describe("summary edge cases", () => {
  const day = (d: number): number => serialOf(2024, 1, d);

  it("merges a customer's orders on the same day into one purchase, adding their values", () => {
    const [a] = summarizeTransactions(
      { customerIds: ["a", "a", "a"], orderDates: [day(1), day(8) + 0.25, day(8) + 0.75], orderValues: [10, 5, 7] },
      day(15),
    );
    expect(a).toEqual({ id: "a", orders: 2, x: 1, tx: 1, T: 2, totalValue: 22, zbar: 12 });
  });

  it("ignores orders after as_of", () => {
    const [a] = summarizeTransactions(
      { customerIds: ["a", "a", "a"], orderDates: [day(1), day(8), day(9)], orderValues: [10, 5, 7] },
      day(8),
    );
    expect(a).toMatchObject({ orders: 2, x: 1, tx: 1, T: 1, totalValue: 15, zbar: 5 });
  });

  it("lists customers in order of first appearance, whatever the order of dates", () => {
    const result = summarizeTransactions(
      { customerIds: ["b", "a", "b"], orderDates: [day(20), day(3), day(6)] },
      day(27),
    );
    expect(result.map((c) => c.id)).toEqual(["b", "a"]);
    expect(result[0]).toMatchObject({ x: 1, tx: 2, T: 3, totalValue: null, zbar: null });
  });

  it("marks a customer's values unknown when one of them is blank", () => {
    const [a, b] = summarizeTransactions(
      { customerIds: ["a", "a", "b"], orderDates: [day(1), day(2), day(1)], orderValues: [3, null, 4] },
      day(10),
    );
    expect(a.zbar).toBeNull();
    expect(b.totalValue).toBe(4);
  });

  it("rejects mismatched lengths, an empty log and bad rows with ModelErrors", () => {
    const run = (ids: string[], dates: number[], asOf = day(30)) => () =>
      summarizeTransactions({ customerIds: ids, orderDates: dates }, asOf);
    expect(run(["a"], [day(1), day(2)])).toThrow(/^customer_ids has 1 rows but order_dates has 2/);
    expect(run([], [])).toThrow(/^there are no orders on or before as_of/);
    expect(run(["a"], [day(40)])).toThrow(/no orders on or before as_of/);
    expect(run(["a", ""], [day(1), day(2)])).toThrow(/^row 2 has no customer id/);
    expect(run(["a", "b"], [day(1), NaN])).toThrow(/^row 2 has no valid order date/);
    expect(run(["a"], [day(1)], NaN)).toThrow(ModelError);
  });
});
