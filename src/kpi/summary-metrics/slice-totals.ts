// Reads one tally bucket (a period, a channel, a month) as the totals every summary metric is computed from.
import { FIRST_STAGE, REVENUE, SPEND } from "../funnel/tallies";
import type { KpiValue } from "../funnel/kpi-value";
import type { SliceTotals, SummaryMetric } from "./metric-types";

export function totalsOfBucket(bucket: Float64Array, stageKeys: readonly string[], grossMargin: number | null): SliceTotals {
  const counts: Record<string, number> = {};
  stageKeys.forEach((key, i) => {
    counts[key] = bucket[FIRST_STAGE + i];
  });
  return { spend: bucket[SPEND], revenue: bucket[REVENUE], counts, grossMargin };
}

/** True when anything at all was counted or summed: a previous period with no data says so instead of a change of −100%. */
export function holdsData(totals: SliceTotals, ctx: { hasSpend: boolean; hasRevenue: boolean }): boolean {
  if (ctx.hasSpend && totals.spend !== 0) return true;
  if (ctx.hasRevenue && totals.revenue !== 0) return true;
  return Object.values(totals.counts).some((n) => n !== 0);
}

/** The totals behind a slice's metric values (its spend, revenue and stage counts), for the metrics computed from them, such as share of spend. */
export function totalsOfMetricValues(values: Readonly<Record<string, KpiValue>>, metrics: readonly SummaryMetric[]): SliceTotals {
  const counts: Record<string, number> = {};
  let spend = 0;
  let revenue = 0;
  for (const m of metrics) {
    const v = values[m.key]?.value ?? 0;
    if (m.formula.op === "count") counts[m.formula.stage] = v;
    else if (m.formula.op === "sum" && m.formula.measure === "spend") spend = v;
    else if (m.formula.op === "sum" && m.formula.measure === "revenue") revenue = v;
  }
  return { spend, revenue, counts, grossMargin: null };
}
