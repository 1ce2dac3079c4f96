// Validating a mapping with sources: a deleted or renamed source sheet, a stage pointing at a missing column, a stage no source supplies, each named.
import { describe, expect, it } from "vitest";
import type { SourcedMapping } from "../../src/server/mapping/source-types";
import { validateSources, type SourceSheet } from "../../src/server/mapping/validate-sources";

const mapping: SourcedMapping = {
  version: 3,
  sources: [
    { id: "ads", sheetName: "Google Ads", headerRow: 1, shape: "aggregated", platform: "google-ads", role: "ad-spend", date: { header: "Day", index: 0 }, channel: { header: "Campaign", index: 1 }, channelKind: "campaign", fixedChannel: null, spend: { header: "Cost", index: 2 }, revenue: null },
    { id: "crm", sheetName: "Deals", headerRow: 1, shape: "record-level", platform: null, role: "crm", date: null, channel: { header: "Source", index: 2 }, channelKind: "channel", fixedChannel: null, spend: null, revenue: null },
  ],
  stages: [
    { key: "clicks", name: "Clicks", supply: [{ source: "ads", column: { header: "Clicks", index: 3 } }] },
    { key: "leads", name: "Leads", supply: [{ source: "crm", column: { header: "Created", index: 0 } }] },
    { key: "customers", name: "Customers", supply: [{ source: "crm", column: { header: "Won", index: 1 } }] },
  ],
};

const ADS: SourceSheet = { headers: ["Day", "Campaign", "Cost", "Clicks"], rows: [[new Date(2026, 8, 1), "Brand", 10, 3]], reading: null };
const CRM: SourceSheet = { headers: ["Created", "Won", "Source"], rows: [[new Date(2026, 8, 1), "", "Paid Search"]], reading: null };

const sheets = (overrides: Record<string, SourceSheet | null> = {}) => (s: { sheetName: string }) =>
  (s.sheetName in overrides ? overrides[s.sheetName] : s.sheetName === "Google Ads" ? ADS : CRM);

describe("validateSources", () => {
  it("accepts a good mapping", () => {
    expect(validateSources(mapping, sheets())).toMatchObject({ ok: true, errors: [] });
  });

  it("names a source sheet that was deleted or renamed", () => {
    const result = validateSources(mapping, sheets({ Deals: null }));
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([
      ["source:crm", 'Source "Deals": there is no sheet named "Deals" any more (renamed or deleted); choose its sheet again under Sources'],
    ]);
  });

  it("names a stage pointing at a column that is gone, with its sheet", () => {
    const result = validateSources(mapping, sheets({ "Google Ads": { ...ADS, headers: ["Day", "Campaign", "Cost", "Impressions"] } }));
    expect(result.ok).toBe(false);
    expect(result.errors[0].field).toBe("source:ads:stage:clicks");
    expect(result.errors[0].message).toBe(
      "Source \"Google Ads\": Stage 'Clicks': header 'Clicks' (was column D) no longer exists; column D is now headed 'Impressions', so it was renamed or deleted",
    );
  });

  it("names a stage no source supplies, and a source that supplies a stage twice", () => {
    const broken: SourcedMapping = {
      ...mapping,
      stages: [{ ...mapping.stages[0], supply: [] }, { ...mapping.stages[1], supply: [mapping.stages[1].supply[0], mapping.stages[1].supply[0]] }, mapping.stages[2]],
    };
    const messages = validateSources(broken, sheets()).errors.map((e) => e.message);
    expect(messages).toContain("Stage 1 'Clicks': no source supplies it; pick its source and column");
    expect(messages).toContain("Stage 2 'Leads': source \"Deals\" supplies it twice; each source supplies a stage once");
  });

  it("checks each source's cells as a sheet of its own", () => {
    const result = validateSources(mapping, sheets({ "Google Ads": { ...ADS, rows: [[new Date(2026, 8, 1), "Brand", "n/a", 3]] } }));
    expect(result.errors.map((e) => e.message)).toEqual(["Source \"Google Ads\": Spend (column C 'Cost'): 1 cell is not a number: 'Google Ads'!C2 (\"n/a\")"]);
  });
});
