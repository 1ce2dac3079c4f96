// Goal paths: the value a goal expects on a given day (linear or compound), and whether the actual is on pace.
import { type Clock, systemClock } from "../clock";
import { serialToIsoDate } from "../dates";
import { fail } from "../kpi-error";
import { show } from "./guards";

export const GOAL_CURVES = ["linear", "compound"] as const;
export type GoalCurve = (typeof GOAL_CURVES)[number];
export const GOAL_DIRECTIONS = ["up", "down"] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];
export type GoalStatus = "Achieved" | "On track" | "At risk" | "Behind";

/** Pace at or above this (but below 1) is "At risk" rather than "Behind". */
export const AT_RISK_PACE = 0.8;

/** A goal: move a KPI from baseline (on start) to target (on end), along a straight or a compounding path. */
export interface GoalPath {
  baseline: number;
  target: number;
  /** Date serials. */
  start: number;
  end: number;
  curve: GoalCurve;
}

/** Share of the period elapsed on `asOf`, clamped to 0..1: before the start nothing is expected, after the end all. */
export function elapsedFraction(start: number, end: number, asOf: number): number {
  if (end === start) return asOf < start ? 0 : 1;
  return Math.min(1, Math.max(0, (asOf - start) / (end - start)));
}

/** Rejects paths that have no meaning: a period running backwards, or a compound path through zero. */
export function checkGoalPath(fn: string, path: GoalPath): void {
  if (path.end < path.start) {
    fail(fn, `end_date (${serialToIsoDate(path.end)}) is before start_date (${serialToIsoDate(path.start)})`);
  }
  if (path.curve === "compound") {
    // A constant growth factor can only join two values of the same sign, and never starts from or reaches 0.
    if (path.baseline === 0 || path.target === 0 || Math.sign(path.baseline) !== Math.sign(path.target)) {
      fail(fn, `a compound curve needs baseline and target of the same sign and not 0, but baseline is ${show(path.baseline)} and target is ${show(path.target)}; use curve "linear"`);
    }
  }
}

/** The value the path reaches after fraction f of the period. */
export function valueOnPath(path: GoalPath, f: number): number {
  if (f <= 0) return path.baseline;
  if (f >= 1) return path.target;
  if (path.curve === "compound") return path.baseline * (path.target / path.baseline) ** f;
  return path.baseline + (path.target - path.baseline) * f;
}

/** What the goal expects on `asOf` (default: today from the clock). */
export function goalExpected(path: GoalPath, asOf?: number, clock: Clock = systemClock, fn = "GOAL_EXPECTED"): number {
  checkGoalPath(fn, path);
  const expected = valueOnPath(path, elapsedFraction(path.start, path.end, asOf ?? clock.today()));
  // Only a compound path between wildly different magnitudes (1e-300 to 1e300) can overflow.
  if (!Number.isFinite(expected)) fail(fn, "the expected value is too large to show; check baseline and target");
  return expected;
}

export interface GoalProgress {
  expected: number;
  /** (actual − baseline) ÷ (expected − baseline); null while nothing is expected to have moved yet. */
  pace: number | null;
  status: GoalStatus;
  /** The actual carried to the end date at its run rate so far; null when there is no run rate yet. */
  projectedEnd: number | null;
}

function projectEnd(path: GoalPath, actual: number, f: number): number | null {
  if (f <= 0) return null;
  if (f >= 1) return actual;
  let projected: number | null;
  if (path.curve === "linear") {
    projected = path.baseline + (actual - path.baseline) / f;
  } else {
    // Compound run rate: the growth factor so far, (actual ÷ baseline), sustained for the whole period.
    const ratio = actual / path.baseline;
    projected = ratio > 0 ? path.baseline * ratio ** (1 / f) : null;
  }
  // A few hours into a long period the run rate can extrapolate past any number: no projection yet.
  return projected !== null && Number.isFinite(projected) ? projected : null;
}

function checkDirection(fn: string, path: GoalPath, direction: GoalDirection): void {
  if (direction === "up" && path.target < path.baseline) {
    fail(fn, `direction is "up" but target (${show(path.target)}) is below baseline (${show(path.baseline)}); use direction "down" for a KPI where lower is better`);
  }
  if (direction === "down" && path.target > path.baseline) {
    fail(fn, `direction is "down" but target (${show(path.target)}) is above baseline (${show(path.baseline)}); use direction "up" for a KPI where higher is better`);
  }
}

/**
 * Where a goal stands on `asOf`. Pace compares the distance travelled with the distance expected, so it
 * reads the same for goals that go up and goals that go down.
 */
export function goalProgress(
  actual: number, path: GoalPath, direction: GoalDirection = "up", asOf?: number, clock: Clock = systemClock,
  fn = "GOAL_STATUS",
): GoalProgress {
  checkGoalPath(fn, path);
  checkDirection(fn, path, direction);
  const f = elapsedFraction(path.start, path.end, asOf ?? clock.today());
  const expected = valueOnPath(path, f);
  if (!Number.isFinite(expected)) fail(fn, "the expected value is too large to show; check baseline and target");
  const projectedEnd = projectEnd(path, actual, f);
  const reached = direction === "up" ? actual >= path.target : actual <= path.target;
  const gap = expected - path.baseline;
  if (gap === 0) {
    // Nothing is due yet (the period has not started): on track unless already on the wrong side of baseline.
    const slipped = direction === "up" ? actual < path.baseline : actual > path.baseline;
    return { expected, pace: null, status: reached ? "Achieved" : slipped ? "Behind" : "On track", projectedEnd };
  }
  const pace = (actual - path.baseline) / gap;
  const status: GoalStatus = reached ? "Achieved" : pace >= 1 ? "On track" : pace >= AT_RISK_PACE ? "At risk" : "Behind";
  return { expected, pace, status, projectedEnd };
}
