// The KPIs of one slice of the data (a channel, a month, a period), each from the summary metric table and so from the catalogue's definitions.
import { type KpiValue, undefinedBecause } from "./kpi-value";
import { FIRST_STAGE, REVENUE, SPEND } from "./tallies";
import { primaryCostKey, shareOfSpendMetric, summaryMetrics } from "../summary-metrics/metric-table";
import type { MetricContext, SummaryMetric } from "../summary-metrics/metric-types";
import { totalsOfBucket } from "../summary-metrics/slice-totals";

/** What a slice can be measured on: which amounts were mapped at all, and the metrics that follow. */
export interface SliceContext {
  stageKeys: readonly string[];
  stageNames: readonly string[];
  hasSpend: boolean;
  hasRevenue: boolean;
  /** For ROMI; null when none was given (ROMI is then not a metric). */
  grossMargin: number | null;
  metrics: readonly SummaryMetric[];
}

export function sliceContext(
  stages: readonly { key: string; name: string }[], hasSpend: boolean, hasRevenue: boolean, grossMargin: number | null,
): SliceContext {
  const metricContext: MetricContext = { stages, hasSpend, hasRevenue, hasGrossMargin: grossMargin !== null && grossMargin !== 1 };
  return {
    stageKeys: stages.map((s) => s.key),
    stageNames: stages.map((s) => s.name),
    hasSpend,
    hasRevenue,
    grossMargin,
    metrics: summaryMetrics(metricContext),
  };
}

export interface SliceKpis {
  spend: number | null;
  revenue: number | null;
  /** One per stage, in funnel order. */
  stageCounts: number[];
  /** Every metric of the table by key, as src/kpi computes it. */
  metrics: Record<string, KpiValue>;
  /** Last stage ÷ first stage. */
  conversion: KpiValue;
  /** Spend ÷ last stage (the table's cost per last stage). */
  cac: KpiValue;
  roas: KpiValue;
}

export function stageCounts(bucket: Float64Array, ctx: SliceContext): number[] {
  return ctx.stageNames.map((_, i) => bucket[FIRST_STAGE + i]);
}

export function metricValues(bucket: Float64Array, ctx: SliceContext, wholeBucket: Float64Array = bucket): Record<string, KpiValue> {
  const totals = totalsOfBucket(bucket, ctx.stageKeys, ctx.grossMargin);
  const whole = totalsOfBucket(wholeBucket, ctx.stageKeys, ctx.grossMargin);
  const values: Record<string, KpiValue> = {};
  for (const m of ctx.metrics) values[m.key] = m.compute(totals, whole);
  return values;
}

export function sliceKpis(bucket: Float64Array, ctx: SliceContext): SliceKpis {
  const metrics = metricValues(bucket, ctx);
  const costKey = primaryCostKey({ stages: ctx.stageKeys.map((key, i) => ({ key, name: ctx.stageNames[i] })), hasSpend: ctx.hasSpend, hasRevenue: ctx.hasRevenue, hasGrossMargin: false });
  return {
    spend: ctx.hasSpend ? bucket[SPEND] : null,
    revenue: ctx.hasRevenue ? bucket[REVENUE] : null,
    stageCounts: stageCounts(bucket, ctx),
    metrics,
    conversion: metrics.overall_conversion ?? metrics.ctr ?? undefinedBecause("CONVERSION_RATE: the funnel has no first-to-last conversion"),
    cac: metrics[costKey] ?? undefinedBecause(ctx.hasSpend ? "CAC: the last stage has its own cost metric" : "CAC: no spend column is mapped"),
    roas: metrics.roas ?? undefinedBecause(`ROAS: no ${ctx.hasSpend ? "revenue" : "spend"} column is mapped`),
  };
}

/** Share of total spend, for a channel. */
export function spendShare(bucket: Float64Array, totalBucket: Float64Array, ctx: SliceContext): KpiValue {
  if (!ctx.hasSpend) return undefinedBecause("SHARE_OF_SPEND: no spend column is mapped");
  const totals = totalsOfBucket(bucket, ctx.stageKeys, ctx.grossMargin);
  return shareOfSpendMetric().compute(totals, totalsOfBucket(totalBucket, ctx.stageKeys, ctx.grossMargin));
}
