// Time to convert: days from a first touch (lead, trial, first visit) to conversion, summarised over converted rows.
import { fail } from "../kpi-error";
import { meanOf, quantileInPlace } from "./order-statistics";

export const TIME_STATISTICS = ["median", "mean", "p90"] as const;
export type TimeStatistic = (typeof TIME_STATISTICS)[number];

export interface TimeToConvertResult {
  value: number;
  /** Rows with both dates and the end on or after the start. */
  converted: number;
  /** Rows whose end is before their start: data errors, left out. */
  endBeforeStart: number;
}

/**
 * Summarises end − start in days over the rows where both are dates. Blank cells arrive as NaN: a row
 * without an end has not converted, and one with an end but no start cannot be timed, so both are skipped.
 */
export function timeToConvert(
  starts: Float64Array, ends: Float64Array, statistic: TimeStatistic, fn = "TIME_TO_CONVERT",
): TimeToConvertResult {
  if (starts.length !== ends.length) {
    fail(fn, `start_dates has ${starts.length} cells but end_dates has ${ends.length}; they must be the same rows`);
  }
  const days = new Float64Array(starts.length);
  let converted = 0;
  let endBeforeStart = 0;
  for (let i = 0; i < starts.length; i++) {
    // NaN on either side fails both comparisons, so unconverted and untimed rows fall through here.
    const d = ends[i] - starts[i];
    if (d >= 0) days[converted++] = d;
    else if (d < 0) endBeforeStart++;
  }
  if (converted === 0) {
    const leftOut = endBeforeStart > 0
      ? ` (${endBeforeStart} ${endBeforeStart === 1 ? "row has its" : "rows have their"} end before the start and ${endBeforeStart === 1 ? "was" : "were"} left out)`
      : "";
    fail(fn, `no row has both a start date and an end date, so there is no conversion to time${leftOut}`);
  }
  const sample = days.subarray(0, converted);
  const value = statistic === "mean" ? meanOf(sample) : quantileInPlace(sample, statistic === "p90" ? 0.9 : 0.5);
  return { value, converted, endBeforeStart };
}
