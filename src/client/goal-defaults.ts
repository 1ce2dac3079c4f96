// What a new goal starts as: which KPIs can have goals, which way is better for each, and a six-month window.
import type { FunnelMapping } from "../server/mapping/mapping-types";
import type { GoalDirection, GoalRow } from "../server/summary/goal-types";

/** Cost per result KPIs get better as they fall; everything else the funnel counts gets better as it grows. */
const LOWER_IS_BETTER = new Set(["cac", "cpa", "cpl", "cost per lead", "cost per acquisition"]);

export function defaultDirection(kpi: string): GoalDirection {
  return LOWER_IS_BETTER.has(kpi.trim().toLowerCase()) ? "down" : "up";
}

/**
 * The KPIs the summary's goals table tracks (its dropdown, in goals-block.ts, uses the same labels),
 * less those whose column is not mapped: a goal on Spend without a spend column could only read "n/a".
 */
export function goalKpis(mapping: FunnelMapping): string[] {
  const kpis: string[] = [];
  if (mapping.spend) kpis.push("Spend");
  kpis.push(...mapping.stages.map((s) => s.name).filter((n) => n.trim() !== ""), "Conversion");
  if (mapping.spend) kpis.push("CAC", "CPA");
  if (mapping.revenue) kpis.push("Revenue");
  if (mapping.spend && mapping.revenue) kpis.push("ROAS");
  return kpis;
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
