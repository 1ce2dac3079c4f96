// The core KPIs of one slice of the data (a channel, a month, a period), each through the catalogue's definitions.
import { cac, cpa } from "../definitions/acquisition";
import { conversionRate } from "../definitions/conversion";
import { avgDealSize } from "../definitions/customer-value";
import { share } from "../definitions/growth";
import { roas, roi, romi } from "../definitions/returns";
import { type KpiValue, measure, undefinedBecause } from "./kpi-value";
import { FIRST_STAGE, REVENUE, SPEND } from "./tallies";

/** What a slice can be measured on: which amounts were mapped at all. */
export interface SliceContext {
  stageKeys: readonly string[];
  stageNames: readonly string[];
  hasSpend: boolean;
  hasRevenue: boolean;
  grossMargin: number;
}

export interface SliceKpis {
  spend: number | null;
  revenue: number | null;
  /** One per stage, in funnel order. */
  stageCounts: number[];
  /** Last stage ÷ first stage. */
  conversion: KpiValue;
  cac: KpiValue;
  roas: KpiValue;
}

export function stageCounts(bucket: Float64Array, ctx: SliceContext): number[] {
  return ctx.stageNames.map((_, i) => bucket[FIRST_STAGE + i]);
}

export function sliceKpis(bucket: Float64Array, ctx: SliceContext): SliceKpis {
  const counts = stageCounts(bucket, ctx);
  const first = counts[0];
  const last = counts[counts.length - 1];
  return {
    spend: ctx.hasSpend ? bucket[SPEND] : null,
    revenue: ctx.hasRevenue ? bucket[REVENUE] : null,
    stageCounts: counts,
    conversion: measure(() => conversionRate(last, first)),
    cac: kpi("CAC", ctx, ["spend"], () => cac(bucket[SPEND], last)),
    roas: kpi("ROAS", ctx, ["spend", "revenue"], () => roas(bucket[REVENUE], bucket[SPEND])),
  };
}

/** Share of total spend, for a channel. */
export function spendShare(bucket: Float64Array, totalSpend: number, ctx: SliceContext): KpiValue {
  return kpi("SHARE_OF_SPEND", ctx, ["spend"], () => share(bucket[SPEND], totalSpend, "SHARE_OF_SPEND"));
}

export interface ReturnKpis {
  /** Spend ÷ the second stage: the first conversion after entering the funnel (cost per lead in the default funnel). */
  cpa: KpiValue;
  roi: KpiValue;
  romi: KpiValue;
  avgDealSize: KpiValue;
}

/** The headline-only KPIs of a slice. */
export function returnKpis(bucket: Float64Array, ctx: SliceContext): ReturnKpis {
  const counts = stageCounts(bucket, ctx);
  const last = counts[counts.length - 1];
  const spend = bucket[SPEND];
  const revenue = bucket[REVENUE];
  return {
    cpa: kpi("CPA", ctx, ["spend"], () => cpa(spend, counts[1])),
    roi: kpi("ROI", ctx, ["spend", "revenue"], () => roi(revenue, spend)),
    romi: kpi("ROMI", ctx, ["spend", "revenue"], () => romi(revenue, spend, ctx.grossMargin)),
    avgDealSize: kpi("AVG_DEAL_SIZE", ctx, ["revenue"], () => avgDealSize(revenue, last)),
  };
}

/** A KPI that needs mapped columns says which one is missing, in the same "NAME: why" form as the definitions. */
function kpi(name: string, ctx: SliceContext, needs: ReadonlyArray<"spend" | "revenue">, compute: () => number): KpiValue {
  if (needs.includes("spend") && !ctx.hasSpend) return undefinedBecause(`${name}: no spend column is mapped`);
  if (needs.includes("revenue") && !ctx.hasRevenue) return undefinedBecause(`${name}: no revenue column is mapped`);
  return measure(compute);
}
