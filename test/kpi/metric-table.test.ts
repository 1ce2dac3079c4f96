// The summary metric table: which metrics a funnel has, their names by meaning, needed fields read off the formulas, and computations.
import { describe, expect, it } from "vitest";
import { exprSignature } from "../../src/kpi/summary-metrics/expression";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import type { MetricContext, SliceTotals } from "../../src/kpi/summary-metrics/metric-types";
import { singularStageName } from "../../src/kpi/summary-metrics/stage-words";

const stages = (...names: string[]) => names.map((name) => ({ key: name.toLowerCase().replace(/ /g, "_"), name }));
const ctx = (over: Partial<MetricContext>): MetricContext => ({
  stages: stages("Visits", "Leads", "Customers"), hasSpend: true, hasRevenue: true, hasGrossMargin: false, ...over,
});
const keys = (c: MetricContext) => summaryMetrics(c).map((m) => m.key);

describe("which metrics a funnel has", () => {
  it("a three-stage funnel with spend and revenue", () => {
    expect(keys(ctx({}))).toEqual([
      "spend", "count_visits", "count_leads", "count_customers", "step_leads", "step_customers", "overall_conversion",
      "cost_per_leads", "cost_per_customers", "revenue", "roi", "roas", "avg_deal_size",
    ]);
  });

  it("names costs by the stage they are per, and calls only a customer stage's cost CAC", () => {
    const labels = Object.fromEntries(summaryMetrics(ctx({ stages: stages("Visits", "MQLs", "Opportunities", "Customers") })).map((m) => [m.key, m.label]));
    expect([labels.cost_per_mqls, labels.cost_per_opportunities, labels.cost_per_customers]).toEqual(["Cost per MQL", "Cost per opportunity", "CAC (cost per customer)"]);
    expect(["Leads", "New customers", "Won deals", "SQL", "Business"].map(singularStageName)).toEqual(["lead", "new customer", "won deal", "SQL", "business"]);
  });

  it("ROMI only with a gross margin; no spend, no costs or returns; no revenue, no ROI, ROAS or deal size", () => {
    expect(keys(ctx({ hasGrossMargin: true }))).toContain("romi");
    expect(keys(ctx({}))).not.toContain("romi");
    expect(keys(ctx({ hasSpend: false }))).toEqual(["count_visits", "count_leads", "count_customers", "step_leads", "step_customers", "overall_conversion", "revenue", "avg_deal_size"]);
    expect(keys(ctx({ hasRevenue: false })).filter((k) => ["revenue", "roi", "roas", "avg_deal_size"].includes(k))).toEqual([]);
  });

  it("a two-stage funnel shows its one conversion once", () => {
    expect(keys(ctx({ stages: stages("Leads", "Customers") }))).toEqual(["spend", "count_leads", "count_customers", "overall_conversion", "cost_per_customers", "revenue", "roi", "roas", "avg_deal_size"]);
  });

  it("an ad funnel (impressions → clicks → conversions) gets CTR, CPC, CPM and cost per conversion, without repeating them as steps or costs", () => {
    const metrics = summaryMetrics(ctx({ stages: stages("Impressions", "Clicks", "Conversions") }));
    expect(metrics.map((m) => m.key)).toEqual([
      "spend", "count_impressions", "count_clicks", "count_conversions", "step_conversions", "overall_conversion",
      "ctr", "cpc", "cpm", "cost_per_conversions", "revenue", "roi", "roas", "avg_deal_size",
    ]);
    expect(metrics.find((m) => m.key === "cost_per_conversions")?.label).toBe("Cost per conversion");
    expect(keys(ctx({ stages: stages("Impressions", "Clicks") }))).toEqual(["spend", "count_impressions", "count_clicks", "ctr", "cpc", "cpm", "revenue", "roi", "roas", "avg_deal_size"]);
  });

  it("no two metrics of any funnel have the same formula, and each lists the fields its formula reads", () => {
    for (const c of [ctx({}), ctx({ hasGrossMargin: true }), ctx({ stages: stages("Impressions", "Clicks", "Conversions") }), ctx({ stages: stages("Leads", "Customers") })]) {
      const signatures = summaryMetrics(c).map((m) => exprSignature(m.formula));
      expect(new Set(signatures).size).toBe(signatures.length);
    }
    const byKey = Object.fromEntries(summaryMetrics(ctx({ hasGrossMargin: true })).map((m) => [m.key, m.needs]));
    expect(byKey.romi).toEqual(["input:grossMargin", "revenue", "spend"]);
    expect(byKey.cost_per_leads).toEqual(["spend", "stage:leads"]);
    expect(byKey.step_customers).toEqual(["stage:customers", "stage:leads"]);
  });
});

describe("computations, through the catalogue's definitions", () => {
  const totals: SliceTotals = { spend: 500, revenue: 2000, counts: { impressions: 40_000, clicks: 800, conversions: 20 }, grossMargin: 0.4 };
  const metrics = summaryMetrics(ctx({ stages: stages("Impressions", "Clicks", "Conversions"), hasGrossMargin: true }));
  const value = (key: string, t: SliceTotals = totals) => metrics.find((m) => m.key === key)?.compute(t, t);

  it("CTR, CPC, CPM, cost per conversion, ROMI (Farris et al., Marketing Metrics)", () => {
    expect(value("ctr")).toEqual({ value: 0.02 });
    expect(value("cpc")).toEqual({ value: 0.625 });
    expect(value("cpm")).toEqual({ value: 12.5 });
    expect(value("cost_per_conversions")).toEqual({ value: 25 });
    expect(value("romi")).toEqual({ value: (2000 * 0.4 - 500) / 500 });
  });

  it("undefined KPIs are reasons that name the definition", () => {
    const none: SliceTotals = { ...totals, counts: { impressions: 0, clicks: 0, conversions: 0 } };
    expect(value("cpm", none)).toEqual({ value: null, reason: "CPM: impressions total is 0, so CPM is undefined" });
    expect(value("romi", { ...totals, grossMargin: null })).toEqual({ value: null, reason: "ROMI: no gross margin is entered" });
  });
});
