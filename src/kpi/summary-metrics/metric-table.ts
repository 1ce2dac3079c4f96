// The one table of summary metrics: each defined once, with its label, unit, direction, native formula and computation from src/kpi.
import { cpc, cpm } from "../definitions/ad-costs";
import { cac, cpa } from "../definitions/acquisition";
import { conversionRate, ctr } from "../definitions/conversion";
import { avgDealSize } from "../definitions/customer-value";
import { share } from "../definitions/growth";
import { roas, roi, romi } from "../definitions/returns";
import { type KpiValue, defined, measure, undefinedBecause } from "../funnel/kpi-value";
import { type Expr, conversion, count, difference, input, leavesOf, metric, product, ratio, sum, whole } from "./expression";
import { type BetterDirection, type MetricContext, type MetricPlace, type MetricUnit, type SliceTotals, type SummaryMetric, UNIT_FORMAT } from "./metric-types";
import { CLICKS_KEY, IMPRESSIONS_KEY, isCustomerStage, singularStageName } from "./stage-words";

export type { MetricContext, SliceTotals, SummaryMetric } from "./metric-types";

interface Draft {
  key: string;
  label: string;
  unit: MetricUnit;
  better: BetterDirection;
  formula: Expr;
  how: string;
  places: readonly MetricPlace[];
  compute(t: SliceTotals, whole: SliceTotals): KpiValue;
  /** See SummaryMetric.scorecardRank; absent: not on the scorecard. */
  scorecard?: number;
  /** See SummaryMetric.judgeChange; absent: true. */
  judgeChange?: boolean;
}

const EVERYWHERE: readonly MetricPlace[] = ["headline", "channels", "months"];

/**
 * Scorecard ranks, most important first: what was spent, what it bought, what each cost, how well the funnel
 * converts (CTR for ad platforms), then revenue (CPC for ad platforms) and its return. Without spend the
 * first stage takes spend's place, so a CRM's band reads leads → customers → conversion → revenue.
 */
const SCORECARD = { spend: 1, lastStage: 2, cost: 3, conversion: 4, revenue: 5, returns: 6, firstStage: 7, clicks: 8, dealSize: 9 } as const;
const HEADLINE: readonly MetricPlace[] = ["headline"];

/** The metric key of a stage's count, the column key segment tables use for it. */
export const countKey = (stage: string): string => `count_${stage}`;
const countOf = (t: SliceTotals, stage: string): number => t.counts[stage] ?? 0;

/**
 * The metrics a funnel has, in the order the headline lists them. A metric whose fields are not mapped
 * is left out rather than shown as n/a; a two-stage funnel shows its one conversion once; CTR, CPC and
 * CPM appear when stages keyed `impressions` and `clicks` exist, and stand in for the step and cost rows
 * that would repeat them; ROMI appears only with a gross margin, since without one it equals ROI.
 */
