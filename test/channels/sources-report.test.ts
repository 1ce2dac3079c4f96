// The multi-source report worked by hand: two ad platforms and a CRM with a status column, joined by channel and period only, every figure known in advance.
import { describe, expect, it } from "vitest";
import { numberRows } from "../../src/kpi/channels/channel-table";
import type { CellValue } from "../../src/kpi/cells";
import { computeSourcesReport, type SourceInput } from "../../src/kpi/sources/sources-report";
import type { SourcesSpec } from "../../src/kpi/sources/sources-spec";

const d = (iso: string): Date => {
  const [y, m, day] = iso.split("-").map(Number);
  return new Date(y, m - 1, day);
};

const GOOGLE: CellValue[][] = [
  [d("2026-09-01"), "Brand - Search", 100, 10],
  [d("2026-09-01"), "YouTube - Video", 50, 5],
  [d("2026-09-15"), "Brand - Search", 200, 20],
  [d("2026-08-20"), "brand - search ", 300, 30],
];
const META: CellValue[][] = [
  [d("2026-09-02"), 80, 8],
  [d("2026-09-20"), 120, 12],
  [d("2026-07-01"), 999, 99],
];
// Deal Stage, Create Date, Close Date, Original Traffic Source, Amount
const HUBSPOT: CellValue[][] = [
  ["Closed won", d("2026-08-25"), d("2026-09-10"), "Paid Search", 1000],
  ["Closed won", d("2026-09-03"), d("2026-09-12"), "paid social", 500],
  ["Closed lost", d("2026-09-04"), d("2026-09-20"), "Paid Search", 700],
  ["Appointment scheduled", d("2026-09-05"), "", "Webinar", 300],
  ["Closed won", d("2026-09-06"), d("2026-10-02"), "Organic Search", 200],
  ["Closed won", d("2026-09-07"), d("2026-09-08"), "Webinar", 400],
];

const SPEC: SourcesSpec = {
  stages: [{ key: "clicks", name: "Clicks" }, { key: "leads", name: "Leads" }, { key: "customers", name: "Customers" }],
  sources: [
    { name: "Google Ads", shape: "aggregated", dateColumn: 0, channelColumn: 1, spendColumn: 2, stages: [{ key: "clicks", column: 3 }] },
    { name: "Meta Ads", shape: "aggregated", dateColumn: 0, spendColumn: 1, stages: [{ key: "clicks", column: 2 }] },
    {
      name: "HubSpot deals", shape: "record-level", channelColumn: 3, revenueColumn: 4,
      stages: [{ key: "leads", column: 1 }, { key: "customers", column: 2, status: { column: 0, values: ["Closed won"] } }],
    },
  ],
};
const INPUTS: SourceInput[] = [
  { spec: SPEC.sources[0], rows: GOOGLE },
  { spec: SPEC.sources[1], rows: META },
  { spec: SPEC.sources[2], rows: HUBSPOT },
];
const TABLE = numberRows([
  { source: "Google Ads", value: "YouTube - Video", channel: "Paid Video" },
  { source: "Google Ads", value: "", channel: "Paid Search" },
  { source: "Meta Ads", value: "", channel: "Paid Social" },
  { source: "HubSpot deals", value: "Paid Search", channel: "Paid Search" },
  { source: "HubSpot deals", value: "Paid Social", channel: "Paid Social" },
  { source: "HubSpot deals", value: "Organic Search", channel: "Organic Search" },
], 2);

const report = computeSourcesReport(SPEC, INPUTS, TABLE, { period: { start: "2026-09-01", end: "2026-09-30" } });
const inPeriod = (channel: string) => {
  const row = report.periodChannels?.find((c) => c.channel === channel);
  if (row === undefined) throw new Error(`no ${channel} in the period table`);
  return row;
};

