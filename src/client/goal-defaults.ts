// What a new goal starts as: which KPIs can have goals (the summary's metric table), which way is better for each, a basis and a six-month window.
import type { FunnelMapping } from "../server/mapping/mapping-types";
import { goalDirection, type GoalKpiChoice, goalKpiChoicesFor } from "../server/summary/goal-kpis";
import type { GoalDirection, GoalRow } from "../server/summary/goal-types";
import { DEFAULT_GOAL_BASIS, type GoalBasis } from "../kpi/definitions/goal-basis";

export { GOAL_BASES } from "../kpi/definitions/goal-basis";

/** The KPIs the summary's goals table tracks, the same list as its dropdown (goal-kpis.ts). */
export function goalChoices(mapping: FunnelMapping): GoalKpiChoice[] {
  return goalKpiChoicesFor(mapping);
}

export function goalKpis(mapping: FunnelMapping): string[] {
  return goalChoices(mapping).map((c) => c.label);
}

export function defaultDirection(kpi: string, mapping: FunnelMapping): GoalDirection {
  return goalDirection(kpi, goalChoices(mapping));
}

export function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Six calendar months on, clamped to the month's last day (31 Aug → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const lastDay = new Date(y, m - 1 + months + 1, 0).getDate();
  return isoDay(new Date(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Baseline and target come from the server's reading of the data before the start (suggestGoal). */
export function newGoal(kpi: string, mapping: FunnelMapping, today: Date, basis: GoalBasis = DEFAULT_GOAL_BASIS): GoalRow {
  const start = isoDay(today);
  return { kpi, basis, baseline: null, target: null, start, end: addMonths(start, 6), curve: "linear", direction: defaultDirection(kpi, mapping) };
}

/** What the wizard refuses before sending, in the server's words (goal-checks.ts says the same on the server). */
export function goalRefusal(goal: GoalRow, kpis: readonly string[]): string | null {
  if (!kpis.some((k) => k.toLowerCase() === goal.kpi.trim().toLowerCase())) return `"${goal.kpi}" is not a KPI of this funnel any more; choose one from the list`;
  if (goal.baseline === null) return "enter a baseline: where the KPI stands at the start";
  if (goal.target === null) return "enter a target";
  if (goal.start === null) return "enter a start date";
  if (goal.end === null) return "enter an end date";
  if (goal.end < goal.start) return `the end (${goal.end}) is before the start (${goal.start})`;
  return null;
}
