// Headline KPIs for a period next to the same KPIs for the period before it, with the change between them.
import { conversionRate } from "../definitions/conversion";
import { growthRate } from "../definitions/growth";
import { type KpiValue, defined, measure, undefinedBecause } from "./kpi-value";
import { type SliceContext, returnKpis, sliceKpis } from "./segment-kpis";

export interface HeadlineKpi {
  /** Stable identifier: "spend", "count_leads", "step_leads", "overall_conversion", "cac", ... */
  key: string;
  label: string;
  current: KpiValue;
  previous: KpiValue;
  /** Relative change (growth rate), e.g. 0.25 for +25%. */
  change: KpiValue;
  /** current − previous, for rates the change in points; null when either side is undefined. */
  difference: number | null;
}

export function headlineKpis(current: Float64Array, previous: Float64Array, ctx: SliceContext): HeadlineKpi[] {
  const rows: HeadlineKpi[] = [];
  const push = (key: string, label: string, pick: (bucket: Float64Array) => KpiValue): void => {
    const now = pick(current);
    const before = pick(previous);
    rows.push({ key, label, current: now, previous: before, ...changeBetween(now, before) });
  };
  const names = ctx.stageNames;
  const keys = ctx.stageKeys;
  const last = names.length - 1;

  push("spend", "Spend", (b) => amountOrReason(sliceKpis(b, ctx).spend, "spend"));
  names.forEach((name, i) => push(`count_${keys[i]}`, name, (b) => defined(sliceKpis(b, ctx).stageCounts[i])));
  for (let i = 1; i < names.length; i++) {
    push(`step_${keys[i]}`, `${names[i - 1]} → ${names[i]} conversion`, (b) => {
      const counts = sliceKpis(b, ctx).stageCounts;
      return measure(() => conversionRate(counts[i], counts[i - 1]));
    });
  }
  push("overall_conversion", `${names[0]} → ${names[last]} conversion`, (b) => sliceKpis(b, ctx).conversion);
  push("cac", `CAC (spend per ${names[last]})`, (b) => sliceKpis(b, ctx).cac);
  push("cpa", `CPA (spend per ${names[1]})`, (b) => returnKpis(b, ctx).cpa);
  push("revenue", "Revenue", (b) => amountOrReason(sliceKpis(b, ctx).revenue, "revenue"));
  push("roi", "ROI", (b) => returnKpis(b, ctx).roi);
  push("romi", "ROMI", (b) => returnKpis(b, ctx).romi);
  push("roas", "ROAS", (b) => sliceKpis(b, ctx).roas);
  push("avg_deal_size", `Average deal size (revenue per ${names[last]})`, (b) => returnKpis(b, ctx).avgDealSize);
  return rows;
}

function amountOrReason(amount: number | null, field: string): KpiValue {
  return amount === null ? undefinedBecause(`no ${field} column is mapped`) : defined(amount);
}

function changeBetween(now: KpiValue, before: KpiValue): { change: KpiValue; difference: number | null } {
  if (now.value === null) return { change: undefinedBecause(`this period: ${now.reason}`), difference: null };
  if (before.value === null) return { change: undefinedBecause(`previous period: ${before.reason}`), difference: null };
  const a = now.value;
  const b = before.value;
  return { change: measure(() => growthRate(a, b)), difference: a - b };
}
