// Cohort conversion: of those who entered in a week, month or quarter, the share that converted within a window of days.
import { isoDateToSerial, serialToParts } from "../dates";
import { fail } from "../kpi-error";
import { show } from "./guards";
import { quantileInPlace } from "./order-statistics";
import { endOfMonth } from "./periods";

export const COHORT_PERIODS = ["week", "month", "quarter"] as const;
export type CohortPeriod = (typeof COHORT_PERIODS)[number];

export interface CohortRow {
  /** First day of the cohort's week (ISO, Monday), month or quarter, as a serial. */
  start: number;
  /** Last day of that period. */
  end: number;
  /** Rows whose start date falls in the period. */
  entered: number;
  /** Of those, rows whose end is on or after the start and at most `windowDays` later. */
  converted: number;
  /** converted ÷ entered; entered is never 0 for a listed cohort. */
  rate: number;
  /** Median days from start to end among the converted; null when none converted. */
  medianDays: number | null;
  /** True once every member has had the whole window: the period's last day + windowDays is on or before as_of. */
  complete: boolean;
}

export interface CohortResult {
  rows: CohortRow[];
  /** Rows whose end is before their start: counted as entered, not converted. */
  endBeforeStart: number;
  /** The day completeness was judged on. */
  asOf: number;
}

/** Monday of the ISO week holding the serial (serial 0, 1899-12-30, was a Saturday). */
export function isoWeekStart(serial: number): number {
  const day = Math.floor(serial);
  return day - (((day + 5) % 7) + 7) % 7;
}

export function cohortStart(serial: number, period: CohortPeriod): number {
  if (period === "week") return isoWeekStart(serial);
  const { year, month } = serialToParts(serial);
  return isoDateToSerial(year, period === "month" ? month : Math.floor((month - 1) / 3) * 3 + 1, 1);
}

export function cohortEnd(start: number, period: CohortPeriod): number {
  if (period === "week") return start + 6;
  return endOfMonth(start, period === "month" ? 0 : 2);
}

/**
 * `starts` and `ends` are the same rows as serials, NaN for a blank. A row without a start never
 * entered and is skipped; a blank end has not converted; an end before its start is a data error that
 * counts as entered but not converted. `asOf` defaults to the latest date in either column.
 */
export function cohortConversion(
  starts: Float64Array, ends: Float64Array, windowDays: number, period: CohortPeriod, asOf?: number, fn = "COHORT_CONVERSION",
): CohortResult {
  if (starts.length !== ends.length) {
    fail(fn, `start_dates has ${starts.length} cells but end_dates has ${ends.length}; they must be the same rows`);
  }
  if (!Number.isFinite(windowDays) || windowDays < 0) fail(fn, `window_days is ${show(windowDays)}; it must be 0 or more days`);
  const byCohort = new Map<number, { entered: number; days: number[] }>();
  let endBeforeStart = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = ends[i];
    if (end === end && end > latest) latest = end;
    if (start !== start) continue;
    if (start > latest) latest = start;
    const key = cohortStart(start, period);
    let cohort = byCohort.get(key);
    if (cohort === undefined) {
      cohort = { entered: 0, days: [] };
      byCohort.set(key, cohort);
    }
    cohort.entered++;
    if (end !== end) continue;
    const days = end - start;
    if (days < 0) endBeforeStart++;
    else if (days <= windowDays) cohort.days.push(days);
  }
  if (byCohort.size === 0) fail(fn, "no row has a start date, so there is no cohort to measure");
  const judgedOn = asOf ?? Math.floor(latest);
  const rows = [...byCohort.entries()].sort(([a], [b]) => a - b).map(([start, { entered, days }]): CohortRow => {
    const end = cohortEnd(start, period);
    const converted = days.length;
    return {
      start, end, entered, converted, rate: converted / entered,
      medianDays: converted === 0 ? null : quantileInPlace(Float64Array.from(days), 0.5),
      complete: end + windowDays <= judgedOn,
    };
  });
  return { rows, endBeforeStart, asOf: judgedOn };
}
