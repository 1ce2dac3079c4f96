// Reads one tally bucket (a period, a channel, a month) as the totals every summary metric is computed from.
import { FIRST_STAGE, REVENUE, SPEND } from "../funnel/tallies";
import type { SliceTotals } from "./metric-types";

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
