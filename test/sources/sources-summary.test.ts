// A three-source workbook (Google Ads, Meta Ads, HubSpot deals with a status column) end to end in the emulation: every per-channel and total figure the formula engine evaluates equals src/kpi, live edits of the Channel map move them, unmatched values are listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelTableRow } from "../../src/kpi/channels/channel-table";
import { computeSourcesReport, type SourcesReport } from "../../src/kpi/sources/sources-report";
import { shareOfSpendMetric } from "../../src/kpi/summary-metrics/metric-table";
import { loadCsvAsRead } from "../../src/local/cli/csv-sheet";
import { createEmulation, type Emulation, installAppsScriptGlobals } from "../../src/local/emulation";
import { CHANNEL_MAP_SHEET_NAME, readChannelGrid } from "../../src/server/channel-map/channel-map-format";
import { readDataSheet } from "../../src/server/data-sheet";
import type { SourcedMapping } from "../../src/server/mapping/source-types";
import { toSourcesSpec } from "../../src/server/mapping/sources-to-spec";
import * as api from "../../src/server/sources/sources-api";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { REMAINDER_LABEL } from "../../src/server/summary/sources/plan-sources-summary";
import type { SourcesSummaryReport } from "../../src/server/summary/sources/generate-sources-summary";
import { matchesKpi, snapshotSheet } from "../summary/summary-harness";
import { exportTable, EXPORTS } from "./export-tables";

const SOURCES: Array<[file: string, sheet: string]> = [["google-ads-campaigns.csv", "Google Ads"], ["meta-ads-de.csv", "Meta Ads"], ["hubspot-deals.csv", "HubSpot deals"]];
const PERIOD = { start: new Date(2026, 7, 1), end: new Date(2026, 9, 31) };
const ISO = { start: "2026-08-01", end: "2026-10-31" };

let emu: Emulation;
let uninstall: () => void;
let mapping: SourcedMapping;
let table: ChannelTableRow[];
let generated: SourcesSummaryReport;
let dataBefore: string[];

const summary = () => emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
const value = (row: number, column: number): unknown => summary().getRange(row, column).getValue();

/** src/kpi on the sheets as the add-on reads them, with the Channel map as it is now. */
function expected(): SourcesReport {
  return emu.runExecution(() => {
    const spec = toSourcesSpec(mapping);
    const inputs = mapping.sources.map((s, i) => ({ spec: spec.sources[i], rows: readDataSheet(s.sheetName, s.headerRow).rows }));
    const map = readChannelGrid(emu.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME)!.getDataRange().getValues(), "map");
    if (!map.ok) throw new Error(map.message);
    return computeSourcesReport(spec, inputs, map.rows, { period: { start: ISO.start, end: ISO.end } });
  });
}

beforeAll(async () => {
  emu = createEmulation({ sheets: {} });
  for (const [file, sheet] of SOURCES) loadCsvAsRead(emu, await exportTable(file, sheet), `${EXPORTS}/${file}`);
  uninstall = installAppsScriptGlobals(emu);
  dataBefore = SOURCES.map(([, sheet]) => snapshotSheet(emu.spreadsheet.getSheetByName(sheet)!));
  emu.runExecution(() => {
    const start = api.sourcesStart();
    expect(start.candidates.map((c) => [c.name, c.role])).toEqual([["Google Ads", "ad-spend"], ["Meta Ads", "ad-spend"], ["HubSpot deals", "crm"]]);
    mapping = api.proposeSourcesFor(SOURCES.map(([, s]) => s)).mapping;
    const preview = api.previewSources(mapping, null);
    expect(preview.tableFrom).toBe("proposed");
    // The team leaves Direct Traffic out of the table: it is then its own channel, and listed as unmatched.
    table = preview.table.filter((r) => r.value !== "Direct Traffic").map(({ source, value: v, channel }) => ({ source, value: v, channel }));
    generated = api.saveSourcesAndGenerate(mapping, table, null);
  });
  const { preset, customStart, customEnd } = generated.layout.period;
  summary().getRange(preset.row, preset.column).setValue("Custom");
  summary().getRange(customStart.row, customStart.column).setValue(PERIOD.start);
  summary().getRange(customEnd.row, customEnd.column).setValue(PERIOD.end);
});
afterAll(() => uninstall?.());

