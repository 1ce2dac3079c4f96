// Record-level data only: conversion per entry month within 30, 60 and 90 days, and the records whose stage dates run backwards.
import { type TableRows, asGrid } from "../cell-grid";
import type { CellValue } from "../cells";
import { dateToSerial } from "../dates";
import { cohortConversion, cohortEnd, cohortStart } from "../definitions/cohorts";
import { serialToIsoDate } from "../dates";
import { readDateSerial } from "./cell-readers";
import { monthLabel, monthIndexOfSerial } from "./day-number";
import type { FunnelSpec } from "./funnel-spec";
import { statusMatcher } from "./tallies";
import { type KpiValue, defined, undefinedBecause } from "./kpi-value";

/** The conversion windows the summary's cohort block shows; the month table uses the last. */
export const COHORT_WINDOWS = [30, 60, 90] as const;
export const MONTH_TABLE_WINDOW = 90;

/** What a cell shows while a cohort's window has not closed: its rate can still rise. */
export const OPEN_WINDOW = "window open";

export interface CohortMonth {
  /** "YYYY-MM". */
  month: string;
  /** First day of the month, as a serial. */
  start: number;
  entered: number;
  /** One per COHORT_WINDOWS entry: share converted within it, or why not shown (the window is still open). */
  shares: KpiValue[];
}

export interface CohortReport {
  windows: readonly number[];
  /** The day windows are judged on: the latest date with data. */
  asOf: number;
  months: CohortMonth[];
  /** Records with a stage date earlier than the date of a stage before it. */
  backwardsRecords: number;
}

function openBecause(windowDays: number, asOf: number): KpiValue {
  return undefinedBecause(`${OPEN_WINDOW}: not every entrant of this month has had ${windowDays} days yet (data to ${serialToIsoDate(asOf)})`);
}

/** Reads first and last stage dates once; null for aggregated data, which has no entrants to follow. */
export function cohortReport(spec: FunnelSpec, rows: TableRows, asOf: number | null): CohortReport | null {
  if (spec.shape !== "record-level" || asOf === null) return null;
  const grid = asGrid(rows);
  const columns = spec.stages.map((s) => s.column);
  const starts = new Float64Array(grid.rowCount);
  const ends = new Float64Array(grid.rowCount);
  const dates = new Float64Array(columns.length);
  const serialByTime = new Map<number, number>();
  const read = (cell: CellValue): number => {
    if (cell instanceof Date) {
      const time = cell.getTime();
      let serial = serialByTime.get(time);
      if (serial === undefined) {
        serial = Number.isNaN(time) ? Number.NaN : dateToSerial(cell);
        if (serialByTime.size < 100_000) serialByTime.set(time, serial);
      }
      return serial;
    }
    const serial = readDateSerial(cell);
    return serial === null ? Number.NaN : serial;
  };
  // A status stage is reached by its status alone (a lost deal's close date is no conversion), and one
  // without a date column is dated by the record's date, as the tally does.
  const statuses = spec.stages.map((s) => (s.status ? statusMatcher(s.status.values) : null));
  const statusColumns = spec.stages.map((s) => s.status?.column ?? -1);
  const dateColumn = spec.dateColumn ?? -1;
  let backwardsRecords = 0;
  for (let r = 0; r < grid.rowCount; r++) {
    const row = (column: number): CellValue => grid.cell(r, column);
    for (let i = 0; i < columns.length; i++) {
      const matcher = statuses[i];
      dates[i] = (matcher === null || matcher(row(statusColumns[i]))) && columns[i] >= 0 ? read(row(columns[i])) : Number.NaN;
    }
    for (let i = 0; i < columns.length; i++) {
      const matcher = statuses[i];
      if (matcher !== null && columns[i] < 0 && matcher(row(statusColumns[i]))) dates[i] = dateColumn >= 0 ? read(row(dateColumn)) : dates[0];
    }
    starts[r] = dates[0];
    ends[r] = dates[columns.length - 1];
    if (runsBackwards(dates)) backwardsRecords++;
  }
  const perWindow = COHORT_WINDOWS.map((w) => {
    if (!starts.some((s) => s === s)) return new Map<number, KpiValue>();
    const result = cohortConversion(starts, ends, w, "month", asOf, "COHORT_CONVERSION");
    return new Map(result.rows.map((row) => [row.start, row.complete ? defined(row.rate) : openBecause(w, asOf)]));
  });
  const entered = new Map<number, number>();
  for (const s of starts) if (s === s) entered.set(cohortStart(s, "month"), (entered.get(cohortStart(s, "month")) ?? 0) + 1);
  const months = [...entered.keys()].sort((a, b) => a - b).map((start) => ({
    month: monthLabel(monthIndexOfSerial(start)),
    start,
    entered: entered.get(start) ?? 0,
    shares: perWindow.map((byStart) => byStart.get(start) ?? undefinedBecause("no one entered in this month")),
  }));
  return { windows: COHORT_WINDOWS, asOf, months, backwardsRecords };
}

/** Any reached stage dated before a reached stage that comes earlier in the funnel. */
function runsBackwards(dates: Float64Array): boolean {
  for (let j = 1; j < dates.length; j++) {
    for (let i = 0; i < j; i++) if (dates[j] < dates[i]) return true;
  }
  return false;
}

/** The month table's conversion for record-level data: the month's entrants converted within 90 days. */
export function monthCohortConversion(report: CohortReport | null, month: string): KpiValue | null {
  if (report === null) return null;
  const row = report.months.find((m) => m.month === month);
  const index = COHORT_WINDOWS.indexOf(MONTH_TABLE_WINDOW);
  return row?.shares[index] ?? undefinedBecause("no one entered in this month");
}

/** Whether a month of the data is partial: the data starts after its first day or ends before its last. */
export function partialMonth(monthStart: number, span: { earliest: number; latest: number } | null): boolean {
  if (span === null) return false;
  return span.latest < cohortEnd(monthStart, "month") || span.earliest > monthStart;
}
