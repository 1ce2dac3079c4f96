// GOAL_STATUS and goalProgress: pace = (actual − baseline) ÷ (expected − baseline) against the goal path
// (compound path per Farris et al., Marketing Metrics, ch. 2); thresholds 1 and 0.8 are the add-on's convention.
import { describe, expect, it } from "vitest";
import { goalEntries } from "../../src/kpi/catalogue/entries/goals";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellInput } from "../../src/kpi/cells";
import { fixedClock } from "../../src/kpi/clock";
import { isoDateToSerial } from "../../src/kpi/dates";
import { type GoalPath, goalProgress } from "../../src/kpi/definitions/goals";

const JAN_1 = isoDateToSerial(2025, 1, 1);
const FEB_20 = isoDateToSerial(2025, 2, 20); // a quarter of the way
const JUL_20 = isoDateToSerial(2025, 7, 20);
const { GOAL_STATUS } = goalEntries(fixedClock(FEB_20));
const run = (...args: CellInput[]) => invoke(GOAL_STATUS, args);
const up = (actual: number, asOf?: number) => run(actual, 100, 1000, JAN_1, JUL_20, asOf);
const down = (actual: number, asOf?: number) => run(actual, 200, 150, JAN_1, JUL_20, asOf, "linear", "down");

describe("GOAL_STATUS (pace against the goal path)", () => {
  it("up: On track at pace ≥ 1, At risk at ≥ 0.8, else Behind; Achieved at the target", () => {
    // Expected 325, so 225 of gain is due.
    expect(up(325)).toBe("On track");
    expect(up(500)).toBe("On track");
    expect(up(280)).toBe("At risk"); // pace exactly 0.8
    expect(up(279)).toBe("Behind");
    expect(up(90)).toBe("Behind");
    expect(up(1000)).toBe("Achieved");
    expect(up(1200)).toBe("Achieved");
  });

  it("down (CAC, churn): lower is better", () => {
    // Expected 187.5, so 12.5 of reduction is due.
    expect(down(187.5)).toBe("On track");
    expect(down(180)).toBe("On track");
    expect(down(190)).toBe("At risk"); // pace (−10) ÷ (−12.5) = 0.8
    expect(down(195)).toBe("Behind");
    expect(down(210)).toBe("Behind");
    expect(down(150)).toBe("Achieved");
    expect(down(140)).toBe("Achieved");
  });

  it("before the start: On track unless already past the baseline the wrong way", () => {
    expect(up(100, JAN_1 - 10)).toBe("On track");
    expect(up(120, JAN_1)).toBe("On track");
    expect(up(99, JAN_1 - 10)).toBe("Behind");
    expect(down(200, JAN_1 - 10)).toBe("On track");
    expect(down(201, JAN_1 - 10)).toBe("Behind");
  });

  it("after the end a goal not reached is at risk or behind", () => {
    expect(up(900, JUL_20 + 5)).toBe("At risk");
    expect(up(500, JUL_20 + 5)).toBe("Behind");
  });

  it("uses the compound path when asked", () => {
    const start = JAN_1;
    const end = start + 180;
    // After one month the compound path expects 146.8, a straight line 250.
    expect(run(150, 100, 1000, start, end, start + 30, "compound")).toBe("On track");
    expect(run(150, 100, 1000, start, end, start + 30, "linear")).toBe("Behind");
  });

  it("accepts dates as Date cells and ISO text, and the direction in any case", () => {
    expect(run(325, 100, 1000, new Date(2025, 0, 1), "2025-07-20", new Date(2025, 1, 20))).toBe("On track");
    expect(run(180, 200, 150, JAN_1, JUL_20, FEB_20, "", "DOWN")).toBe("On track");
  });

  it("a direction that contradicts the target is an error", () => {
    expect(() => run(180, 200, 150, JAN_1, JUL_20, FEB_20)).toThrow(
      "GOAL_STATUS: direction is \"up\" but target (150) is below baseline (200); use direction \"down\" for a KPI where lower is better",
    );
    expect(() => run(300, 100, 1000, JAN_1, JUL_20, FEB_20, "linear", "down")).toThrow(
      "GOAL_STATUS: direction is \"down\" but target (1000) is above baseline (100); use direction \"up\" for a KPI where higher is better",
    );
    expect(() => run(300, 100, 1000, JAN_1, JUL_20, FEB_20, "linear", "sideways")).toThrow(
      "GOAL_STATUS: direction is \"sideways\"; use \"up\" or \"down\"",
    );
  });

  it("names bad arguments and inherits the path checks", () => {
    expect(() => run("n/a", 100, 1000, JAN_1, JUL_20)).toThrow("GOAL_STATUS: actual is \"n/a\", not a number");
    expect(() => run(300, 100, 1000, JUL_20, JAN_1)).toThrow("GOAL_STATUS: end_date (2025-01-01) is before start_date (2025-07-20)");
    expect(() => run(300, 0, 1000, JAN_1, JUL_20, FEB_20, "compound")).toThrow(
      "GOAL_STATUS: a compound curve needs baseline and target of the same sign and not 0, but baseline is 0 and target is 1000; use curve \"linear\"",
    );
  });
});

