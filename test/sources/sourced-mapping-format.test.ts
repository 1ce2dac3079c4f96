// Format 3 (sources) saved and read back, damaged values named, and formats 1 and 2 read as the same funnel with one source.
import { describe, expect, it } from "vitest";
import { parseMapping, parseSetup, serializeMapping, setupAsSources } from "../../src/server/mapping/mapping-store-format";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { sheetFromSourced, sourcedFromSheet } from "../../src/server/mapping/sheet-mapping";
import type { SourcedMapping } from "../../src/server/mapping/source-types";

const sheet: FunnelMapping = {
  version: 2,
  sheetName: "Deals",
  headerRow: 1,
  shape: "record-level",
  stages: [
    { key: "leads", name: "Leads", column: { header: "Create Date", index: 1 } },
    { key: "customers", name: "Customers", column: null, status: { column: { header: "Deal Stage", index: 0 }, values: ["Closed won"] } },
  ],
  date: null,
  channel: { header: "Original Traffic Source", index: 3 },
  spend: null,
  revenue: { header: "Amount", index: 4 },
};

const sourced: SourcedMapping = {
  version: 3,
  sources: [
    { id: "google_ads", sheetName: "Google Ads", headerRow: 3, shape: "aggregated", platform: "google-ads", role: "ad-spend", date: { header: "Day", index: 0 }, channel: { header: "Campaign type", index: 2 }, channelKind: "campaign", fixedChannel: null, spend: { header: "Cost", index: 5 }, revenue: null },
    { id: "meta", sheetName: "Meta", headerRow: 1, shape: "aggregated", platform: "meta-ads", role: "ad-spend", date: { header: "Berichtsbeginn", index: 0 }, channel: null, channelKind: null, fixedChannel: "Paid Social", spend: { header: "Ausgegebener Betrag (EUR)", index: 8 }, revenue: null },
    { id: "deals", sheetName: "Deals", headerRow: 1, shape: "record-level", platform: "hubspot", role: "crm", date: null, channel: { header: "Original Traffic Source", index: 8 }, channelKind: "channel", fixedChannel: null, spend: null, revenue: { header: "Amount", index: 4 } },
  ],
  stages: [
    { key: "clicks", name: "Clicks", supply: [{ source: "google_ads", column: { header: "Clicks", index: 4 } }, { source: "meta", column: { header: "Link-Klicks", index: 9 } }] },
    { key: "leads", name: "Leads", supply: [{ source: "deals", column: { header: "Create Date", index: 6 } }] },
    { key: "customers", name: "Customers", supply: [{ source: "deals", column: { header: "Close Date", index: 5 }, status: { column: { header: "Deal Stage", index: 2 }, values: ["Closed won"] } }] },
  ],
};

describe("format 3: a mapping with sources", () => {
  it("round-trips, field by field", () => {
    const saved = serializeMapping(sourced);
    if (!saved.ok) throw new Error(saved.message);
    expect(JSON.parse(saved.json).version).toBe(3);
    expect(parseSetup(saved.json)).toEqual({ ok: true, setup: { kind: "sources", mapping: sourced } });
    const raw = JSON.parse(saved.json);
    raw.sources[0].extra = "<script>";
    raw.stages[0].supply[0].extra = 1;
    expect(parseSetup(JSON.stringify(raw))).toEqual({ ok: true, setup: { kind: "sources", mapping: sourced } });
  });

  it("says a one-sheet reader cannot use it, naming the sources", () => {
    const saved = serializeMapping(sourced);
    if (!saved.ok) throw new Error(saved.message);
    expect(parseMapping(saved.json)).toMatchObject({ ok: false, reason: "several-sources", message: 'The saved funnel setup combines 3 sources ("Google Ads", "Meta", "Deals"), not one sheet.' });
  });

  it.each([
    [(r: any) => (r.sources = []), "sources is not a list of sources"],
    [(r: any) => (r.sources[1].id = "google_ads"), "sources[1].id 'google_ads' is used by an earlier source"],
    [(r: any) => (r.sources[0].id = "Google Ads"), "sources[0].id is not a source id"],
    [(r: any) => (r.sources[2].shape = "weekly"), "sources[2].shape is neither 'aggregated' nor 'record-level'"],
    [(r: any) => (r.sources[0].platform = "myspace"), "sources[0].platform is not a known export"],
    [(r: any) => (r.sources[0].spend = { header: "Cost", index: -1 }), "sources[0].spend is not a column (header and index)"],
    [(r: any) => (r.stages[0].supply[1].source = "tiktok"), "stages[0].supply[1].source names no source"],
    [(r: any) => (r.stages[2].supply[0].status.values = ["Won", 1]), "stages[2].supply[0].status.values is not a list of text"],
  ])("names the damaged part (%#)", (damage, problem) => {
    const raw = JSON.parse(JSON.stringify({ ...sourced }));
    damage(raw);
    expect(parseSetup(JSON.stringify(raw))).toEqual({ ok: false, needsSetup: true, reason: "damaged", message: `The saved funnel setup is damaged: ${problem}. Please run Set up funnel again.` });
  });
});

describe("formats 1 and 2 read as one source", () => {
  it("a version 1 value loads as the same funnel with one source, and back without loss", () => {
    const { status: _status, ...plain } = sheet.stages[1];
    const v1 = { ...sheet, version: 1, stages: [sheet.stages[0], { ...plain, column: { header: "Close Date", index: 2 } }] };
    const parsed = parseSetup(JSON.stringify(v1));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.setup.kind).toBe("sheet");
    const one = setupAsSources(parsed.setup);
    expect(one.sources).toHaveLength(1);
    expect(one.sources[0]).toMatchObject({ sheetName: "Deals", shape: "record-level", channel: v1.channel, revenue: v1.revenue });
    expect(one.stages.map((s) => [s.key, s.supply.map((u) => u.column?.header)])).toEqual([["leads", ["Create Date"]], ["customers", ["Close Date"]]]);
    expect(sheetFromSourced(one)).toEqual({ ...v1, version: 2 });
  });

  it("a one-sheet mapping with a status stage survives the round trip through one source", () => {
    expect(sheetFromSourced(sourcedFromSheet(sheet))).toEqual(sheet);
  });

  it("what one sheet cannot say stays a mapping with sources", () => {
    expect(sheetFromSourced(sourced)).toBeNull();
    const fixed = { ...sourced, sources: [sourced.sources[1]], stages: [{ ...sourced.stages[0], supply: [sourced.stages[0].supply[1]] }] };
    expect(sheetFromSourced(fixed)).toBeNull();
  });
});
