// GOAL_EXPECTED known answers. The compound path is the compound growth rate of Farris et al., Marketing
// Metrics, ch. 2: (ending ÷ beginning)^(1 ÷ periods) − 1; the linear path is straight-line interpolation.
import { describe, expect, it } from "vitest";
import { goalEntries } from "../../src/kpi/catalogue/entries/goals";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellInput } from "../../src/kpi/cells";
import { fixedClock, systemClock } from "../../src/kpi/clock";
import { isoDateToSerial } from "../../src/kpi/dates";
import { elapsedFraction, goalExpected } from "../../src/kpi/definitions/goals";

const JAN_1 = isoDateToSerial(2025, 1, 1);
const FEB_20 = isoDateToSerial(2025, 2, 20); // 50 days in
const JUL_20 = isoDateToSerial(2025, 7, 20); // 200 days in
const { GOAL_EXPECTED } = goalEntries(fixedClock(FEB_20));
const run = (...args: CellInput[]) => invoke(GOAL_EXPECTED, args);

describe("GOAL_EXPECTED (compound growth rate per Farris et al., ch. 2)", () => {
  it("linear: baseline + (target − baseline) × elapsed share", () => {
    expect(run(100, 1000, new Date(2025, 0, 1), new Date(2025, 6, 20), new Date(2025, 1, 20))).toBe(325);
    expect(run(100, 1000, JAN_1, JUL_20, FEB_20, "linear")).toBe(325);
    expect(run(100, 1000, "2025-01-01", "2025-07-20", "2025-02-20")).toBe(325);
  });

  it("takes today from the clock when as_of is omitted or blank", () => {
    expect(run(100, 1000, JAN_1, JUL_20)).toBe(325);
    expect(run(100, 1000, JAN_1, JUL_20, "")).toBe(325);
    expect(invoke(goalEntries(fixedClock(JUL_20)).GOAL_EXPECTED, [100, 1000, JAN_1, JUL_20])).toBe(1000);
    expect(Number.isInteger(systemClock.today())).toBe(true);
  });

  it("100 → 1000 visitors a day in six months is about +46.8% a month compounded", () => {
    const start = isoDateToSerial(2025, 1, 1);
    const end = start + 180; // six 30-day months
    const months = [1, 2, 3, 4, 5, 6].map((m) => run(100, 1000, start, end, start + 30 * m, "compound") as number);
    const growth = months[0] / 100 - 1;
    expect(growth).toBeCloseTo(0.468, 3);
    expect(growth).toBeCloseTo(10 ** (1 / 6) - 1, 12);
    for (let m = 1; m < 6; m++) expect(months[m] / months[m - 1]).toBeCloseTo(1 + growth, 12);
    expect(months[5]).toBe(1000);
    // A straight line would expect 250 after one month; the compound path only 146.8.
    expect(run(100, 1000, start, end, start + 30)).toBe(250);
  });

  it("clamps to the baseline before the start and to the target after the end", () => {
    expect(run(100, 1000, JAN_1, JUL_20, JAN_1 - 30)).toBe(100);
    expect(run(100, 1000, JAN_1, JUL_20, JUL_20 + 30, "compound")).toBe(1000);
  });

  it("handles a goal that goes down, and negative values on a linear path", () => {
    expect(run(200, 150, JAN_1, JUL_20, FEB_20)).toBe(187.5);
    expect(run(-50, 50, JAN_1, JAN_1 + 100, JAN_1 + 50)).toBe(0);
    expect(run(-100, -400, JAN_1, JAN_1 + 100, JAN_1 + 50, "compound")).toBe(-200);
  });

  it("a one-day period expects the baseline before it and the target from its day on", () => {
    expect(run(1, 2, JAN_1, JAN_1, JAN_1 - 1)).toBe(1);
    expect(run(1, 2, JAN_1, JAN_1, JAN_1)).toBe(2);
    expect(elapsedFraction(10, 10, 9)).toBe(0);
  });

  it("rejects an end before the start", () => {
    expect(() => run(100, 1000, JUL_20, JAN_1, FEB_20)).toThrow(
      "GOAL_EXPECTED: end_date (2025-01-01) is before start_date (2025-07-20)",
    );
  });

  it("compound needs baseline and target of the same sign, not 0", () => {
    const message = (b: number, t: number) =>
      `GOAL_EXPECTED: a compound curve needs baseline and target of the same sign and not 0, but baseline is ${b} and target is ${t}; use curve "linear"`;
    expect(() => run(0, 1000, JAN_1, JUL_20, FEB_20, "compound")).toThrow(message(0, 1000));
    expect(() => run(100, 0, JAN_1, JUL_20, FEB_20, "compound")).toThrow(message(100, 0));
    expect(() => run(-10, 10, JAN_1, JUL_20, FEB_20, "compound")).toThrow(message(-10, 10));
    expect(run(0, 1000, JAN_1, JUL_20, FEB_20, "linear")).toBe(250);
  });

  it("names bad arguments", () => {
    expect(() => run("n/a", 1000, JAN_1, JUL_20)).toThrow("GOAL_EXPECTED: baseline is \"n/a\", not a number");
    expect(() => run(100, 1000, "soon", JUL_20)).toThrow("GOAL_EXPECTED: start_date is \"soon\", not a date");
    expect(() => run(100, 1000, JAN_1, "")).toThrow("GOAL_EXPECTED: end_date is blank; it needs a date");
    expect(() => run(100, 1000, JAN_1, JUL_20, FEB_20, "exponential")).toThrow(
      "GOAL_EXPECTED: curve is \"exponential\"; use \"linear\" or \"compound\"",
    );
    expect(() => run(100, 1000, JAN_1)).toThrow(
      "GOAL_EXPECTED: end_date is missing; the function is GOAL_EXPECTED(baseline, target, start_date, end_date, [as_of], [curve])",
    );
    expect(() => run([[100], [200]], 1000, JAN_1, JUL_20)).toThrow("GOAL_EXPECTED: baseline must be a single value, not a range of 2 cells");
  });

  it("the definition takes the clock too", () => {
    const path = { baseline: 100, target: 1000, start: JAN_1, end: JUL_20, curve: "linear" as const };
    expect(goalExpected(path, undefined, fixedClock(FEB_20))).toBe(325);
  });
});
