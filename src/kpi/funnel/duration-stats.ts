// Median, mean and 90th percentile of time-to-convert durations, each a value or the reason there is none.
import { meanOf, quantileInPlace } from "../definitions/order-statistics";
import { type KpiValue, defined, undefinedBecause } from "./kpi-value";

export interface DurationStats {
  /** Records that reached both the first and the last stage. */
  records: number;
  medianDays: KpiValue;
  meanDays: KpiValue;
  /** 90th percentile with linear interpolation, exactly as TIME_TO_CONVERT(…, "p90") computes it. */
  p90Days: KpiValue;
}

/**
 * Statistics of the first `count` values, through the same order statistics as TIME_TO_CONVERT so a
 * report and a cell never disagree; reorders that slice in place (it is the caller's scratch buffer).
 */
export function durationStats(values: Float64Array, count: number, emptyReason: string): DurationStats {
  if (count === 0) {
    const none = undefinedBecause(emptyReason);
    return { records: 0, medianDays: none, meanDays: none, p90Days: none };
  }
  const sample = values.subarray(0, count);
  const mean = meanOf(sample);
  const median = quantileInPlace(sample, 0.5);
  const p90 = quantileInPlace(sample, 0.9);
  return { records: count, medianDays: defined(median), meanDays: defined(mean), p90Days: defined(p90) };
}
