// Median, mean and 90th percentile of time-to-convert durations, each a value or the reason there is none.
import { type KpiValue, defined, undefinedBecause } from "./kpi-value";

export interface DurationStats {
  /** Records that reached both the first and the last stage. */
  records: number;
  medianDays: KpiValue;
  meanDays: KpiValue;
  /** Nearest-rank 90th percentile: 90% of conversions took this many days or fewer. */
  p90Days: KpiValue;
}

/** Statistics of the first `count` values; sorts that slice in place (it belongs to the caller's scratch buffer). */
export function durationStats(values: Float64Array, count: number, emptyReason: string): DurationStats {
  if (count === 0) {
    const none = undefinedBecause(emptyReason);
    return { records: 0, medianDays: none, meanDays: none, p90Days: none };
  }
  const sorted = values.subarray(0, count).sort();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i];
  const mid = count >> 1;
  const median = count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.ceil(0.9 * count) - 1];
  return { records: count, medianDays: defined(median), meanDays: defined(sum / count), p90Days: defined(p90) };
}
