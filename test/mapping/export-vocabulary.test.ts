// Auto-detect on the header rows of Microsoft Ads, TikTok Ads, GA4 and Pipedrive exports: the funnel each proposes, rates left out.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { proposeMapping } from "../../src/server/mapping/auto-detect";

const iso = (i: number): string => `2026-09-${String(1 + (i % 28)).padStart(2, "0")}`;

function rows(n: number, make: (i: number) => CellValue[]): CellValue[][] {
  return Array.from({ length: n }, (_, i) => make(i));
}

describe("ad platforms: impressions → clicks → conversions, cost as spend, conversion value as revenue", () => {
  it("Microsoft Ads", () => {
    const headers = ["Time period", "Campaign name", "Impressions", "Clicks", "CTR", "Avg. CPC", "Spend", "Conversions", "Conv. rate", "Revenue"];
    const p = proposeMapping("MS", 1, headers, rows(20, (i) => [iso(i), "Brand", 1000 + i, 50, 0.05, 1.2, 60.5, 3, 0.06, 300]));
    expect(p.stages.map((s) => [s.key, s.column?.header])).toEqual([["impressions", "Impressions"], ["clicks", "Clicks"], ["conversions", "Conversions"]]);
    expect([p.date.column?.header, p.channel.column?.header, p.spend.column?.header, p.revenue.column?.header]).toEqual(["Time period", "Campaign name", "Spend", "Revenue"]);
    const reasons = Object.fromEntries(p.unmapped.map((u) => [u.header, u.reason]));
    expect(reasons.CTR).toBe("header 'CTR' contains 'ctr', so it looks like a computed rate or average: never a stage, never summed");
    expect(reasons["Conv. rate"]).toMatch(/contains 'rate'/);
    expect(reasons["Avg. CPC"]).toMatch(/contains 'avg'/);
  });

  it("TikTok Ads", () => {
    const headers = ["Campaign name", "Date", "Cost", "Impressions", "Clicks", "CTR", "CPC", "Conversions", "Cost per conversion", "Conversion rate"];
    const p = proposeMapping("TT", 1, headers, rows(20, (i) => ["Launch", iso(i), 40, 5000, 80, 0.016, 0.5, 4, 10, 0.05]));
    expect(p.stages.map((s) => s.key)).toEqual(["impressions", "clicks", "conversions"]);
    expect(p.spend.column?.header).toBe("Cost");
    expect(p.unmapped.map((u) => u.header)).toEqual(["CTR", "CPC", "Cost per conversion", "Conversion rate"]);
  });

  it("Google Ads in German", () => {
    const headers = ["Tag", "Kampagne", "Impressionen", "Klicks", "Kosten", "Conversions", "Conv.-Wert", "Kosten/Conv."];
    const p = proposeMapping("GA", 1, headers, rows(20, (i) => [iso(i), "Marke", 900, 40, 35.5, 2, 180, 17.75]));
    expect(p.stages.map((s) => [s.key, s.column?.header])).toEqual([["impressions", "Impressionen"], ["clicks", "Klicks"], ["conversions", "Conversions"]]);
    expect([p.date.column?.header, p.spend.column?.header, p.revenue.column?.header]).toEqual(["Tag", "Kosten", "Conv.-Wert"]);
    expect(p.unmapped.find((u) => u.header === "Kosten/Conv.")?.reason).toMatch(/contains '\/'/);
  });
});

describe("analytics and CRMs", () => {
  it("GA4 with a source / medium dimension: Sessions, not Engaged sessions, is the visits stage", () => {
    const headers = ["Session source / medium", "Date", "Engaged sessions", "Sessions", "Engagement rate", "Key events", "Total revenue"];
    const p = proposeMapping("GA4", 1, headers, rows(20, (i) => ["google / cpc", iso(i), 40, 60, 0.66, 2, 99.5]));
    expect(p.stages.map((s) => [s.key, s.column?.header])).toEqual([["visits", "Sessions"], ["conversions", "Key events"]]);
    expect(p.channel.column?.header).toBe("Session source / medium");
    expect(p.revenue.column?.header).toBe("Total revenue");
  });

  it("Pipedrive deals: created and won time as stage dates, the expected close date a forecast, only won deals customers", () => {
    const headers = ["Deal - Title", "Deal - Value", "Deal - Status", "Deal - Deal created", "Deal - Expected close date", "Deal - Won time"];
    const status = ["won", "lost", "open"];
    const p = proposeMapping("PD", 1, headers, rows(12, (i) => [`Deal ${i}`, 500 * i, status[i % 3], iso(i), iso(i + 5), i % 3 === 0 ? iso(i + 3) : ""]));
    expect(p.shape.value).toBe("record-level");
    expect(p.stages.map((s) => [s.key, s.column?.header, s.status?.values])).toEqual([
      ["leads", "Deal - Deal created", undefined],
      ["customers", "Deal - Won time", ["won"]],
    ]);
    expect(p.revenue.column?.header).toBe("Deal - Value");
  });
});