describe("goalProgress: expected, pace, status and projection for the summary sheet", () => {
  const linear: GoalPath = { baseline: 100, target: 1000, start: JAN_1, end: JUL_20, curve: "linear" };

  it("projects the linear run rate to the end date", () => {
    expect(goalProgress(300, linear, "up", FEB_20)).toEqual({ expected: 325, pace: 200 / 225, status: "At risk", projectedEnd: 900 });
  });

  it("projects the compound run rate to the end date", () => {
    const compound: GoalPath = { baseline: 100, target: 1000, start: JAN_1, end: JAN_1 + 180, curve: "compound" };
    const progress = goalProgress(100 * 10 ** (1 / 6), compound, "up", JAN_1 + 30);
    expect(progress.status).toBe("On track");
    expect(progress.pace).toBeCloseTo(1, 12);
    expect(progress.projectedEnd).toBeCloseTo(1000, 9);
    // A compound run rate needs the actual on the baseline's side of 0.
    expect(goalProgress(-5, compound, "up", JAN_1 + 30).projectedEnd).toBeNull();
  });

  it("has no pace or projection before the start, and projects the actual itself after the end", () => {
    expect(goalProgress(100, linear, "up", JAN_1 - 1)).toEqual({ expected: 100, pace: null, status: "On track", projectedEnd: null });
    expect(goalProgress(900, linear, "up", JUL_20 + 1).projectedEnd).toBe(900);
  });

  it("gives no projection rather than Infinity, and refuses an overflowing path", () => {
    const slow: GoalPath = { baseline: 1, target: 1e300, start: JAN_1, end: JAN_1 + 1e6, curve: "compound" };
    expect(goalProgress(1e10, slow, "up", JAN_1 + 1).projectedEnd).toBeNull();
    const overflowing: GoalPath = { baseline: 1e-300, target: 1e300, start: JAN_1, end: JAN_1 + 2, curve: "compound" };
    expect(() => goalProgress(1, overflowing, "up", JAN_1 + 1)).toThrow(
      "GOAL_STATUS: the expected value is too large to show; check baseline and target",
    );
  });

  it("takes today from the injected clock", () => {
    expect(goalProgress(300, linear, "up", undefined, fixedClock(FEB_20)).expected).toBe(325);
  });

  it("down goals project downwards", () => {
    const cac: GoalPath = { baseline: 200, target: 150, start: JAN_1, end: JUL_20, curve: "linear" };
    expect(goalProgress(190, cac, "down", FEB_20)).toEqual({ expected: 187.5, pace: 0.8, status: "At risk", projectedEnd: 160 });
  });
});
