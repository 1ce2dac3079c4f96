// Limits and failures: the whole summary is planned and checked before anything is written, and a write failing midway leaves everything as it was.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { MAPPING_KEY, MAPPING_SAVED_KEY, saveMapping } from "../../src/server/mapping-store";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import { generateSummaryFor } from "../../src/server/summary/generate-summary";
import { metricContextOf } from "../../src/server/summary/goal-kpis";
import { otherLabel } from "../../src/server/summary/channel-block";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { channelValues, reportFor } from "./expected";
import { AGG_HEADERS, aggregatedRows } from "./fixtures";
import { type Harness, harness, matchesKpi, snapshotSheet } from "./summary-harness";

const rows = aggregatedRows();
const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));

/** Everything a failed generation could have changed: every sheet, the summary's rules and charts, the saved setup. */
function everything(h: Harness): string {
  const emu = h.emu;
  const sheets = emu.spreadsheet.getSheets().map((s) => s.getName());
  const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
  const model = summary ? emu.sheetModel(SUMMARY_SHEET_NAME) : null;
  const properties = emu.runExecution(() => {
    const p = PropertiesService.getDocumentProperties();
    return [p.getProperty(MAPPING_KEY), p.getProperty(MAPPING_SAVED_KEY)];
  });
  return JSON.stringify({
    sheets,
    hidden: emu.workbook.sheets.filter((s) => s.hidden).map((s) => s.name),
    summary: summary ? snapshotSheet(summary) : null,
    validations: model ? [...model.validations.entries()].map(([at, v]) => [at, v.criteria, v.values]) : null,
    rules: model?.conditionalRules.map((r) => [r.criteria, r.values, r.background, r.gradient, r.ranges.map((x) => x.box)]) ?? null,
    charts: model?.charts.map((c) => [c.chartType, c.ranges.map((r) => r.box), c.options]) ?? null,
    frozen: model?.frozenRows ?? null,
    protections: model?.protections.map((p) => [p.type, p.warningOnly]) ?? null,
    names: emu.spreadsheet.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()]).sort(),
    properties,
  });
}

const renamed: FunnelMapping = { ...mapping, stages: mapping.stages.map((s, i) => (i === 1 ? { ...s, name: "Sign-ups" } : s)) };

describe("a generation that fails midway changes nothing", () => {
  it.each([
    ["a block's values, early in the staging sheet", "Range.setValues", 2],
    ["a block's values, late in the staging sheet", "Range.setValues", 6],
    ["the number formats", "Range.setNumberFormats", 4],
    ["copying the new summary over the old one", "Range.copyTo", 1],
    ["a chart, after the copy", "Sheet.insertChart", 1],
    ["the protection, at the very end", "Protection.setWarningOnly", 0],
  ] as const)("regenerating, when %s fails", (_what, call, after) => {
    const h = harness({ Data: [AGG_HEADERS, ...rows], Notes: [["Keep me", 1]] });
    try {
      h.emu.runExecution(() => saveAndGenerate(mapping, [
        { kpi: "Customers", basis: "since start", baseline: 0, target: 300, start: "2025-01-01", end: "2025-12-31", curve: "linear", direction: "up" },
      ]));
      const before = everything(h);
      h.emu.calls.failAfter(call, after);
      expect(() => h.emu.runExecution(() => saveAndGenerate(renamed, null))).toThrow("Service Spreadsheets failed");
      expect(everything(h)).toBe(before);
      // The failure did not leave the document locked or a working sheet behind: the next run goes through.
      h.emu.runExecution(() => saveAndGenerate(renamed, null));
      expect(h.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Data", "Notes", SUMMARY_SHEET_NAME]);
    } finally {
      h.done();
    }
  });

  it("a first generation that fails leaves no summary, no saved mapping and no named ranges", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const before = everything(h);
      h.emu.calls.failAfter("Range.setValues", 5);
      expect(() => h.emu.runExecution(() => saveAndGenerate(mapping, null))).toThrow("Service Spreadsheets failed");
      expect(everything(h)).toBe(before);
      expect(h.emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)).toBeNull();
    } finally {
      h.done();
    }
  });

  it("saves the mapping only once the summary is written (a save that fails leaves the old summary)", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      h.emu.runExecution(() => saveAndGenerate(mapping, null));
      const before = everything(h);
      expect(() => h.emu.runExecution(() => generateSummaryFor(renamed, null, {
        save: () => {
          throw new Error("properties quota");
        },
      }))).toThrow("properties quota");
      expect(everything(h)).toBe(before);
      h.emu.runExecution(() => generateSummaryFor(renamed, null, { save: (m) => saveMapping(m).savedAt }));
      expect(h.emu.runExecution(() => JSON.parse(PropertiesService.getDocumentProperties().getProperty(MAPPING_KEY) ?? "{}").stages[1].name)).toBe("Sign-ups");
    } finally {
      h.done();
    }
  });
});

