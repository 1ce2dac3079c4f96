// The sidebar's calls for several sources: arguments checked on arrival; bad input (a renamed sheet, a missing column, a bad Channel map) gets a message naming it and writes nothing.
import fc from "fast-check";
import { beforeEach, afterEach, describe, expect, it } from "vitest";
import { loadCsvAsRead } from "../../src/local/cli/csv-sheet";
import { createEmulation, type Emulation, installAppsScriptGlobals } from "../../src/local/emulation";
import { dispatchServerCall } from "../../src/local/sidebar-host";
import { CHANNEL_MAP_SHEET_NAME } from "../../src/server/channel-map/channel-map-format";
import { decodeFieldError } from "../../src/server/field-error-wire";
import { MAPPING_KEY } from "../../src/server/mapping-store";
import type { SourcedMapping } from "../../src/server/mapping/source-types";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { snapshotSheet } from "../summary/summary-harness";
import { exportTable, EXPORTS } from "./export-tables";

const SOURCES: Array<[string, string]> = [["google-ads-campaigns.csv", "Google Ads"], ["meta-ads-de.csv", "Meta Ads"], ["hubspot-deals.csv", "HubSpot deals"]];

async function workbook(): Promise<Emulation> {
  const emu = createEmulation({ sheets: {} });
  for (const [file, sheet] of SOURCES) loadCsvAsRead(emu, await exportTable(file, sheet), `${EXPORTS}/${file}`);
  return emu;
}

function call(emu: Emulation, name: string, ...args: unknown[]): { ok: true; value: unknown } | { ok: false; field: string | null; message: string } {
  const outcome = dispatchServerCall(emu, name, JSON.stringify(args));
  if (outcome.ok) return { ok: true, value: outcome.value };
  const wire = decodeFieldError(outcome.message);
  return { ok: false, field: wire.field, message: wire.message };
}

function clear(message: string): void {
  expect(message).not.toMatch(/TypeError|ReferenceError|RangeError|Cannot read properties|is not a function|is not iterable|undefined|\[object Object\]/);
}

let emu: Emulation;
let mapping: SourcedMapping;
let table: Array<{ source: string; value: string; channel: string }>;
beforeEach(async () => {
  emu = await workbook();
  const proposal = call(emu, "proposeSourcesFor", SOURCES.map(([, s]) => s));
  if (!proposal.ok) throw new Error(proposal.message);
  mapping = (proposal.value as { mapping: SourcedMapping }).mapping;
  const preview = call(emu, "previewSources", mapping, null);
  if (!preview.ok) throw new Error(preview.message);
  table = (preview.value as { table: typeof table }).table.map(({ source, value, channel }) => ({ source, value, channel }));
});
afterEach(() => emu.dispose());

/** Everything generation could have written: the summary, the Channel map and the saved setup. */
function written(): string {
  const sheet = (name: string) => emu.spreadsheet.getSheetByName(name);
  const uninstall = installAppsScriptGlobals(emu);
  try {
    const setup = emu.runExecution(() => PropertiesService.getDocumentProperties().getProperty(MAPPING_KEY));
    return JSON.stringify([sheet(SUMMARY_SHEET_NAME) && snapshotSheet(sheet(SUMMARY_SHEET_NAME)!), sheet(CHANNEL_MAP_SHEET_NAME) && snapshotSheet(sheet(CHANNEL_MAP_SHEET_NAME)!), setup]);
  } finally {
    uninstall();
  }
}

describe("arguments of the sources calls", () => {
  it("names the argument that is wrong", () => {
    const cases: Array<[string, unknown[], RegExp]> = [
      ["previewSources", [{ ...mapping, version: 2 }, null], /^previewSources: mapping\.version must be 3, got number 2/],
      ["previewSources", [{ ...mapping, sources: "Google Ads" }, null], /mapping\.sources must be a list/],
      ["previewSources", [{ ...mapping, sources: [{ ...mapping.sources[0], shape: "daily" }] }, null], /mapping\.sources\[0\]\.shape must be one of "aggregated", "record-level"/],
      ["previewSources", [{ ...mapping, sources: [{ ...mapping.sources[0], platform: "myspace" }] }, null], /mapping\.sources\[0\]\.platform must be one of "google-ads"/],
      ["previewSources", [{ ...mapping, stages: [{ key: "x", name: "X", supply: [{ source: "", column: null }] }] }, null], /mapping\.stages\[0\]\.supply\[0\]\.source must be a non-empty text/],
      ["previewSources", [mapping, [{ source: "Google Ads", value: 3, channel: "x" }]], /channels\[0\]\.value must be a text/],
      ["previewSources", [mapping, { rows: [] }], /channels must be a list/],
      ["proposeSourcesFor", ["Google Ads"], /^proposeSourcesFor: sheetNames must be a list/],
      ["saveSourcesAndGenerate", [mapping, table, {}], /goals must be a list of goal rows, or nothing/],
    ];
    for (const [name, args, expected] of cases) {
      const outcome = call(emu, name, ...args);
      expect(outcome.ok, `${name}(${JSON.stringify(args).slice(0, 80)})`).toBe(false);
      if (outcome.ok) continue;
      clear(outcome.message);
      expect(outcome.field).not.toBeNull();
      expect(outcome.message).toMatch(expected);
    }
  });

  it("answers near-miss mappings and tables with a result or a clear error", () => {
    const column = fc.oneof(fc.constant(null), fc.record({ header: fc.oneof(fc.string(), fc.jsonValue()), index: fc.oneof(fc.integer({ min: -1, max: 14 }), fc.jsonValue()) }));
    const source = fc.record({
      id: fc.oneof(fc.constantFrom("google_ads", "meta_ads", "hubspot_deals", "Bad Id", ""), fc.jsonValue()),
      sheetName: fc.oneof(fc.constantFrom("Google Ads", "Meta Ads", "HubSpot deals", "Gone", ""), fc.jsonValue()),
      headerRow: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.jsonValue()),
      shape: fc.oneof(fc.constantFrom("aggregated", "record-level"), fc.jsonValue()),
      platform: fc.oneof(fc.constantFrom(null, "google-ads", "hubspot"), fc.jsonValue()),
      role: fc.constantFrom(null, "ad-spend", "crm"),
      date: column, channel: column, channelKind: fc.constantFrom(null, "channel", "campaign", "source-medium"), fixedChannel: fc.oneof(fc.constant(null), fc.string()),
      spend: column, revenue: column,
    }, { requiredKeys: [] });
    const stage = fc.record({
      key: fc.oneof(fc.constantFrom("clicks", "leads", "customers", "A b"), fc.jsonValue()),
      name: fc.string(),
      supply: fc.array(fc.record({ source: fc.constantFrom("google_ads", "meta_ads", "hubspot_deals", "nope"), column, status: fc.oneof(fc.constant(undefined), fc.record({ column, values: fc.array(fc.string(), { maxLength: 3 }) })) }), { maxLength: 3 }),
    });
    const near = fc.record({ version: fc.oneof(fc.constant(3), fc.jsonValue()), sources: fc.array(source, { maxLength: 3 }), stages: fc.array(stage, { maxLength: 4 }) }, { requiredKeys: [] });
    const rows = fc.oneof(fc.constant(null), fc.array(fc.record({ source: fc.constantFrom("Google Ads", "Meta Ads", "Nope", ""), value: fc.string(), channel: fc.string() }), { maxLength: 5 }));
    fc.assert(
      fc.property(fc.constantFrom("previewSources", "saveSourcesAndGenerate"), near, rows, (name, m, r) => {
        const outcome = call(emu, name, m, r, null);
        if (!outcome.ok) clear(outcome.message);
      }),
      { numRuns: 60, seed: 20_260_901 },
    );
  });
});

