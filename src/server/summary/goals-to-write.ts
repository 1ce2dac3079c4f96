// The goals a regeneration writes: the sheet's own, renamed to the metric table's labels, merged with the wizard's (checked first).
import type { MetricContext, SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { checkGoals, withBasis } from "./goal-checks";
import { resolveGoalKpi } from "./goal-kpis";
import type { GoalRow } from "./goal-types";
import { mergeGoals } from "./goals-block";

/**
 * `sent` is the wizard's list (null keeps the sheet's). A kept goal whose KPI this funnel no longer has stays
 * in its row, flagged, and is reported in `warnings`. Goals arrive under older names too ("CAC"); the sheet
 * compares the table's labels, so they are renamed first.
 */
export function goalsToWrite(kept: readonly GoalRow[], sent: unknown, metrics: readonly SummaryMetric[], context: MetricContext, warnings: string[]): GoalRow[] {
  if (sent !== null) checkGoals(sent, metrics, context);
  const existing = kept.map((g) => {
    const choice = resolveGoalKpi(g.kpi, metrics, context);
    if (choice === null) warnings.push(`Goal "${g.kpi}": this funnel has no such KPI any more; its row is kept and flagged`);
    return choice === null ? g : { ...g, kpi: choice.label };
  });
  const renamed = sent === null ? null : (sent as GoalRow[]).map((g) => ({ ...withBasis(g), kpi: resolveGoalKpi(g.kpi, metrics, context)?.label ?? g.kpi }));
  return mergeGoals(existing, renamed);
}
