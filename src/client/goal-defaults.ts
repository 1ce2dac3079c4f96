// What a new goal starts as: which KPIs can have goals, which way is better for each, and a six-month window.
import type { FunnelMapping } from "../server/mapping/mapping-types";
import { goalDirection, goalKpiChoices } from "../server/summary/goal-kpis";
import type { GoalDirection, GoalRow } from "../server/summary/goal-types";

export function defaultDirection(kpi: string): GoalDirection {
  return goalDirection(kpi);
}

/** The KPIs the summary's goals table tracks, the same list as its dropdown (goal-kpis.ts). */
export function goalKpis(mapping: FunnelMapping): string[] {
  return goalKpiChoices({
    stageNames: mapping.stages.map((s) => s.name),
    hasSpend: mapping.spend !== null,
    hasRevenue: mapping.revenue !== null,
  }).map((c) => c.label);
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

function rounded(value: number): number {
  // Rates are small fractions: keep four significant digits rather than two decimals.
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(4));
}

/** `baseline` is what the preview measured for the KPI, when it measured one. */
export function newGoal(kpi: string, baseline: number | null, today: Date): GoalRow {
  const direction = defaultDirection(kpi);
  const start = isoDay(today);
  return {
    kpi,
    baseline: baseline === null ? null : rounded(baseline),
    // A 10% improvement is a starting point people adjust, not a recommendation.
    target: baseline === null ? null : rounded(baseline * (direction === "up" ? 1.1 : 0.9)),
    start,
    end: addMonths(start, 6),
    curve: "linear",
    direction,
  };
}
