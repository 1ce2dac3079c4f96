// Funnel report on a small aggregated sheet, every number worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport, type FunnelSpec, type HeadlineKpi } from "../../src/kpi/funnel-report";
import { AGGREGATED_HEADERS, aggregatedDemoRows } from "../../src/local/demo-data";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { validateMapping } from "../../src/server/mapping/validate-mapping";

const day = (iso: string): Date => new Date(`${iso}T00:00:00`);

// Date, Channel, Spend, Visits, Leads, Customers, Revenue
const rows: CellValue[][] = [
  [day("2024-01-25"), "Ads", 100, 1000, 50, 5, 500], // previous period
  [day("2024-01-30"), "Email", 20, 200, 20, 2, 300], // previous period
  [day("2024-02-03"), "Ads", 150, 1200, 60, 6, 900], // period
  [day("2024-02-10"), " email ", 30, 300, 30, 4, 500], // period (last day, inclusive); same channel as "Email"
  [day("2024-02-11"), "Ads", 50, 500, 10, 0, 0], // after the period
  [day("2024-01-05"), "", 0, 100, 0, 0, ""], // no channel, before the previous period
  ["", "Ads", 10, 10, 1, 0, 0], // no date: totals and channel only
  ["", "", "", "", "", "", ""], // trailing blank row: ignored
  [45327, "Email", "$10", 100, "n/a", 1, "1,100"], // serial 45327 = 2024-02-05; "n/a" is skipped and counted
];

const spec: FunnelSpec = {
  shape: "aggregated",
  stages: [
    { key: "visits", name: "Visits", column: 3 },
    { key: "leads", name: "Leads", column: 4 },
    { key: "customers", name: "Customers", column: 5 },
  ],
  dateColumn: 0,
  channelColumn: 1,
  spendColumn: 2,
  revenueColumn: 6,
};

const report = computeFunnelReport(spec, rows, { period: { start: day("2024-02-01"), end: "2024-02-10" }, grossMargin: 0.5 });

