// TIME_TO_CONVERT known answers. Days from interaction to conversion as in Google Ads' time lag report;
// median and p90 by linear interpolation between closest ranks (Hyndman & Fan 1996, definition 7 = PERCENTILE.INC).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TIME_TO_CONVERT } from "../../src/kpi/catalogue/entries/time-to-convert";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellValue } from "../../src/kpi/cells";
import { isoDateToSerial } from "../../src/kpi/dates";
import { meanOf, quantileInPlace } from "../../src/kpi/definitions/order-statistics";
import { timeToConvert } from "../../src/kpi/definitions/time-to-convert";

const col = (...values: CellValue[]) => values.map((v) => [v]);
const day = (d: number) => new Date(2025, 0, d);
const run = (...args: Parameters<typeof invoke>[1]) => invoke(TIME_TO_CONVERT, args);

/** PERCENTILE.INC the slow, obvious way, to hold the linear-time selection against. */
function percentileInc(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
}

describe("TIME_TO_CONVERT (Hyndman & Fan definition 7, as PERCENTILE.INC)", () => {
  const starts = col(day(1), day(3), day(5), day(8), day(10));
  const ends = col(day(4), day(13), "", day(9), day(17));

  it("median of days over converted rows; even counts average the middle two", () => {
    // Durations 3, 10, 1, 7 (row 3 has not converted): sorted 1, 3, 7, 10.
    expect(run(starts, ends)).toBe(5);
    expect(run(starts, ends, "median")).toBe(5);
    expect(run(col(day(1), day(1), day(1)), col(day(2), day(5), day(30)))).toBe(4);
  });

  it("mean and p90", () => {
    expect(run(starts, ends, "mean")).toBe(21 / 4);
    // Rank 0.9 × 3 = 2.7: 7 + 0.7 × (10 − 7); 0.9 is not exact in binary, hence the last-digit tolerance.
    expect(run(starts, ends, "p90")).toBeCloseTo(9.1, 12);
    expect(run(starts, ends, "P90")).toBe(run(starts, ends, "p90"));
    expect(run(col(1, 1, 1, 1, 1), col(2, 3, 5, 11, 31), "p90")).toBe(22);
  });

  it("reads Date cells, serial numbers and ISO text alike", () => {
    const serial = isoDateToSerial(2025, 1, 1);
    expect(run(col(day(1)), col(day(11)))).toBe(10);
    expect(run(col(serial), col(serial + 10))).toBe(10);
    expect(run(col("2025-01-01"), col("2025-01-11"))).toBe(10);
    expect(run(col(day(1), serial, "2025-01-01"), col("2025-01-04", day(4), serial + 3))).toBe(3);
  });

  it("counts fractional days when the cells hold times", () => {
    expect(run(col(new Date(2025, 0, 1, 6)), col(new Date(2025, 0, 2, 18)))).toBe(1.5);
  });

  it("skips rows without an end, and rows with an end but no start", () => {
    expect(run(col("", day(1), day(1)), col(day(20), day(3), ""))).toBe(2);
  });

  it("leaves out an end before its start (a data error)", () => {
    expect(run(col(day(10), day(1), day(1)), col(day(2), day(3), day(5)))).toBe(3);
  });

  it("says so when no row converted", () => {
    expect(() => run(col(day(1), day(2)), col("", ""))).toThrow(
      "TIME_TO_CONVERT: no row has both a start date and an end date, so there is no conversion to time",
    );
    expect(() => run(col(day(5), day(6)), col(day(1), ""))).toThrow(
      "TIME_TO_CONVERT: no row has both a start date and an end date, so there is no conversion to time (1 row has its end before the start and was left out)",
    );
  });

  it("needs the two ranges to have the same number of cells", () => {
    expect(() => run(col(day(1), day(2), day(3)), col(day(4), day(5)))).toThrow(
      "TIME_TO_CONVERT: start_dates has 3 cells but end_dates has 2; they must be the same rows",
    );
  });

  it("names a cell that is not a date, with its row", () => {
    expect(() => run(col(day(1), "n/a"), col(day(2), day(3)))).toThrow("TIME_TO_CONVERT: start_dates row 2 is \"n/a\", not a date");
    expect(() => run(col(day(1), day(1)), col(day(2), "2025-02-30"))).toThrow("TIME_TO_CONVERT: end_dates row 2 is \"2025-02-30\", not a date");
    expect(() => run(col(day(1), day(1)), col(day(2), true))).toThrow("TIME_TO_CONVERT: end_dates row 2 is TRUE, not a date");
    expect(() => run(col(day(1)), col(new Date(Number.NaN)))).toThrow("TIME_TO_CONVERT: end_dates is an invalid date, not a date");
    expect(() => run(col(day(1), -1e9), col(day(2), day(3)))).toThrow("TIME_TO_CONVERT: start_dates row 2 is -1000000000, not a date");
  });

  it("rejects an unknown statistic", () => {
    expect(() => run(starts, ends, "average")).toThrow(
      "TIME_TO_CONVERT: statistic is \"average\"; use \"median\", \"mean\" or \"p90\"",
    );
  });

  it("pairs cells in reading order when the shapes differ but the counts match", () => {
    expect(run([[day(1), day(2)]], col(day(3), day(6)))).toBe(3);
  });

  it("linear-time median and p90 equal the sorted-array PERCENTILE.INC", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 300 }), fc.constantFrom(0.5, 0.9, 0, 1, 0.25), (values, p) => {
        const got = quantileInPlace(Float64Array.from(values), p);
        expect(got).toBeCloseTo(percentileInc(values, p), 9);
      }),
    );
    // Past 600 values the selection samples around k first: hold that path to the sort too.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 601, maxLength: 4000 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        expect(quantileInPlace(Float64Array.from(values), p)).toBeCloseTo(percentileInc(values, p), 9);
      }),
      { numRuns: 40, seed: 11 },
    );
    const sawtooth = Array.from({ length: 20_000 }, (_, i) => i % 1000);
    expect(quantileInPlace(Float64Array.from(sawtooth), 0.9)).toBeCloseTo(percentileInc(sawtooth, 0.9), 9);
    expect(meanOf(Float64Array.of(1, 2, 6))).toBe(3);
  });

  it("the definition takes serials with NaN for blanks", () => {
    const result = timeToConvert(Float64Array.of(1, 2, Number.NaN, 9), Float64Array.of(4, Number.NaN, 5, 3), "median");
    expect(result).toEqual({ value: 3, converted: 1, endBeforeStart: 1 });
  });
});
