// What the wizard prefills for a new goal: its baseline on the goal's basis, read from the data before the start, and a target 10% better.
import { dateToSerial, isoDateToSerial, serialToIsoDate } from "../../kpi/dates";
import { baselineWindow, type GoalBasis } from "../../kpi/definitions/goal-basis";
import type { DataSpan } from "../../kpi/definitions/periods";
import { computeFunnelReport } from "../../kpi/funnel-report";
import type { FunnelSpec } from "../../kpi/funnel/funnel-spec";
import type { CellValue } from "../../kpi/cells";
import type { GoalKpiChoice } from "./goal-kpis";

export interface GoalSuggestion {
  baseline: number | null;
  target: number | null;
  /** The days the baseline was read from, "YYYY-MM-DD", or null when the data has none before the start. */
  from: string | null;
  to: string | null;
  /** How the baseline was measured, or why there is none. */
  note: string;
}

function isoSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return isoDateToSerial(y, m, d);
}

function rounded(value: number): number {
  // Rates are small fractions: four significant digits rather than two decimals.
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(4));
}

/** What a suggestion reads from the data: the span of its dates, and a metric's value over a period. */
export interface GoalMeasurer {
  span: DataSpan | null;
  valueIn(from: string, to: string, key: string): number | null;
}

/**
 * Since start: a total starts at 0 and its target is the recent daily pace (the 30 days before the start)
 * kept up to the end, plus 10%; a ratio starts where it stood over those 30 days. Per day: the daily
 * average (or the ratio) over the 7 days before the start, and a target 10% better.
 */
export function suggestGoalFrom(
  spec: FunnelSpec, rows: readonly (readonly CellValue[])[], choice: GoalKpiChoice, basis: GoalBasis, start: string, end: string | null, today: Date,
): GoalSuggestion {
  const measurer: GoalMeasurer = {
    span: computeFunnelReport(spec, rows).span,
    valueIn: (from, to, key) => computeFunnelReport(spec, rows, { period: { start: from, end: to } }).headline?.kpis.find((k) => k.key === key)?.current.value ?? null,
  };
  return suggestGoalWith(measurer, choice, basis, start, end, today);
}

/** The same suggestion from any data that can say its span and measure a period (several sources, too). */
export function suggestGoalWith(measurer: GoalMeasurer, choice: GoalKpiChoice, basis: GoalBasis, start: string, end: string | null, today: Date): GoalSuggestion {
  const startSerial = isoSerial(start);
  const report = { span: measurer.span };
  const latest = report.span?.latest ?? Math.floor(dateToSerial(today));
  const window = baselineWindow(basis, startSerial, latest);
  if (report.span === null || window.to < report.span.earliest) {
    return { baseline: choice.additive && basis === "since start" ? 0 : null, target: null, from: null, to: null, note: "The data has no dates before the goal's start to read a baseline from" };
  }
  const from = serialToIsoDate(window.from);
  const to = serialToIsoDate(window.to);
  const value = measurer.valueIn(from, to, choice.key);
  const better = (v: number): number => rounded(v * (choice.direction === "up" ? 1.1 : 0.9));
  if (value === null) return { baseline: null, target: null, from, to, note: `Not measurable from ${from} to ${to}` };
  if (choice.additive && basis === "since start") {
    const goalDays = end === null ? 0 : isoSerial(end) - startSerial + 1;
    const target = goalDays > 0 ? better((value / window.days) * goalDays) : null;
    return { baseline: 0, target, from, to, note: `A total since the start begins at 0; the target keeps the pace of ${from} to ${to}, plus 10%` };
  }
  const baseline = choice.additive ? value / window.days : value;
  return {
    baseline: rounded(baseline), target: better(baseline), from, to,
    note: choice.additive ? `Daily average from ${from} to ${to}` : `Measured from ${from} to ${to}`,
  };
}
