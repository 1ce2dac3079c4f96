// Headline periods anchored to the data: every preset on both sides of month ends, quarter ends, leap days and year ends (known answers).
import { describe, expect, it } from "vitest";
import { isoDateToSerial, serialToIsoDate } from "../../src/kpi/dates";
import { type PeriodPreset, PERIOD_PROBLEMS, presetNamed, resolvePeriod } from "../../src/kpi/definitions/periods";

const s = (iso: string) => isoDateToSerial(...(iso.split("-").map(Number) as [number, number, number]));
const span = (earliest: string, latest: string) => ({ earliest: s(earliest), latest: s(latest) });

function dates(preset: PeriodPreset, latest: string, earliest = "2020-01-01", custom?: [string | null, string | null]) {
  const result = resolvePeriod(preset, span(earliest, latest), custom ? { start: custom[0] === null ? null : s(custom[0]), end: custom[1] === null ? null : s(custom[1]) } : undefined);
  if (!result.ok) return result.problem;
  const p = result.period;
  return [serialToIsoDate(p.start), serialToIsoDate(p.end), serialToIsoDate(p.previousStart), serialToIsoDate(p.previousEnd), p.partial];
}

describe("presets counted back from the latest date with data", () => {
  it("the rolling windows end on the latest date and compare with as many days before", () => {
    expect(dates("Last 30 days of data", "2024-02-29")).toEqual(["2024-01-31", "2024-02-29", "2024-01-01", "2024-01-30", null]);
    expect(dates("Last 90 days of data", "2025-10-31")).toEqual(["2025-08-03", "2025-10-31", "2025-05-05", "2025-08-02", null]);
  });

  it("last complete month: the latest month the data reaches to its end, against the whole month before", () => {
    expect(dates("Last complete month", "2024-02-29")).toEqual(["2024-02-01", "2024-02-29", "2024-01-01", "2024-01-31", null]);
    expect(dates("Last complete month", "2025-03-30")).toEqual(["2025-02-01", "2025-02-28", "2025-01-01", "2025-01-31", null]);
    expect(dates("Last complete month", "2025-03-31")).toEqual(["2025-03-01", "2025-03-31", "2025-02-01", "2025-02-28", null]);
    expect(dates("Last complete month", "2025-01-15")).toEqual(["2024-12-01", "2024-12-31", "2024-11-01", "2024-11-30", null]);
  });

  it("last complete quarter, against the quarter before", () => {
    expect(dates("Last complete quarter", "2024-02-29")).toEqual(["2023-10-01", "2023-12-31", "2023-07-01", "2023-09-30", null]);
    expect(dates("Last complete quarter", "2025-03-31")).toEqual(["2025-01-01", "2025-03-31", "2024-10-01", "2024-12-31", null]);
    expect(dates("Last complete quarter", "2025-06-29")).toEqual(["2025-01-01", "2025-03-31", "2024-10-01", "2024-12-31", null]);
  });

  it("month to date: against the same days of the month before, clamped to its end, and flagged while the month runs", () => {
    expect(dates("Month to date", "2025-03-30")).toEqual(["2025-03-01", "2025-03-30", "2025-02-01", "2025-02-28",
      "The month is still in progress: the data runs to 2025-03-30"]);
    expect(dates("Month to date", "2024-03-31")).toEqual(["2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29", null]);
    expect(dates("Month to date", "2025-03-10")?.slice(0, 4)).toEqual(["2025-03-01", "2025-03-10", "2025-02-01", "2025-02-10"]);
  });

  it("year to date: against the same days of the year before (29 February becoming 28), flagged until 31 December", () => {
    expect(dates("Year to date", "2024-02-29")).toEqual(["2024-01-01", "2024-02-29", "2023-01-01", "2023-02-28",
      "The year is still in progress: the data runs to 2024-02-29"]);
    expect(dates("Year to date", "2025-12-31")).toEqual(["2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31", null]);
  });

  it("all time spans the data and compares with as long a stretch before it (which has no data)", () => {
    expect(dates("All time", "2025-01-19", "2025-01-10")).toEqual(["2025-01-10", "2025-01-19", "2024-12-31", "2025-01-09", null]);
  });

  it("custom: its own dates, refused when blank, not dates or backwards, flagged when it runs past the data", () => {
    expect(dates("Custom", "2025-03-31", "2020-01-01", ["2025-02-01", "2025-02-28"])).toEqual(["2025-02-01", "2025-02-28", "2025-01-04", "2025-01-31", null]);
    expect(dates("Custom", "2025-03-31", "2020-01-01", ["2025-03-01", "2025-04-30"])?.[4]).toBe("The period runs past the latest data (2025-03-31)");
    expect(dates("Custom", "2025-03-31", "2020-01-01", [null, "2025-02-28"])).toBe(PERIOD_PROBLEMS.noCustomStart);
    expect(dates("Custom", "2025-03-31", "2020-01-01", ["2025-02-01", null])).toBe(PERIOD_PROBLEMS.noCustomEnd);
    expect(dates("Custom", "2025-03-31", "2020-01-01", ["2025-03-01", "2025-02-01"])).toBe(PERIOD_PROBLEMS.startAfterEnd);
    expect(resolvePeriod("Custom", span("2020-01-01", "2025-03-31"), { start: Number.NaN, end: s("2025-02-01") })).toEqual({ ok: false, problem: PERIOD_PROBLEMS.badCustomStart });
  });

  it("no dates in the data: no period, with the reason", () => {
    expect(resolvePeriod("Last 30 days of data", null)).toEqual({ ok: false, problem: PERIOD_PROBLEMS.noDates });
  });

  it("reads older summaries' preset names as today's", () => {
    expect(["Last 90 days", "This month", "Last month", "This quarter", "year to date", "ALL TIME", "Custom"].map(presetNamed))
      .toEqual(["Last 90 days of data", "Month to date", "Last complete month", "Last complete quarter", "Year to date", "All time", "Custom"]);
    expect(presetNamed("last 30 days")).toBeNull();
  });
});