export function summaryMetrics(ctx: MetricContext): SummaryMetric[] {
  const stages = ctx.stages;
  const first = stages[0];
  const last = stages[stages.length - 1];
  const keys = new Set(stages.map((s) => s.key));
  const hasAds = keys.has(IMPRESSIONS_KEY) && keys.has(CLICKS_KEY);
  const isCtrStep = (from: string, to: string): boolean => hasAds && from === IMPRESSIONS_KEY && to === CLICKS_KEY;
  const drafts: Draft[] = [];

  if (ctx.hasSpend) {
    drafts.push({
      key: "spend", label: "Spend", unit: "money", better: "up", formula: sum("spend"), places: EVERYWHERE,
      how: "Total of the spend column in the period.", scorecard: SCORECARD.spend, judgeChange: false,
      compute: (t) => defined(t.spend),
    });
  }
  for (const stage of stages) {
    drafts.push({
      key: countKey(stage.key), label: stage.name, unit: "count", better: "up", formula: count(stage.key), places: EVERYWHERE,
      scorecard: stage === last ? SCORECARD.lastStage : stage === first ? (ctx.hasSpend ? SCORECARD.firstStage : SCORECARD.spend)
        : stage.key === CLICKS_KEY ? SCORECARD.clicks : undefined,
      how: `${stage.name}: the stage's total (aggregated data) or the rows whose ${stage.name} date falls in the period (one row per lead).`,
      compute: (t) => defined(countOf(t, stage.key)),
    });
  }
  if (stages.length > 2) {
    for (let i = 1; i < stages.length; i++) {
      const from = stages[i - 1];
      const to = stages[i];
      if (isCtrStep(from.key, to.key)) continue;
      drafts.push({
        key: `step_${to.key}`, label: `${from.name} → ${to.name} conversion`, unit: "rate", better: "up", places: HEADLINE,
        formula: conversion(metric(countKey(to.key)), metric(countKey(from.key))),
        how: `${to.name} ÷ ${from.name} (CONVERSION_RATE); n/a when ${from.name} is 0 or the rate would exceed 100%.`,
        compute: (t) => measure(() => conversionRate(countOf(t, to.key), countOf(t, from.key))),
      });
    }
  }
  if (!isCtrStep(first.key, last.key)) {
    drafts.push({
      key: "overall_conversion", label: `${first.name} → ${last.name} conversion`, unit: "rate", better: "up", places: EVERYWHERE,
      scorecard: hasAds ? undefined : SCORECARD.conversion,
      formula: conversion(metric(countKey(last.key)), metric(countKey(first.key))),
      how: `${last.name} ÷ ${first.name} (CONVERSION_RATE); n/a when ${first.name} is 0 or the rate would exceed 100%.`,
      compute: (t) => measure(() => conversionRate(countOf(t, last.key), countOf(t, first.key))),
    });
  }
  if (hasAds) {
    drafts.push({
      key: "ctr", label: "CTR (clicks ÷ impressions)", unit: "rate", better: "up", places: EVERYWHERE, scorecard: SCORECARD.conversion,
      formula: conversion(metric(countKey(CLICKS_KEY)), metric(countKey(IMPRESSIONS_KEY))),
      how: "Clicks ÷ impressions (CTR): the share of ad views that were clicked.",
      compute: (t) => measure(() => ctr(countOf(t, CLICKS_KEY), countOf(t, IMPRESSIONS_KEY))),
    });
  }
  if (ctx.hasSpend) {
    if (keys.has(CLICKS_KEY)) {
      drafts.push({
        key: "cpc", label: "CPC (cost per click)", unit: "money", better: "down", places: EVERYWHERE, scorecard: SCORECARD.revenue,
        formula: ratio(metric("spend"), metric(countKey(CLICKS_KEY)), { nonNegativeNumerator: true }),
        how: "Spend ÷ clicks (CPC).",
        compute: (t) => measure(() => cpc(t.spend, countOf(t, CLICKS_KEY))),
      });
    }
    if (keys.has(IMPRESSIONS_KEY)) {
      drafts.push({
        key: "cpm", label: "CPM (cost per 1,000 impressions)", unit: "money", better: "down", places: EVERYWHERE,
        formula: ratio(metric("spend"), metric(countKey(IMPRESSIONS_KEY)), { scale: 1000, nonNegativeNumerator: true }),
        how: "Spend ÷ impressions × 1,000 (CPM).",
        compute: (t) => measure(() => cpm(t.spend, countOf(t, IMPRESSIONS_KEY))),
      });
    }
    for (const stage of stages.slice(1)) {
      if (stage.key === CLICKS_KEY || stage.key === IMPRESSIONS_KEY) continue;
      const customer = isCustomerStage(stage);
      const per = singularStageName(stage.name);
      drafts.push({
        key: `cost_per_${stage.key}`,
        label: customer ? `CAC (cost per ${per})` : `Cost per ${per}`,
        unit: "money", better: "down", places: stage === last ? EVERYWHERE : HEADLINE,
        scorecard: stage === last ? SCORECARD.cost : undefined,
        formula: ratio(metric("spend"), metric(countKey(stage.key)), { nonNegativeNumerator: true }),
        how: customer
          ? `Spend ÷ ${stage.name} (CAC: Skok, SaaS Metrics 2.0).`
          : `Spend ÷ ${stage.name} (CPA for this stage: cost per ${per}).`,
        compute: (t) => measure(() => (customer ? cac : cpa)(t.spend, countOf(t, stage.key))),
      });
    }
  }
  if (ctx.hasRevenue) {
    drafts.push({
      key: "revenue", label: "Revenue", unit: "money", better: "up", formula: sum("revenue"), places: EVERYWHERE,
      scorecard: hasAds ? undefined : SCORECARD.revenue,
      how: "Total of the revenue column in the period (one row per lead: revenue of the rows that reached the last stage, on that date).",
      compute: (t) => defined(t.revenue),
    });
  }
  if (ctx.hasSpend && ctx.hasRevenue) {
    drafts.push({
      key: "roi", label: "ROI", unit: "rate", better: "up", places: HEADLINE,
      formula: ratio(difference(metric("revenue"), metric("spend")), metric("spend")),
      how: "(Revenue − spend) ÷ spend (ROI).",
      compute: (t) => measure(() => roi(t.revenue, t.spend)),
    });
    if (ctx.hasGrossMargin) {
      drafts.push({
        key: "romi", label: "ROMI", unit: "rate", better: "up", places: HEADLINE,
        formula: ratio(difference(product(metric("revenue"), input("grossMargin", 0, 1)), metric("spend")), metric("spend")),
        how: "(Revenue × gross margin − spend) ÷ spend (ROMI), with the gross margin entered under unit economics.",
        compute: (t) => (t.grossMargin === null
          ? undefinedBecause("ROMI: no gross margin is entered")
          : measure(() => romi(t.revenue, t.spend, t.grossMargin as number))),
      });
    }
    drafts.push({
      key: "roas", label: "ROAS", unit: "multiple", better: "up", places: EVERYWHERE, scorecard: SCORECARD.returns,
      formula: ratio(metric("revenue"), metric("spend"), { nonNegativeNumerator: true }),
      how: "Revenue ÷ spend (ROAS).",
      compute: (t) => measure(() => roas(t.revenue, t.spend)),
    });
  }
  if (ctx.hasRevenue) {
    const per = singularStageName(last.name);
    drafts.push({
      key: "avg_deal_size", label: `Average deal size (revenue per ${per})`, unit: "money", better: "up", places: HEADLINE,
      scorecard: SCORECARD.dealSize,
      formula: ratio(metric("revenue"), metric(countKey(last.key)), { nonNegativeNumerator: true }),
      how: `Revenue ÷ ${last.name} (AVG_DEAL_SIZE).`,
      compute: (t) => measure(() => avgDealSize(t.revenue, countOf(t, last.key))),
    });
  }
  return finish(drafts);
}