describe("aggregated funnel report", () => {
  it("totals every stage, spend and revenue", () => {
    // spend 100+20+150+30+50+0+10+10; visits 1000+200+1200+300+500+100+10+100; leads 50+20+60+30+10+0+1; customers 5+2+6+4+1
    expect(report.totals.spend).toBe(370);
    expect(report.totals.revenue).toBe(3300);
    expect(report.totals.stageCounts).toEqual([3410, 171, 18]);
    expect(report.totals.conversion).toEqual({ value: 18 / 3410 });
    expect(report.totals.cac).toEqual({ value: 370 / 18 });
    expect(report.totals.roas).toEqual({ value: 3300 / 370 });
    expect(report.notes).toEqual({ rows: 8, unreadableCells: 1, rowsWithoutDate: 1, negativeDurations: 0, revenueWithoutLastStage: 0, datesWithoutStatus: 0 });
  });

  it("builds the funnel with step and overall conversion and drop-off", () => {
    expect(report.funnel).toEqual([
      { key: "visits", name: "Visits", count: 3410, stepConversion: null, overallConversion: { value: 1 }, dropOff: null, dropOffRate: null },
      { key: "leads", name: "Leads", count: 171, stepConversion: { value: 171 / 3410 }, overallConversion: { value: 171 / 3410 }, dropOff: 3239, dropOffRate: { value: 1 - 171 / 3410 } },
      { key: "customers", name: "Customers", count: 18, stepConversion: { value: 18 / 171 }, overallConversion: { value: 18 / 3410 }, dropOff: 153, dropOffRate: { value: 1 - 18 / 171 } },
    ]);
  });

  it("splits by channel, biggest spend first, folding case and spaces, with reasons for zero denominators", () => {
    // Every metric of the summary table is there too, from the same totals.
    expect(report.channels?.[0].metrics.cost_per_leads).toEqual({ value: 310 / 121 });
    expect(report.channels?.[1].metrics.overall_conversion).toEqual({ value: 7 / 600 });
    expect(report.channels?.map(({ metrics: _metrics, ...rest }) => rest)).toEqual([
      {
        channel: "Ads",
        spend: 310,
        revenue: 1400,
        stageCounts: [2710, 121, 11],
        conversion: { value: 11 / 2710 },
        cac: { value: 310 / 11 },
        roas: { value: 1400 / 310 },
        shareOfSpend: { value: 310 / 370 },
      },
      {
        channel: "Email",
        spend: 60,
        revenue: 1900,
        stageCounts: [600, 50, 7],
        conversion: { value: 7 / 600 },
        cac: { value: 60 / 7 },
        roas: { value: 1900 / 60 },
        shareOfSpend: { value: 60 / 370 },
      },
      {
        channel: "(no channel)",
        spend: 0,
        revenue: 0,
        stageCounts: [100, 0, 0],
        conversion: { value: 0 },
        cac: { value: null, reason: "CAC: new customers total is 0, so CAC is undefined" },
        roas: { value: null, reason: "ROAS: ad spend total is 0, so ROAS is undefined" },
        shareOfSpend: { value: 0 },
      },
    ]);
  });

  it("splits by month", () => {
    expect(report.months.map((m) => [m.month, m.spend, m.revenue, m.stageCounts, m.cac.value])).toEqual([
      ["2024-01", 120, 800, [1300, 70, 7], 120 / 7],
      ["2024-02", 240, 2500, [2100, 100, 11], 240 / 11],
    ]);
  });

  it("compares the period with the 10 days before it", () => {
    const h = report.headline;
    expect(h).not.toBeNull();
    if (h === null) return;
    expect([h.start, h.end, h.previousStart, h.previousEnd, h.days]).toEqual(["2024-02-01", "2024-02-10", "2024-01-22", "2024-01-31", 10]);
    const byKey = (key: string): HeadlineKpi => h.kpis.find((k) => k.key === key) as HeadlineKpi;
    const pair = (key: string) => [byKey(key).current.value, byKey(key).previous.value];
    // Period rows: 02-03, 02-10, 02-05. Previous: 01-25, 01-30.
    expect(h.kpis.map((k) => k.key)).toEqual([
      "spend", "count_visits", "count_leads", "count_customers", "step_leads", "step_customers",
      "overall_conversion", "cost_per_leads", "cost_per_customers", "revenue", "roi", "romi", "roas", "avg_deal_size",
    ]);
    expect(h.previousHasData).toBe(true);
    expect(h.preset).toBe("Custom");
    expect(pair("spend")).toEqual([190, 120]);
    expect(byKey("spend").change).toEqual({ value: 70 / 120 });
    expect(byKey("spend").difference).toBe(70);
    expect(pair("count_visits")).toEqual([1600, 1200]);
    expect(pair("count_leads")).toEqual([90, 70]);
    expect(pair("count_customers")).toEqual([11, 7]);
    expect(pair("step_leads")).toEqual([90 / 1600, 70 / 1200]);
    expect(byKey("step_leads").label).toBe("Visits → Leads conversion");
    expect(pair("step_customers")).toEqual([11 / 90, 7 / 70]);
    expect(pair("overall_conversion")).toEqual([11 / 1600, 7 / 1200]);
    expect(pair("cost_per_customers")).toEqual([190 / 11, 120 / 7]);
    expect(byKey("cost_per_customers").change).toEqual({ value: (190 / 11 - 120 / 7) / (120 / 7) });
    expect(byKey("cost_per_customers").label).toBe("CAC (cost per customer)");
    expect(pair("cost_per_leads")).toEqual([190 / 90, 120 / 70]);
    expect(byKey("cost_per_leads").label).toBe("Cost per lead");
    expect(pair("revenue")).toEqual([2500, 800]);
    expect(pair("roi")).toEqual([(2500 - 190) / 190, (800 - 120) / 120]);
    // Gross margin 0.5: ROMI counts half the revenue as return.
    expect(pair("romi")).toEqual([(2500 * 0.5 - 190) / 190, (800 * 0.5 - 120) / 120]);
    expect(pair("roas")).toEqual([2500 / 190, 800 / 120]);
    expect(pair("avg_deal_size")).toEqual([2500 / 11, 800 / 7]);
    expect(report.timeToConvert).toBeNull();
  });
});

