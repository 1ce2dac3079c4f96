// Headline KPIs for a period next to the same KPIs for the period before it, with the change: one row per headline metric of the table.
import { growthRate } from "../definitions/growth";
import type { MetricUnit } from "../summary-metrics/metric-types";
import { holdsData, totalsOfBucket } from "../summary-metrics/slice-totals";
import { type KpiValue, measure, undefinedBecause } from "./kpi-value";
import { metricValues, type SliceContext } from "./segment-kpis";

export interface HeadlineKpi {
  /** The metric table's key: "spend", "count_leads", "step_leads", "overall_conversion", "cost_per_customers", ... */
  key: string;
  label: string;
  /** How the number reads: money, a count, a rate or a multiple (the metric table's unit). */
  unit: MetricUnit;
  current: KpiValue;
  previous: KpiValue;
  /** Relative change (growth rate), e.g. 0.25 for +25%. */
  change: KpiValue;
  /** current − previous, for rates the change in points; null when either side is undefined. */
  difference: number | null;
}

/** What the change column says when the period before holds nothing: a −100% or n/a would mislead. */
export const PREVIOUS_EMPTY = "previous period has no data";

export function previousHoldsData(previous: Float64Array, ctx: SliceContext): boolean {
  return holdsData(totalsOfBucket(previous, ctx.stageKeys, ctx.grossMargin), ctx);
}

export function headlineKpis(current: Float64Array, previous: Float64Array, ctx: SliceContext): HeadlineKpi[] {
  const now = metricValues(current, ctx);
  const before = metricValues(previous, ctx);
  const previousHasData = previousHoldsData(previous, ctx);
  return ctx.metrics
    .filter((m) => m.places.includes("headline"))
    .map((m) => ({ key: m.key, label: m.label, unit: m.unit, current: now[m.key], previous: before[m.key], ...changeBetween(now[m.key], before[m.key], previousHasData) }));
}

function changeBetween(now: KpiValue, before: KpiValue, previousHasData: boolean): { change: KpiValue; difference: number | null } {
  if (!previousHasData) return { change: undefinedBecause(PREVIOUS_EMPTY), difference: null };
  if (now.value === null) return { change: undefinedBecause(`this period: ${now.reason}`), difference: null };
  if (before.value === null) return { change: undefinedBecause(`previous period: ${before.reason}`), difference: null };
  const a = now.value;
  const b = before.value;
  return { change: measure(() => growthRate(a, b)), difference: a - b };
}
