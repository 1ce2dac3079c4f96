// Headline periods anchored to the data: each preset's start, end and the period it is compared with, from the latest date with data.
import { isoDateToSerial, serialToIsoDate, serialToParts } from "../dates";

export const PERIOD_PRESETS = [
  "Last 30 days of data",
  "Last 90 days of data",
  "Last complete month",
  "Last complete quarter",
  "Month to date",
  "Year to date",
  "All time",
  "Custom",
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** What a first summary (and the command line without --from/--to) shows. */
export const DEFAULT_PRESET: PeriodPreset = "Last 30 days of data";

/** Preset names of older summaries, read back when a summary is regenerated. */
export const LEGACY_PRESETS: Readonly<Record<string, PeriodPreset>> = {
  "This month": "Month to date",
  "Last month": "Last complete month",
  "This quarter": "Last complete quarter",
  "Last 90 days": "Last 90 days of data",
};

/** A preset as typed (current or older name, any case), or null when it is none of them. */
export function presetNamed(text: unknown): PeriodPreset | null {
  if (typeof text !== "string") return null;
  const wanted = text.trim().toLowerCase();
  const current = PERIOD_PRESETS.find((p) => p.toLowerCase() === wanted);
  if (current) return current;
  const legacy = Object.keys(LEGACY_PRESETS).find((name) => name.toLowerCase() === wanted);
  return legacy === undefined ? null : LEGACY_PRESETS[legacy];
}

/** The first and last day that hold a date in the data, as whole-day serials. */
export interface DataSpan {
  earliest: number;
  latest: number;
}

/** Both ends inclusive, whole-day serials. */
export interface ResolvedPeriod {
  preset: PeriodPreset;
  start: number;
  end: number;
  previousStart: number;
  previousEnd: number;
  /** Why the period is still in progress or runs past the data, or null when it is complete. */
  partial: string | null;
}

/** Why no period could be resolved; the summary's message cell shows the same words. */
export const PERIOD_PROBLEMS = {
  noDates: "The data has no dates yet, so no period can be shown",
  noCustomStart: "Enter a custom start date",
  badCustomStart: "The custom start is not a date",
  noCustomEnd: "Enter a custom end date",
  badCustomEnd: "The custom end is not a date",
  startAfterEnd: "The custom start is after the custom end",
} as const;

export type PeriodResult = { ok: true; period: ResolvedPeriod } | { ok: false; problem: string };

/** Last day of the month `months` after the serial's month (EOMONTH). */
export function endOfMonth(serial: number, months = 0): number {
  const { year, month } = serialToParts(serial);
  const index = year * 12 + (month - 1) + months + 1;
  return isoDateToSerial(Math.floor(index / 12), (index % 12) + 1, 1) - 1;
}

/** Last day of the serial's calendar quarter. */
export function endOfQuarter(serial: number): number {
  const { month } = serialToParts(serial);
  const quarterLastMonth = Math.floor((month + 2) / 3) * 3;
  return endOfMonth(serial, quarterLastMonth - month);
}

function startOfYear(serial: number, yearsBack = 0): number {
  return isoDateToSerial(serialToParts(serial).year - yearsBack, 1, 1);
}

/** The same calendar day a year earlier, 29 February becoming 28 February. */
function sameDayLastYear(serial: number): number {
  const { year, month, day } = serialToParts(serial);
  const monthStart = isoDateToSerial(year - 1, month, 1);
  return Math.min(monthStart + day - 1, endOfMonth(monthStart));
}

function inProgress(what: string, latest: number): string {
  return `${what} is still in progress: the data runs to ${serialToIsoDate(latest)}`;
}

/**
 * Resolves a preset against the data's span. "Last complete month" is the latest month whose last day
 * the data reaches, compared with the whole month before; month and year to date are compared with the
 * same days of the month or year before; the rolling presets and Custom with the same number of days
 * just before.
 */
export function resolvePeriod(
  preset: PeriodPreset, span: DataSpan | null, custom: { start: number | null; end: number | null } = { start: null, end: null },
): PeriodResult {
  if (preset === "Custom") {
    if (custom.start === null) return { ok: false, problem: PERIOD_PROBLEMS.noCustomStart };
    if (!Number.isFinite(custom.start)) return { ok: false, problem: PERIOD_PROBLEMS.badCustomStart };
    if (custom.end === null) return { ok: false, problem: PERIOD_PROBLEMS.noCustomEnd };
    if (!Number.isFinite(custom.end)) return { ok: false, problem: PERIOD_PROBLEMS.badCustomEnd };
    const start = Math.floor(custom.start);
    const end = Math.floor(custom.end);
    if (start > end) return { ok: false, problem: PERIOD_PROBLEMS.startAfterEnd };
    if (span === null) return { ok: false, problem: PERIOD_PROBLEMS.noDates };
    const partial = end > span.latest ? `The period runs past the latest data (${serialToIsoDate(span.latest)})` : null;
    return { ok: true, period: sameLengthBefore(preset, start, end, partial) };
  }
  if (span === null) return { ok: false, problem: PERIOD_PROBLEMS.noDates };
  const latest = span.latest;
  switch (preset) {
    case "Last 30 days of data":
      return { ok: true, period: sameLengthBefore(preset, latest - 29, latest, null) };
    case "Last 90 days of data":
      return { ok: true, period: sameLengthBefore(preset, latest - 89, latest, null) };
    case "Last complete month": {
      const end = latest === endOfMonth(latest) ? latest : endOfMonth(latest, -1);
      const start = endOfMonth(end, -1) + 1;
      return { ok: true, period: { preset, start, end, previousStart: endOfMonth(start - 1, -1) + 1, previousEnd: start - 1, partial: null } };
    }
    case "Last complete quarter": {
      const quarterEnd = endOfQuarter(latest);
      const end = latest === quarterEnd ? latest : endOfMonth(quarterEnd, -3);
      const start = endOfMonth(end, -3) + 1;
      return { ok: true, period: { preset, start, end, previousStart: endOfMonth(start - 1, -3) + 1, previousEnd: start - 1, partial: null } };
    }
    case "Month to date": {
      const start = endOfMonth(latest, -1) + 1;
      const previousStart = endOfMonth(latest, -2) + 1;
      const previousEnd = Math.min(previousStart + (latest - start), endOfMonth(previousStart));
      const partial = latest < endOfMonth(latest) ? inProgress("The month", latest) : null;
      return { ok: true, period: { preset, start, end: latest, previousStart, previousEnd, partial } };
    }
    case "Year to date": {
      const start = startOfYear(latest);
      const partial = latest < startOfYear(latest, -1) - 1 ? inProgress("The year", latest) : null;
      return { ok: true, period: { preset, start, end: latest, previousStart: startOfYear(latest, 1), previousEnd: sameDayLastYear(latest), partial } };
    }
    case "All time":
      return { ok: true, period: sameLengthBefore(preset, span.earliest, latest, null) };
  }
}

function sameLengthBefore(preset: PeriodPreset, start: number, end: number, partial: string | null): ResolvedPeriod {
  const days = end - start + 1;
  return { preset, start, end, previousStart: start - days, previousEnd: start - 1, partial };
}
