// The KPIs a goal can track: the headline metrics of the table, with their better direction, for the wizard and the goals table alike.
import { primaryCostKey, summaryMetrics } from "../../kpi/summary-metrics/metric-table";
import type { MetricContext, SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import type { FunnelMapping } from "../mapping/mapping-types";
import type { GoalDirection } from "./goal-types";

export interface GoalKpiChoice {
  label: string;
  /** The metric table's key. */
  key: string;
  direction: GoalDirection;
  /** A total (divided by days on a per-day basis) rather than a ratio. */
  additive: boolean;
}

export function metricContextOf(mapping: Pick<FunnelMapping, "stages" | "spend" | "revenue">, grossMargin: number | null = null): MetricContext {
  return {
    stages: mapping.stages.map((s) => ({ key: s.key, name: s.name })),
    hasSpend: mapping.spend !== null,
    hasRevenue: mapping.revenue !== null,
    hasGrossMargin: grossMargin !== null && grossMargin !== 1,
  };
}

/** Goal KPIs in dropdown order: every headline metric (those needing an unmapped column do not exist). */
export function goalKpiChoices(metrics: readonly SummaryMetric[]): GoalKpiChoice[] {
  return metrics
    .filter((m) => m.places.includes("headline") && m.label.trim() !== "")
    .map((m) => ({ label: m.label, key: m.key, direction: m.better, additive: m.additive }));
}

export function goalKpiChoicesFor(mapping: Pick<FunnelMapping, "stages" | "spend" | "revenue">, grossMargin: number | null = null): GoalKpiChoice[] {
  return goalKpiChoices(summaryMetrics(metricContextOf(mapping, grossMargin)));
}

/** Names older summaries used: "CAC" and "CPA" were spend per last and per second stage, "Conversion" first to last. */
function legacyKey(label: string, metrics: readonly SummaryMetric[], ctx: MetricContext): string | null {
  switch (label) {
    case "cac": return primaryCostKey(ctx);
    case "cpa": return ctx.stages.length > 1 ? `cost_per_${ctx.stages[1].key}` : null;
    case "conversion": return metrics.some((m) => m.key === "overall_conversion") ? "overall_conversion" : "ctr";
    default: return null;
  }
}

/** The choice a typed or saved KPI name stands for (case-insensitive, older names included), or null when this funnel has no such KPI. */
export function resolveGoalKpi(label: string, metrics: readonly SummaryMetric[], ctx: MetricContext): GoalKpiChoice | null {
  const wanted = label.trim().toLowerCase();
  const choices = goalKpiChoices(metrics);
  const exact = choices.find((c) => c.label.toLowerCase() === wanted);
  if (exact) return exact;
  const key = legacyKey(wanted, metrics, ctx);
  return choices.find((c) => c.key === key) ?? null;
}

/** The better direction of a KPI by name; "up" when the funnel has no such KPI. */
export function goalDirection(label: string, choices: readonly GoalKpiChoice[]): GoalDirection {
  const wanted = label.trim().toLowerCase();
  return choices.find((c) => c.label.toLowerCase() === wanted)?.direction ?? "up";
}
