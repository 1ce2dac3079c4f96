// COHORT_CONVERSION and the report's cohorts: known answers with blanks, backwards dates, open windows, ISO weeks and quarters.
import { describe, expect, it } from "vitest";
import { findEntry } from "../../src/kpi/catalogue";
import { invoke } from "../../src/kpi/catalogue/invoke";
import { isoDateToSerial } from "../../src/kpi/dates";
import { cohortConversion, isoWeekStart } from "../../src/kpi/definitions/cohorts";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import type { FunnelSpec } from "../../src/kpi/funnel/funnel-spec";

const s = (iso: string) => isoDateToSerial(...(iso.split("-").map(Number) as [number, number, number]));
const entry = findEntry("COHORT_CONVERSION")!;
const col = (...isos: (string | "")[]) => isos.map((d) => [d === "" ? "" : new Date(`${d}T00:00:00`)]);

describe("cohortConversion (Google Analytics' acquisition cohorts with a conversion window)", () => {
  it("counts a blank end as not converted, an end before the start as entered but not converted, late ones outside the window", () => {
    const starts = Float64Array.of(s("2025-01-05"), s("2025-01-20"), s("2025-01-25"), s("2025-01-31"), Number.NaN);
    const ends = Float64Array.of(s("2025-01-15"), Number.NaN, s("2025-01-24"), s("2025-05-01"), s("2025-02-01"));
    const r = cohortConversion(starts, ends, 30, "month", s("2025-06-01"));
    expect(r.rows).toEqual([{ start: s("2025-01-01"), end: s("2025-01-31"), entered: 4, converted: 1, rate: 0.25, medianDays: 10, complete: true }]);
    expect(r.endBeforeStart).toBe(1);
  });

  it("marks a cohort incomplete until the window of its last possible entrant has passed", () => {
    const starts = Float64Array.of(s("2025-03-02"));
    const ends = Float64Array.of(s("2025-03-05"));
    expect(cohortConversion(starts, ends, 30, "month", s("2025-04-29")).rows[0].complete).toBe(false);
    expect(cohortConversion(starts, ends, 30, "month", s("2025-04-30")).rows[0].complete).toBe(true);
    // Without as_of, the latest date in either column decides.
    expect(cohortConversion(starts, ends, 30, "month").asOf).toBe(s("2025-03-05"));
  });

  it("groups by ISO week (Monday first, across a year end) and by quarter; a conversion on day 0 or exactly on the last day counts", () => {
    expect(isoWeekStart(s("2025-01-01"))).toBe(s("2024-12-30"));
    expect(isoWeekStart(s("2024-12-29"))).toBe(s("2024-12-23"));
    const starts = Float64Array.of(s("2024-12-30"), s("2025-01-05"), s("2025-01-06"));
    const ends = Float64Array.of(s("2024-12-30"), s("2025-01-12"), s("2025-01-14"));
    expect(cohortConversion(starts, ends, 7, "week", s("2025-03-01")).rows.map((r) => [r.start, r.entered, r.converted])).toEqual([
      [s("2024-12-30"), 2, 2], [s("2025-01-06"), 1, 0],
    ]);
    const q = cohortConversion(Float64Array.of(s("2025-02-10"), s("2025-05-01")), Float64Array.of(Number.NaN, s("2025-05-03")), 90, "quarter", s("2026-01-01"));
    expect(q.rows.map((r) => [r.start, r.end, r.entered, r.converted, r.medianDays])).toEqual([
      [s("2025-01-01"), s("2025-03-31"), 1, 0, null], [s("2025-04-01"), s("2025-06-30"), 1, 1, 2],
    ]);
  });

  it("refuses what it cannot measure, naming the function", () => {
    expect(() => cohortConversion(Float64Array.of(1), Float64Array.of(1, 2), 30, "month")).toThrow("COHORT_CONVERSION: start_dates has 1 cells but end_dates has 2");
    expect(() => cohortConversion(Float64Array.of(Number.NaN), Float64Array.of(Number.NaN), 30, "month")).toThrow("COHORT_CONVERSION: no row has a start date");
    expect(() => invoke(entry, [col("2025-01-01"), col(""), -1])).toThrow("COHORT_CONVERSION: window_days is -1");
    expect(() => invoke(entry, [col("2025-01-01"), col(""), 30, "year"])).toThrow('COHORT_CONVERSION: period is "year"; use "week", "month" or "quarter"');
    expect(() => invoke(entry, [[["soon"]], col("")])).toThrow(/^COHORT_CONVERSION: start_dates/);
  });
});

describe("the funnel report's cohorts for one-row-per-lead data", () => {
  const spec: FunnelSpec = { shape: "record-level", stages: [{ key: "leads", name: "Leads", column: 0 }, { key: "sql", name: "SQL", column: 1 }, { key: "won", name: "Won", column: 2 }] };
  const d = (iso: string) => new Date(`${iso}T00:00:00`);
  const rows = [
    [d("2025-01-03"), d("2025-01-10"), d("2025-01-20")],
    [d("2025-01-10"), "", d("2025-03-05")],
    [d("2025-01-20"), d("2025-01-05"), ""],
    [d("2025-02-01"), d("2025-02-03"), d("2025-01-30")],
    [d("2025-02-15"), "", ""],
    [d("2025-05-20"), "", ""],
  ];
  const report = computeFunnelReport(spec, rows);

  it("shares converted within 30, 60 and 90 days per entry month, open windows not shown as rates", () => {
    const c = report.cohorts;
    expect(c?.asOf).toBe(s("2025-05-20"));
    expect(c?.months.map((m) => [m.month, m.entered, m.shares.map((x) => x.value ?? (x.reason.startsWith("window open") ? "open" : x.reason))])).toEqual([
      ["2025-01", 3, [1 / 3, 2 / 3, 2 / 3]],
      ["2025-02", 2, [0, 0, "open"]],
      ["2025-05", 1, ["open", "open", "open"]],
    ]);
  });

  it("counts records whose stage dates run backwards, and uses the 90-day cohort rate in the month table", () => {
    expect(report.cohorts?.backwardsRecords).toBe(2);
    expect(report.months.find((m) => m.month === "2025-01")?.cohortConversion).toEqual({ value: 2 / 3 });
    // A month with conversions but no entrants has no cohort rate, however many were won in it.
    expect(report.months.find((m) => m.month === "2025-03")?.cohortConversion?.value).toBeNull();
  });
});