function expectChannelsToMatch(report: SourcesReport): void {
  const channels = generated.layout.channels!;
  const share = shareOfSpendMetric();
  channels.names.forEach((name, i) => {
    const row = channels.rows[i];
    const kpi = report.periodChannels?.find((c) => c.channel.toLowerCase() === name.toLowerCase());
    for (const [key, column] of Object.entries(channels.columns)) {
      if (column === channels.keyColumn) continue;
      const want = key === share.key ? (kpi?.shareOfSpend ?? null) : (kpi?.metrics[key] ?? null);
      const got = value(row, column);
      // A channel with no rows left in the period is all zeros and n/a on the sheet.
      if (want === null) expect(got === 0 || got === "n/a", `${name} ${key}`).toBe(true);
      else expect(matchesKpi(got, want), `${name} ${key}: sheet ${String(got)}, kpi ${JSON.stringify(want)}`).toBe(true);
    }
  });
}

describe("three sources in one workbook", () => {
  it("leaves the data sheets exactly as they were and writes a Channel map the team can edit", () => {
    expect(SOURCES.map(([, sheet]) => snapshotSheet(emu.spreadsheet.getSheetByName(sheet)!))).toEqual(dataBefore);
    const map = emu.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME)!.getDataRange().getValues();
    expect(map[0]).toEqual(["Source", "Value", "Channel"]);
    expect(map.slice(1, 1 + table.length).map((r) => r.slice(0, 3))).toEqual(table.map((r) => [r.source, r.value, r.channel]));
    // The value left out is listed below the team's rows, its Channel left blank to fill in.
    expect(map.slice(1 + table.length).map((r) => r.slice(0, 3))).toEqual([["HubSpot deals", "Direct Traffic", ""]]);
  });

  it("every headline figure, added up across the sources, equals src/kpi in the period and the one before", () => {
    const report = expected();
    const h = generated.layout.headline;
    expect(report.headline).not.toBeNull();
    for (const kpi of report.headline?.kpis ?? []) {
      const row = h.rows[kpi.key];
      if (row === undefined) continue;
      expect(matchesKpi(value(row, h.currentColumn), kpi.current), `${kpi.key} now`).toBe(true);
      expect(matchesKpi(value(row, h.previousColumn), kpi.previous), `${kpi.key} before`).toBe(true);
    }
    expect(value(h.rows.spend, h.currentColumn)).toBeGreaterThan(0);
  });

  it("every per-channel figure equals src/kpi, and nothing falls outside the listed channels", () => {
    const report = expected();
    expectChannelsToMatch(report);
    const channels = generated.layout.channels!;
    expect(channels.otherRow).not.toBeNull();
    expect(value(channels.otherRow!, channels.keyColumn)).toBe(REMAINDER_LABEL);
    expect(value(channels.otherRow!, channels.columns.spend)).toBeCloseTo(0, 9);
    expect(channels.names).toEqual(expect.arrayContaining(["Paid Search", "Paid Social", "Display", "Direct Traffic"]));
  });

  it("lists the unmatched value in the alignment table, highlighted by its placing", () => {
    const { alignment } = generated.layoutSources;
    const placed = alignment.sourceRows.flatMap((s) => s.valueRows.map((r) => [value(r, alignment.columns.source), value(r, alignment.columns.value), value(r, alignment.columns.matchedBy)]));
    expect(placed.filter((p) => p[2] === "unmatched")).toEqual([["HubSpot deals", "Direct Traffic", "unmatched"]]);
    expect(generated.unmatched).toEqual([{ source: "HubSpot deals", value: "Direct Traffic", rows: 4 }]);
  });

  it("editing the Channel map moves the numbers without regenerating", () => {
    const map = emu.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME)!;
    const before = expected();
    const search = generated.layout.channels!.names.indexOf("Paid Search");
    const customers = generated.layout.channels!.columns[`count_customers`];
    const row = generated.layout.channels!.rows[search];
    const was = value(row, customers) as number;
    // The team places Direct Traffic (listed at the bottom of the map) under Paid Search.
    const last = map.getLastRow();
    map.getRange(last, 3).setValue("Paid Search");
    const after = expected();
    expect(after.unmatched).toEqual([]);
    const moved = (after.periodChannels?.find((c) => c.channel === "Paid Search")?.stageCounts.at(-1) ?? 0) - (before.periodChannels?.find((c) => c.channel === "Paid Search")?.stageCounts.at(-1) ?? 0);
    expect(moved).toBeGreaterThan(0);
    expect(value(row, customers)).toBe(was + moved);
    expectChannelsToMatch(after);
    // And a value moved between two listed channels: Google Ads' Display campaigns become Paid Search.
    const display = map.getDataRange().getValues().findIndex((r) => r[0] === "Google Ads" && r[1] === "Display");
    map.getRange(display + 1, 3).setValue("Paid Search");
    expectChannelsToMatch(expected());
    const d = generated.layout.channels!.names.indexOf("Display");
    expect(value(generated.layout.channels!.rows[d], generated.layout.channels!.columns.spend)).toBe(0);
  });
});
