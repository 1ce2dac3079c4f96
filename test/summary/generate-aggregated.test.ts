// Generating the KPI Summary from aggregated data: every number equals src/kpi's, and nothing else is touched.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { MAPPING_KEY } from "../../src/server/mapping-store";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { AGG_HEADERS, aggregatedRows } from "./fixtures";
import { type Harness, harness, matchesKpi, snapshotSheet } from "./summary-harness";

let h: Harness;
let mapping: FunnelMapping;
let report: SummaryReport;
const rows = aggregatedRows();

function choosePeriod(preset: string, start?: Date, end?: Date): void {
  const sheet = h.summary();
  sheet.getRange("B4").setValue(preset);
  sheet.getRange("E4").setValue(start ?? "");
  sheet.getRange("E5").setValue(end ?? "");
}

beforeEach(() => {
  h = harness({ Data: [AGG_HEADERS, ...rows], Notes: [["Keep me", 1], ["=SUM(B1:B1)*2", ""]] });
  mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
  report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
});
afterEach(() => h.done());

describe("summary from aggregated data", () => {
  it("headline KPIs for a custom period and the one before equal the funnel report's", () => {
    choosePeriod("Custom", new Date(2025, 1, 1), new Date(2025, 2, 15));
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows, { period: { start: "2025-02-01", end: "2025-03-15" } });
    expect(expected.headline).not.toBeNull();
    const { headlineRows, headlineCurrentColumn, headlinePreviousColumn } = report.layout;
    expect(Object.keys(headlineRows)).toEqual(expected.headline?.kpis.map((k) => k.key));
    for (const kpi of expected.headline?.kpis ?? []) {
      const row = headlineRows[kpi.key];
      expect(matchesKpi(h.value(row, headlineCurrentColumn), kpi.current), `${kpi.key} current`).toBe(true);
      expect(matchesKpi(h.value(row, headlinePreviousColumn), kpi.previous), `${kpi.key} previous`).toBe(true);
      expect(matchesKpi(h.value(row, 4), kpi.change), `${kpi.key} change`).toBe(true);
    }
  });

  it("funnel, channel and month tables over all time equal the funnel report's", () => {
    choosePeriod("All time");
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows);
    expected.funnel.forEach((step, i) => {
      const row = report.layout.funnelRows[i];
      expect(h.value(row, 1)).toBe(step.name);
      expect(matchesKpi(h.value(row, 2), step.count)).toBe(true);
      if (step.stepConversion) expect(matchesKpi(h.value(row, 3), step.stepConversion)).toBe(true);
      expect(matchesKpi(h.value(row, 4), step.overallConversion)).toBe(true);
      if (step.dropOff !== null) expect(matchesKpi(h.value(row, 5), step.dropOff)).toBe(true);
    });
    const channels = report.layout.channels;
    expect(channels?.names).toEqual(expected.channels?.map((c) => c.channel));
    expected.channels?.forEach((c, i) => {
      const row = channels?.rows[i] ?? 0;
      const col = (key: string): unknown => h.value(row, channels?.columns[key] ?? 0);
      expect(matchesKpi(col("spend"), c.spend)).toBe(true);
      expect(matchesKpi(col("share"), c.shareOfSpend)).toBe(true);
      c.stageCounts.forEach((n, s) => expect(matchesKpi(col(`count_${s}`), n)).toBe(true));
      expect(matchesKpi(col("conversion"), c.conversion)).toBe(true);
      expect(matchesKpi(col("cac"), c.cac)).toBe(true);
      expect(matchesKpi(col("revenue"), c.revenue)).toBe(true);
      expect(matchesKpi(col("roas"), c.roas)).toBe(true);
    });
    expect(report.layout.months.months).toEqual(expected.months.map((m) => m.month));
    expected.months.forEach((m, i) => {
      const row = report.layout.months.rows[i];
      const col = (key: string): unknown => h.value(row, report.layout.months.columns[key]);
      expect(matchesKpi(col("spend"), m.spend)).toBe(true);
      m.stageCounts.forEach((n, s) => expect(matchesKpi(col(`count_${s}`), n)).toBe(true));
      expect(matchesKpi(col("cac"), m.cac)).toBe(true);
      expect(matchesKpi(col("roas"), m.roas)).toBe(true);
    });
  });

  it("follows rows added to the data sheet without regenerating", () => {
    choosePeriod("All time");
    const data = h.emu.spreadsheet.getSheetByName("Data");
    const added = [new Date(2025, 4, 2), "Search", 1000, 5000, 300, 40, 9000];
    data?.appendRow(added);
    const expected = computeFunnelReport(toFunnelSpec(mapping), [...rows, added]);
    const spendRow = report.layout.headlineRows.spend;
    expect(matchesKpi(h.value(spendRow, 2), expected.totals.spend)).toBe(true);
    expect(matchesKpi(h.value(report.layout.headlineRows.cac, 2), expected.totals.cac)).toBe(true);
  });

  it("touches no other sheet, saves the mapping for the document and publishes named ranges", () => {
    const fresh = harness({ Data: [AGG_HEADERS, ...rows], Notes: [["Keep me", 1], ["=SUM(B1:B1)*2", ""]] });
    try {
      const before = ["Data", "Notes"].map((n) => snapshotSheet(fresh.emu.spreadsheet.getSheetByName(n)!));
      fresh.emu.runExecution(() => saveAndGenerate(mapping, null));
      fresh.emu.runExecution(() => saveAndGenerate(mapping, null));
      const after = ["Data", "Notes"].map((n) => snapshotSheet(fresh.emu.spreadsheet.getSheetByName(n)!));
      expect(after).toEqual(before);
      expect(fresh.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Data", "Notes", "KPI Summary"]);
      const stored = fresh.emu.runExecution(() => PropertiesService.getDocumentProperties().getProperty(MAPPING_KEY));
      expect(JSON.parse(stored ?? "{}").sheetName).toBe("Data");
      const names = fresh.emu.spreadsheet.getNamedRanges().map((r) => r.getName()).sort();
      expect(names).toEqual(["kpi_channel", "kpi_customers", "kpi_date", "kpi_leads", "kpi_revenue", "kpi_spend", "kpi_visits"]);
    } finally {
      fresh.done();
      installAgain();
    }
  });

  it("is idempotent: regenerating gives the same sheet", () => {
    const first = snapshotSheet(h.summary());
    h.emu.runExecution(() => saveAndGenerate(mapping, null));
    expect(snapshotSheet(h.summary()).replace(/Generated [^;]+;/, "")).toBe(first.replace(/Generated [^;]+;/, ""));
  });

  it("keeps the team's period, unit economics and goals across regeneration", () => {
    choosePeriod("Custom", new Date(2025, 0, 1), new Date(2025, 0, 31));
    const sheet = h.summary();
    sheet.getRange("H5").setValue(120);
    sheet.getRange("I9").setValue(4);
    const goalRow = report.layout.goals.firstRow;
    sheet.getRange(goalRow, 1, 1, 7).setValues([["Customers", 0, 300, new Date(2025, 0, 1), new Date(2025, 11, 31), "linear", "up"]]);
    h.emu.runExecution(() => saveAndGenerate(mapping, [
      { kpi: "CAC", baseline: 30, target: 20, start: "2025-01-01", end: "2025-06-30", curve: "linear", direction: "down" },
    ]));
    expect(sheet.getRange("B4").getValue()).toBe("Custom");
    expect(sheet.getRange("H5").getValue()).toBe(120);
    expect(sheet.getRange("I9").getValue()).toBe(4);
    const goals = sheet.getRange(goalRow, 1, 2, 7).getValues();
    expect(goals[0].slice(0, 3)).toEqual(["Customers", 0, 300]);
    expect(goals[1].slice(0, 3)).toEqual(["CAC", 30, 20]);
    expect(goals[1][6]).toBe("down");
  });

  it("lays out charts, status colours, dropdowns and a warning-only protection", () => {
    const model = h.emu.sheetModel("KPI Summary");
    expect(model.charts.map((c) => c.chartType)).toEqual(["BAR", "LINE"]);
    expect(model.charts[0].ranges[0].box).toMatchObject({ numRows: 4, numColumns: 2 });
    expect(model.protections.filter((p) => p.type === "SHEET").map((p) => p.warningOnly)).toEqual([true]);
    expect(model.conditionalRules.map((r) => r.values[0])).toEqual(["Achieved", "On track", "At risk", "Behind"]);
    expect(h.summary().getRange("B4").getDataValidation()?.getCriteriaValues()[0]).toContain("Last 90 days");
    expect(h.emu.recorder.toasts.at(-1)?.message).toContain("ready");
  });
});

function installAgain(): void {
  // The nested harness uninstalled the globals; the outer one's afterEach uninstalls again harmlessly.
  h.done();
  h = harness({ Data: [AGG_HEADERS, ...rows] });
}
