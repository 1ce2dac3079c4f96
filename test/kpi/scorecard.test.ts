// The scorecard band's KPIs, chosen from the metric table by rank: what managers read first for each kind of funnel.
import { describe, expect, it } from "vitest";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import type { MetricContext } from "../../src/kpi/summary-metrics/metric-types";
import { MAX_SCORECARDS, scorecardMetrics } from "../../src/kpi/summary-metrics/scorecard";

const stages = (...names: string[]) => names.map((name) => ({ key: name.toLowerCase().replace(/ /g, "_"), name }));
const cards = (over: Partial<MetricContext>) =>
  scorecardMetrics(summaryMetrics({ stages: stages("Visits", "Leads", "Customers"), hasSpend: true, hasRevenue: true, hasGrossMargin: false, ...over })).map((m) => m.label);

describe("the scorecard's KPIs", () => {
  it("a marketing funnel with spend and revenue: spend, customers, CAC, conversion, revenue, ROAS", () => {
    expect(cards({})).toEqual(["Spend", "Customers", "CAC (cost per customer)", "Visits → Customers conversion", "Revenue", "ROAS"]);
  });

  it("an ad platform's impressions → clicks → conversions: spend, conversions, cost per conversion, CTR, CPC, ROAS", () => {
    const ads = stages("Impressions", "Clicks", "Conversions");
    expect(cards({ stages: ads })).toEqual(["Spend", "Conversions", "Cost per conversion", "CTR (clicks ÷ impressions)", "CPC (cost per click)", "ROAS"]);
    // Without a conversion value: the impressions take ROAS's place.
    expect(cards({ stages: ads, hasRevenue: false })).toEqual(["Spend", "Conversions", "Cost per conversion", "CTR (clicks ÷ impressions)", "CPC (cost per click)", "Impressions"]);
  });

  it("a CRM without spend: leads, customers, conversion, revenue and deal size; one row per lead leaves the same-period rate off", () => {
    const crm = { stages: stages("Leads", "Customers"), hasSpend: false };
    expect(cards(crm)).toEqual(["Leads", "Customers", "Leads → Customers conversion", "Revenue", "Average deal size (revenue per customer)"]);
    const metrics = summaryMetrics({ ...crm, hasRevenue: true, hasGrossMargin: false });
    expect(scorecardMetrics(metrics, { recordLevel: true }).map((m) => m.label)).toEqual(["Leads", "Customers", "Revenue", "Average deal size (revenue per customer)"]);
  });

  it("never more than six, never a metric the funnel does not have", () => {
    expect(cards({ stages: stages("Visits", "MQLs", "SQLs", "Opportunities", "Customers"), hasGrossMargin: true }).length).toBe(MAX_SCORECARDS);
    expect(cards({ hasSpend: false, hasRevenue: false })).toEqual(["Visits", "Customers", "Visits → Customers conversion"]);
  });

  it("judges every change by the better direction but spend's, a budget decision", () => {
    const metrics = summaryMetrics({ stages: stages("Visits", "Leads", "Customers"), hasSpend: true, hasRevenue: true, hasGrossMargin: false });
    const judged = Object.fromEntries(metrics.map((m) => [m.key, [m.better, m.judgeChange]]));
    expect(judged.spend).toEqual(["up", false]);
    expect(judged.cost_per_customers).toEqual(["down", true]);
    expect(judged.roas).toEqual(["up", true]);
  });
});
