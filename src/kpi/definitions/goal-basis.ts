// What a goal's actual is measured over (its basis), and its status on the day the data reaches: never "Behind" before there is data to judge.
import { type GoalDirection, type GoalPath, type GoalProgress, goalProgress } from "./goals";
import { KpiError } from "../kpi-error";

/**
 * "since start": totals (and ratios) over the goal's start to the day measured. "per day": a total's
 * daily average over the last 7 days measured (a ratio over those 7 days), for goals such as
 * "100 → 1,000 visitors a day in six months".
 */
export const GOAL_BASES = ["since start", "per day"] as const;
export type GoalBasis = (typeof GOAL_BASES)[number];
export const DEFAULT_GOAL_BASIS: GoalBasis = "since start";
export const PER_DAY_DAYS = 7;

export function goalBasisNamed(text: unknown): GoalBasis | null {
  const wanted = typeof text === "string" ? text.trim().toLowerCase() : "";
  return GOAL_BASES.find((b) => b === wanted) ?? null;
}

/** Whole-day serials, both inclusive; `days` may be 0 or less before the goal has started. */
export interface MeasuredWindow {
  from: number;
  to: number;
  days: number;
}

/** The days a goal's actual is measured over: up to its end or the latest data, whichever comes first. */
export function goalWindow(basis: GoalBasis, start: number, end: number, latestData: number): MeasuredWindow {
  const to = Math.min(end, latestData);
  const from = basis === "per day" ? Math.max(start, to - (PER_DAY_DAYS - 1)) : start;
  return { from, to, days: to - from + 1 };
}

/**
 * Where the baseline is read from: the data just before the goal starts. A per-day goal's baseline is the
 * daily average of the 7 days before; a since-start goal's ratio baseline the 30 days before (its totals start at 0).
 */
export function baselineWindow(basis: GoalBasis, start: number, latestData: number): MeasuredWindow {
  const to = Math.min(start - 1, latestData);
  const days = basis === "per day" ? PER_DAY_DAYS : 30;
  return { from: to - days + 1, to, days };
}

export type SummaryGoalStatus = GoalProgress["status"] | "Not started" | "Just started" | "Check direction";

export interface SummaryGoalProgress {
  status: SummaryGoalStatus;
  expected: number | null;
  pace: number | null;
  projectedEnd: number | null;
}

/**
 * The goals table's verdict on `asOf` (the day measured). Before the start the goal has not started; on its
 * first day there is at most one partial day of data, so it is "Just started" rather than judged.
 */
export function summaryGoalProgress(actual: number, path: GoalPath, direction: GoalDirection, asOf: number): SummaryGoalProgress {
  const wrongWay = direction === "up" ? path.target < path.baseline : path.target > path.baseline;
  if (wrongWay) return { status: "Check direction", expected: null, pace: null, projectedEnd: null };
  if (asOf < path.start) return { status: "Not started", expected: path.baseline, pace: null, projectedEnd: null };
  if (asOf === path.start) return { status: "Just started", expected: path.baseline, pace: null, projectedEnd: null };
  try {
    return goalProgress(actual, path, direction, asOf);
  } catch (error) {
    if (error instanceof KpiError) return { status: "Check direction", expected: null, pace: null, projectedEnd: null };
    throw error;
  }
}