describe("bad input writes nothing and names what is wrong", () => {
  it("a table with an unknown source, a value listed twice, or a value in two channels", () => {
    const bad: Array<[Array<{ source: string; value: string; channel: string }>, RegExp]> = [
      [[...table, { source: "Gogle Ads", value: "Search", channel: "Paid Search" }], /Channel map" sheet row \d+: source "Gogle Ads" is not a source of this funnel/],
      [[...table, { source: "HubSpot deals", value: "paid search", channel: "Paid Search" }], /rows \d+ and \d+ both map "paid search" of "HubSpot deals" to "Paid Search"; keep one of them/],
      [[...table, { source: "HubSpot deals", value: "Paid Search ", channel: "Brand" }], /"Paid Search" of "HubSpot deals" is mapped to two channels, "Paid Search" \(row \d+\) and "Brand" \(row \d+\)/],
    ];
    for (const [rows, message] of bad) {
      const before = written();
      const outcome = call(emu, "saveSourcesAndGenerate", mapping, rows, null);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect([outcome.field, outcome.message]).toEqual(["channels", expect.stringMatching(message)]);
      expect(outcome.message).toContain("nothing was written");
      expect(written()).toBe(before);
    }
  });

  it("a stage pointing at a column that is gone names the sheet, the stage and the column", () => {
    const broken = { ...mapping, stages: mapping.stages.map((s) => (s.key === "clicks" ? { ...s, supply: [{ ...s.supply[0], column: { header: "Klicks", index: 4 } }, ...s.supply.slice(1)] } : s)) };
    const before = written();
    const outcome = call(emu, "saveSourcesAndGenerate", broken, table, null);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.field).toBe("source:google_ads:stage:clicks");
    expect(outcome.message).toMatch(/^Source "Google Ads": Stage 'Clicks': header 'Klicks' \(was column E\) no longer exists/);
    expect(written()).toBe(before);
  });

  it("after generation: a source sheet renamed, or a Channel map edited into a duplicate, stops Refresh with the reason and keeps the summary", () => {
    expect(call(emu, "saveSourcesAndGenerate", mapping, table, null).ok).toBe(true);
    const map = emu.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME)!;
    const row = map.getLastRow() + 1;
    map.getRange(row, 1, 1, 3).setValues([["'HubSpot deals", "'Paid Search", "'Brand"]]);
    let before = written();
    let outcome = call(emu, "refreshSummary");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(new RegExp(`"Paid Search" of "HubSpot deals" is mapped to two channels, "Paid Search" \\(row \\d+\\) and "Brand" \\(row ${row}\\)`));
    expect(written()).toBe(before);
    map.getRange(row, 1, 1, 3).setValues([["", "", ""]]);

    emu.spreadsheet.getSheetByName("Meta Ads")!.setName("Meta Ads Q3");
    before = written();
    outcome = call(emu, "refreshSummary");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect([outcome.field, outcome.message]).toEqual(["source:meta_ads", 'Source "Meta Ads": there is no sheet named "Meta Ads" any more (renamed or deleted); choose its sheet again under Sources']);
    expect(written()).toBe(before);

    // Reopening the wizard flags it where the source is chosen.
    const start = call(emu, "sourcesStart");
    expect(start.ok).toBe(true);
    if (start.ok) {
      const saved = (start.value as { saved: { validation: { errors: Array<{ field: string }> } } }).saved;
      expect(saved.validation.errors.map((e) => e.field)).toEqual(["source:meta_ads"]);
    }
  });
});