describe("aggregated funnel report: undefined KPIs are reasons, not throws", () => {
  const noMoney: FunnelSpec = { ...spec, spendColumn: null, revenueColumn: null, channelColumn: null };

  it("says which column is missing, and leaves out the metrics that would need it", () => {
    const r = computeFunnelReport(noMoney, rows, { period: { start: "2024-02-01", end: "2024-02-10" } });
    expect(r.channels).toBeNull();
    expect(r.totals.spend).toBeNull();
    expect(r.totals.cac).toEqual({ value: null, reason: "CAC: no spend column is mapped" });
    expect(r.totals.roas).toEqual({ value: null, reason: "ROAS: no spend column is mapped" });
    const keys = (r.headline?.kpis ?? []).map((k) => k.key);
    expect(keys).toEqual(["count_visits", "count_leads", "count_customers", "step_leads", "step_customers", "overall_conversion"]);
  });

  it("explains an empty previous period and zero counts", () => {
    const r = computeFunnelReport(spec, rows, { period: { start: "2024-01-05", end: "2024-01-05" } });
    const kpis = r.headline?.kpis ?? [];
    const get = (key: string) => kpis.find((k) => k.key === key);
    // Only the 01-05 row: spend 0, visits 100, leads 0, customers 0. Previous day (01-04): nothing.
    expect(get("count_visits")?.current).toEqual({ value: 100 });
    // Nothing at all in the previous period: the change says so, rather than −100% or "previous total is 0".
    expect(r.headline?.previousHasData).toBe(false);
    expect(get("count_visits")?.change).toEqual({ value: null, reason: "previous period has no data" });
    expect(get("step_customers")?.current).toEqual({ value: null, reason: "CONVERSION_RATE: total is 0, so CONVERSION_RATE is undefined" });
    expect(get("cost_per_customers")?.current).toEqual({ value: null, reason: "CAC: new customers total is 0, so CAC is undefined" });
    expect(get("cost_per_customers")?.change).toEqual({ value: null, reason: "previous period has no data" });
    expect(get("cost_per_leads")?.previous).toEqual({ value: null, reason: "CPA: acquisitions total is 0, so CPA is undefined" });
    expect(get("roi")?.previous).toEqual({ value: null, reason: "ROI: cost total is 0, so ROI is undefined" });
    expect(get("overall_conversion")?.previous).toEqual({ value: null, reason: "CONVERSION_RATE: total is 0, so CONVERSION_RATE is undefined" });
    expect(get("overall_conversion")?.difference).toBeNull();
  });

  it("gives a reason instead of a headline when the period is missing or backwards", () => {
    expect(computeFunnelReport(spec, rows).headlineReason).toBe("no headline period was requested");
    const backwards = computeFunnelReport(spec, rows, { period: { start: "2024-02-10", end: "2024-02-01" } });
    expect(backwards.headline).toBeNull();
    expect(backwards.headlineReason).toBe("the period ends (2024-02-01) before it starts (2024-02-10)");
    expect(computeFunnelReport(spec, rows, { period: { start: "soon", end: "2024-02-01" } }).headlineReason).toBe("the period start is not a date");
  });

  it("handles no rows at all", () => {
    const r = computeFunnelReport(spec, []);
    expect(r.totals.stageCounts).toEqual([0, 0, 0]);
    expect(r.funnel[1].stepConversion).toEqual({ value: null, reason: "CONVERSION_RATE: total is 0, so CONVERSION_RATE is undefined" });
    expect(r.channels).toEqual([]);
    expect(r.months).toEqual([]);
  });

  it("throws only for a spec that is not a funnel", () => {
    expect(() => computeFunnelReport({ ...spec, stages: spec.stages.slice(0, 1) }, rows)).toThrow(
      "FUNNEL_REPORT: a funnel needs at least two stages, got 1",
    );
  });
});

describe("from the demo daily sheet, end to end", () => {
  const demo = aggregatedDemoRows(new Date(2025, 6, 1), 3);
  const mapping = proposalToMapping(proposeMapping("Daily", 1, AGGREGATED_HEADERS, demo.slice(0, 50)));

  it("detects every column of the demo sheet", () => {
    expect(mapping).toMatchObject({
      shape: "aggregated",
      date: { header: "Date", index: 0 },
      channel: { header: "Channel", index: 1 },
      spend: { header: "Spend", index: 2 },
      revenue: { header: "Revenue", index: 6 },
    });
    expect(mapping.stages.map((s) => [s.key, s.column?.header])).toEqual([
      ["visits", "Sessions"],
      ["leads", "Leads"],
      ["customers", "New customers"],
    ]);
  });

  it("validates cleanly and its totals and per-channel spend match direct sums", () => {
    expect(validateMapping(mapping, AGGREGATED_HEADERS, demo)).toEqual({ ok: true, errors: [], warnings: [] });
    const r = computeFunnelReport(toFunnelSpec(mapping), demo);
    const sum = (col: number, channel?: string) =>
      demo.filter((row) => channel === undefined || row[1] === channel).reduce((s, row) => s + Number(row[col]), 0);
    expect(r.totals.stageCounts).toEqual([sum(3), sum(4), sum(5)]);
    expect(r.totals.spend).toBeCloseTo(sum(2), 6);
    expect(r.channels).toHaveLength(6);
    for (const c of r.channels ?? []) expect(c.spend).toBeCloseTo(sum(2, c.channel), 6);
    expect(r.months.map((m) => m.month)).toEqual(["2025-04", "2025-05", "2025-06"]);
  });
});