/** A channel's share of the period's spend: only the channel table has a whole to share. */
export function shareOfSpendMetric(): SummaryMetric {
  return finish([{
    key: "spend", label: "Spend", unit: "money", better: "up", formula: sum("spend"), places: [], how: "", compute: (t) => defined(t.spend),
  }, {
    key: "share_of_spend", label: "Share of spend", unit: "rate", better: "up", places: ["channels"],
    formula: ratio(metric("spend"), whole(metric("spend")), { nonNegativeNumerator: true }),
    how: "The channel's spend ÷ all spend in the period.",
    compute: (t, all) => measure(() => share(t.spend, all.spend, "SHARE_OF_SPEND")),
  }])[1];
}

function finish(drafts: readonly Draft[]): SummaryMetric[] {
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const needsOf = (draft: Draft, seen: Set<string>): Set<string> => {
    const out = new Set<string>();
    for (const leaf of leavesOf(draft.formula)) {
      if (!leaf.startsWith("metric:")) {
        out.add(leaf);
        continue;
      }
      const key = leaf.slice("metric:".length);
      const referenced = byKey.get(key);
      if (referenced === undefined) throw new Error(`summary metric ${draft.key} refers to ${key}, which is not in the table`);
      if (seen.has(key)) throw new Error(`summary metric ${draft.key} refers to itself through ${key}`);
      for (const n of needsOf(referenced, new Set([...seen, key]))) out.add(n);
    }
    return out;
  };
  return drafts.map(({ scorecard, judgeChange, ...d }) => ({
    ...d,
    scorecardRank: scorecard ?? null,
    judgeChange: judgeChange ?? true,
    format: UNIT_FORMAT[d.unit],
    needs: [...needsOf(d, new Set([d.key]))].sort(),
    additive: d.formula.op === "sum" || d.formula.op === "count",
  }));
}

/** The metric a key names, or undefined. */
export function metricByKey(metrics: readonly SummaryMetric[], key: string): SummaryMetric | undefined {
  return metrics.find((m) => m.key === key);
}

/** The metric that stands for CAC in tables with one cost column: the cost per last stage. */
export function primaryCostKey(ctx: MetricContext): string {
  return `cost_per_${ctx.stages[ctx.stages.length - 1].key}`;
}