describe("limits", () => {
  it("past the channel limit, lists the top channels by spend and one row for all the others, whose numbers add up", () => {
    const many: CellValue[][] = [];
    for (let c = 0; c < 8; c++) for (const day of [2, 9, 16]) many.push([new Date(2025, 0, day), `Channel ${c}`, 50 + 40 * c + day, 900 + c, 30 + c, 2 + (c % 3), 200 + 25 * c]);
    const h = harness({ Data: [AGG_HEADERS, ...many] });
    try {
      const report = h.emu.runExecution(() => generateSummaryFor(mapping, null, { save: () => "", maxChannelRows: 3 }));
      h.choosePeriod(report.layout, "All time");
      const ch = report.layout.channels;
      if (!ch || ch.otherRow === null) throw new Error("expected an Other row");
      expect(ch.names).toEqual(["Channel 7", "Channel 6", "Channel 5"]);
      expect(h.value(ch.otherRow, ch.keyColumn)).toBe(otherLabel(5));
      const spec = toFunnelSpec(mapping);
      const metrics = summaryMetrics(metricContextOf(mapping));
      const all = reportFor(spec, many, { preset: "All time" });
      const rest = many.filter((r) => !ch.names.includes(String(r[1])));
      const restReport = reportFor(spec, rest, { start: all.headline?.start ?? "", end: all.headline?.end ?? "" });
      for (const key of ["spend", "count_leads", "count_customers", "revenue"]) {
        const want = restReport.headline?.kpis.find((k) => k.key === key)?.current ?? null;
        expect(matchesKpi(h.value(ch.otherRow, ch.columns[key]), want), key).toBe(true);
      }
      // Ratios of the Other row come from its own totals.
      const otherCac = (restReport.headline?.kpis.find((k) => k.key === "spend")?.current.value ?? 0) / (restReport.headline?.kpis.find((k) => k.key === "count_customers")?.current.value ?? 1);
      expect(matchesKpi(h.value(ch.otherRow, ch.columns.cost_per_customers), otherCac)).toBe(true);
      expect(matchesKpi(h.value(ch.rows[0], ch.columns.spend), channelValues(spec, many, all, "Channel 7", metrics).spend)).toBe(true);
    } finally {
      h.done();
    }
  });

  it("grows the sheet when the summary needs more rows than it has (a month table of 90 years)", () => {
    const monthly: CellValue[][] = [];
    for (let m = 0; m < 1100; m++) monthly.push([new Date(1935, m, 1), "Search", 10 + (m % 7), 100, 10, 1 + (m % 2), 40]);
    const h = harness({ Data: [AGG_HEADERS, ...monthly] });
    try {
      // Structure only: the month table's numbers are held to src/kpi in metric-parity.test.ts.
      h.emu.suspendEvaluation();
      const report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
      const months = report.layout.months;
      expect(months.rows.length).toBe(1100);
      expect(report.layout.extent.rows).toBeGreaterThan(1000);
      expect(h.summary().getMaxRows()).toBeGreaterThanOrEqual(report.layout.extent.rows);
      const lastRow = months.rows.at(-1) ?? 0;
      expect(h.summary().getRange(lastRow, months.columns.spend).getFormula()).toContain(`EOMONTH($A$${lastRow}, 0)`);
    } finally {
      h.done();
    }
  });

  it("refuses, before writing anything, a summary the spreadsheet has no room for", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      h.emu.runExecution(() => saveAndGenerate(mapping, null));
      h.emu.spreadsheet.insertSheet("Archive").insertRowsAfter(1000, Math.ceil(9_960_000 / 26));
      const before = everything(h);
      h.emu.calls.reset();
      expect(() => h.emu.runExecution(() => saveAndGenerate(renamed, null))).toThrow(/limit of 10,000,000 cells/);
      expect(h.emu.calls.count("Range.setValues") + h.emu.calls.count("Spreadsheet.insertSheet")).toBe(0);
      expect(everything(h)).toBe(before);
    } finally {
      h.done();
    }
  });
});
