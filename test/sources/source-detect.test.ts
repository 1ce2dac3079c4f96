// Each export fixture recognised as a source: its platform, its role and the reason, its channel column and what that holds; then the funnel proposed over several.
import { describe, expect, it } from "vitest";
import { detectSource, type DetectedSource } from "../../src/server/mapping/source-detect";
import { proposeSources } from "../../src/server/mapping/propose-sources";
import { serializeMapping, parseSetup } from "../../src/server/mapping/mapping-store-format";
import { exportTable } from "./export-tables";

async function detect(file: string, sheet: string): Promise<DetectedSource> {
  const t = await exportTable(file, sheet);
  return detectSource(t.sheetName, t.headerRow, t.headers, t.sample, t.rows);
}

describe("detecting a sheet's role", () => {
  it("Google Ads: ad spend, campaign type as the channel column", async () => {
    const d = await detect("google-ads-campaigns.csv", "Google Ads");
    expect([d.platform, d.role, d.channel.column?.header, d.channel.kind]).toEqual(["google-ads", "ad-spend", "Campaign type", "campaign"]);
    expect(d.roleReason).toContain("spend in 'Cost'");
    expect(d.roleReason).toContain("look like a Google Ads export");
  });

  it("Meta Ads in German: ad spend by its headers alone", async () => {
    const d = await detect("meta-ads-de.csv", "Kampagnen");
    expect([d.platform, d.role]).toEqual(["meta-ads", "ad-spend"]);
    expect(d.roleReason).toMatch(/headers 'Ergebnisindikator', 'Reichweite'/);
  });

  it("LinkedIn: ad spend, campaigns as the channel column", async () => {
    const d = await detect("linkedin-campaigns.csv", "LinkedIn");
    expect([d.platform, d.role, d.channel.kind]).toEqual(["linkedin-ads", "ad-spend", "campaign"]);
  });

  it("GA4: analytics traffic, channel names", async () => {
    const d = await detect("ga4-traffic-acquisition.csv", "GA4");
    expect([d.platform, d.role, d.channel.column?.header, d.channel.kind]).toEqual(["ga4", "analytics", "Session default channel group", "channel"]);
    expect(d.roleReason).toMatch(/^analytics traffic: counts in 'Sessions'/);
  });

  it("HubSpot deals: CRM records with a status column", async () => {
    const d = await detect("hubspot-deals.csv", "HubSpot deals");
    expect([d.platform, d.role, d.channel.column?.header, d.channel.kind]).toEqual(["hubspot", "crm", "Original Traffic Source", "channel"]);
    expect(d.roleReason).toMatch(/^CRM records:/);
  });
});

describe("proposing a funnel over several sources", () => {
  it("ad counts and spend added across the ad platforms, people from the CRM, the platforms' own conversions left out", async () => {
    const sources = await Promise.all([
      detect("google-ads-campaigns.csv", "Google Ads"),
      detect("meta-ads-de.csv", "Meta Ads"),
      detect("hubspot-deals.csv", "HubSpot deals"),
    ]);
    const { mapping, reasons } = proposeSources(sources);
    expect(mapping.sources.map((s) => [s.id, s.role, s.spend?.header ?? null, s.revenue?.header ?? null])).toEqual([
      ["google_ads", "ad-spend", "Cost", null],
      ["meta_ads", "ad-spend", "Ausgegebener Betrag (EUR)", null],
      ["hubspot_deals", "crm", null, "Amount"],
    ]);
    expect(mapping.stages.map((s) => [s.key, s.supply.map((u) => `${u.source}:${u.status ? `status ${u.status.values.join("|")}` : u.column?.header}`)])).toEqual([
      ["impressions", ["google_ads:Impr.", "meta_ads:Impressionen"]],
      ["clicks", ["google_ads:Clicks", "meta_ads:Link-Klicks"]],
      ["leads", ["hubspot_deals:Create Date"]],
      ["customers", ["hubspot_deals:status Closed won"]],
    ]);
    const why = Object.fromEntries(reasons.map((r) => [r.field, r.reason]));
    expect(why.Clicks).toBe("added from Google Ads ('Clicks') and Meta Ads ('Link-Klicks')");
    expect(why.Conversions).toMatch(/^left out: Google Ads and Meta Ads count their own conversions/);
    expect(why.Spend).toBe("added from Google Ads ('Cost') and Meta Ads ('Ausgegebener Betrag (EUR)')");
  });

  it("a realistic five-source mapping fits a document property (9,000 bytes)", async () => {
    const sources = await Promise.all([
      detect("google-ads-campaigns.csv", "Google Ads - Search & Display 2026"),
      detect("meta-ads-de.csv", "Meta Ads DE - Herbstkampagnen"),
      detect("linkedin-campaigns.csv", "LinkedIn Campaign Manager"),
      detect("ga4-traffic-acquisition.csv", "GA4 Traffic acquisition"),
      detect("hubspot-deals.csv", "HubSpot deals - Sales Pipeline"),
    ]);
    const { mapping } = proposeSources(sources);
    expect(mapping.sources).toHaveLength(5);
    const saved = serializeMapping(mapping);
    if (!saved.ok) throw new Error(saved.message);
    // Measured: docs/sources-and-channels.md quotes this figure.
    expect(saved.bytes).toBeLessThan(4000);
    expect(parseSetup(saved.json)).toEqual({ ok: true, setup: { kind: "sources", mapping } });
  });
});