describe("CAC per channel across sources", () => {
  it("adds spend from the ad platforms and customers from the CRM, each dated in the period", () => {
    const search = inPeriod("Paid Search");
    expect(search.spend).toBe(300);
    expect(search.stageCounts).toEqual([30, 1, 1]);
    expect(search.cac.value).toBe(300);
    expect(search.revenue).toBe(1000);
    expect(search.roas.value).toBeCloseTo(1000 / 300, 12);
    expect(search.shareOfSpend.value).toBeCloseTo(300 / 550, 12);
    expect(search.sources).toEqual(["Google Ads", "HubSpot deals"]);

    const social = inPeriod("Paid Social");
    expect([social.spend, ...social.stageCounts, social.cac.value, social.revenue]).toEqual([200, 20, 1, 1, 200, 500]);
    expect(social.sources).toEqual(["Meta Ads", "HubSpot deals"]);

    const video = inPeriod("Paid Video");
    expect([video.spend, ...video.stageCounts]).toEqual([50, 5, 0, 0]);
    expect(video.cac.value).toBeNull();
    expect(video.cac.reason).toMatch(/^CAC:/);
  });

  it("keeps an unmatched value as its own channel and lists it with its rows, spend and customers", () => {
    const webinar = inPeriod("Webinar");
    expect(webinar.stageCounts).toEqual([0, 2, 1]);
    expect(webinar.revenue).toBe(400);
    expect(report.unmatched.map((u) => [u.source, u.value, u.rows, u.all.spend, u.all.stageCounts[2]])).toEqual([["HubSpot deals", "Webinar", 2, 0, 1]]);
  });

  it("totals the period, the period before and all rows", () => {
    expect(report.periodTotals).toMatchObject({ spend: 550, revenue: 1900, stageCounts: [55, 5, 3] });
    const kpi = (key: string) => report.headline?.kpis.find((k) => k.key === key);
    expect(kpi("spend")?.current.value).toBe(550);
    expect(kpi("spend")?.previous.value).toBe(300);
    expect(kpi("count_leads")?.previous.value).toBe(1);
    expect(kpi("cost_per_customers")?.current.value).toBeCloseTo(550 / 3, 12);
    expect(report.totals).toMatchObject({ spend: 1849, revenue: 2100, stageCounts: [184, 6, 4] });
    expect(report.funnel.map((s) => s.count)).toEqual([184, 6, 4]);
  });

  it("lists channels biggest spend first, and says which sources each figure comes from", () => {
    expect(report.channels.map((c) => c.channel)).toEqual(["Paid Social", "Paid Search", "Paid Video", "Organic Search", "Webinar"]);
    expect(report.suppliers).toEqual({ spend: ["Google Ads", "Meta Ads"], revenue: ["HubSpot deals"], clicks: ["Google Ads", "Meta Ads"], leads: ["HubSpot deals"], customers: ["HubSpot deals"] });
  });

  it("aligns every value, case and spaces ignored, and says which table row did it", () => {
    expect(report.values.map((v) => [v.source, v.value, v.channel, v.by, v.tableRow, v.rows])).toEqual([
      ["Google Ads", "Brand - Search", "Paid Search", "source", 3, 3],
      ["Google Ads", "YouTube - Video", "Paid Video", "value", 2, 1],
      ["Meta Ads", "(no channel)", "Paid Social", "source", 4, 3],
      ["HubSpot deals", "Paid Search", "Paid Search", "value", 5, 2],
      ["HubSpot deals", "paid social", "Paid Social", "value", 6, 1],
      ["HubSpot deals", "Webinar", "Webinar", "unmatched", null, 2],
      ["HubSpot deals", "Organic Search", "Organic Search", "value", 7, 1],
    ]);
  });

  it("counts what the CRM's status kept out: a lost deal's close date and revenue", () => {
    const hubspot = report.sources.find((s) => s.name === "HubSpot deals");
    expect(hubspot?.notes).toMatchObject({ rows: 6, datesWithoutStatus: 1, revenueWithoutLastStage: 2 });
    expect(hubspot?.supplies).toEqual(["revenue", "leads", "customers"]);
  });

  it("months add every source's own dates", () => {
    expect(report.months.map((m) => [m.month, m.spend, ...m.stageCounts])).toEqual([
      ["2026-07", 999, 99, 0, 0],
      ["2026-08", 300, 30, 1, 0],
      ["2026-09", 550, 55, 5, 3],
      ["2026-10", 0, 0, 0, 1],
    ]);
  });
});
