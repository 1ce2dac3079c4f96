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
  h.choosePeriod(report.layout, preset, start, end);
}

beforeEach(() => {
  h = harness({ Data: [AGG_HEADERS, ...rows], Notes: [["Keep me", 1], ["=SUM(B1:B1)*2", ""]] });
  mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
  report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
});
afterEach(() => h.done());

describe("summary from aggregated data", () => {
  it("follows rows added to the data sheet without regenerating", () => {
    choosePeriod("All time");
    const data = h.emu.spreadsheet.getSheetByName("Data");
    const added = [new Date(2025, 4, 2), "Search", 1000, 5000, 300, 40, 9000];
    data?.appendRow(added);
    const expected = computeFunnelReport(toFunnelSpec(mapping), [...rows, added]);
    const { rows: headlineRows, currentColumn } = report.layout.headline;
    expect(matchesKpi(h.value(headlineRows.spend, currentColumn), expected.totals.spend)).toBe(true);
    expect(matchesKpi(h.value(headlineRows.cost_per_customers, currentColumn), expected.totals.cac)).toBe(true);
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
    const ue = report.layout.unitEconomics;
    sheet.getRange(ue.arpa.row, ue.arpa.column).setValue(120);
    sheet.getRange(ue.ltvCac!.benchmark.row, ue.ltvCac!.benchmark.column).setValue(4);
    const goalRow = report.layout.goals.firstRow;
    sheet.getRange(goalRow, 1, 1, 8).setValues([["Customers", "since start", 0, 300, new Date(2025, 0, 1), new Date(2025, 11, 31), "linear", "up"]]);
    const again = h.emu.runExecution(() => saveAndGenerate(mapping, [
      { kpi: "CAC (cost per customer)", basis: "per day", baseline: 30, target: 20, start: "2025-01-01", end: "2025-06-30", curve: "linear", direction: "down" },
    ]));
    const at = (cell: { row: number; column: number }) => sheet.getRange(cell.row, cell.column).getValue();
    expect(at(again.layout.period.preset)).toBe("Custom");
    expect(at(again.layout.period.customStart)).toEqual(new Date(2025, 0, 1));
    expect(at(again.layout.unitEconomics.arpa)).toBe(120);
    expect(at(again.layout.unitEconomics.ltvCac!.benchmark)).toBe(4);
    const goals = sheet.getRange(again.layout.goals.firstRow, 1, 2, 8).getValues();
    expect(goals[0].slice(0, 4)).toEqual(["Customers", "since start", 0, 300]);
    expect(goals[1].slice(0, 4)).toEqual(["CAC (cost per customer)", "per day", 30, 20]);
    expect(goals[1][7]).toBe("down");
  });

  it("lays out charts, status colours, dropdowns and a warning-only protection", () => {
    const model = h.emu.sheetModel("KPI Summary");
    // The funnel on a log scale, the share of spend, the channels by CAC and the months.
    expect(model.charts.map((c) => c.chartType)).toEqual(["BAR", "PIE", "BAR", "COLUMN"]);
    const funnel = report.layout.funnel;
    expect(model.charts[0].ranges.map((r) => r.box)).toEqual([
      { row: funnel.stageRows[0] - 1, column: funnel.labelColumn, numRows: 4, numColumns: 1 },
      { row: funnel.stageRows[0] - 1, column: funnel.countColumn, numRows: 4, numColumns: 1 },
    ]);
    expect(model.charts[0].options).toMatchObject({ hAxis: { logScale: true } });
    // No chart sits over a block: each covers rows that no table reaches into, to its right or below.
    const cellsOf = (row: number, column: number) => h.summary().getRange(row, column).getDisplayValue();
    for (const chart of model.charts) {
      const rows = Math.ceil(Number(chart.options.height) / 21);
      const columns = Math.ceil(Number(chart.options.width) / 100);
      for (let r = chart.anchorRow; r < chart.anchorRow + rows; r++) {
        for (let c = chart.anchorColumn; c < chart.anchorColumn + columns; c++) expect(cellsOf(r, c), `${String(chart.options.title)} at ${r}:${c}`).toBe("");
      }
    }
    expect(model.protections.filter((p) => p.type === "SHEET").map((p) => p.warningOnly)).toEqual([true]);
    expect(model.conditionalRules.map((r) => r.values[0]).slice(0, 4)).toEqual(["Achieved", "On track", "At risk", "Behind"]);
    const { preset, customStart } = report.layout.period;
    expect(h.summary().getRange(preset.row, preset.column).getDataValidation()?.getCriteriaValues()[0]).toEqual([
      "Last 30 days of data", "Last 90 days of data", "Last complete month", "Last complete quarter", "Month to date", "Year to date", "All time", "Custom",
    ]);
    expect(h.summary().getRange(customStart.row, customStart.column).getDataValidation()?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE);
    expect(h.emu.recorder.toasts.at(-1)?.message).toContain("ready");
  });
});

describe("metrics that depend on what the team enters", () => {
  it("ROMI joins the headline once a gross margin other than 1 is entered, and equals src/kpi's", () => {
    expect(report.layout.headline.rows.romi).toBeUndefined();
    const ue = report.layout.unitEconomics;
    h.summary().getRange(ue.grossMargin.row, ue.grossMargin.column).setValue(0.6);
    const again = h.emu.runExecution(() => saveAndGenerate(mapping, null));
    h.choosePeriod(again.layout, "Custom", new Date(2025, 1, 1), new Date(2025, 2, 15));
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows, { period: { start: "2025-02-01", end: "2025-03-15" }, grossMargin: 0.6 });
    const romi = expected.headline?.kpis.find((k) => k.key === "romi");
    expect(romi?.current.value).not.toBeNull();
    const { rows: at, currentColumn, previousColumn } = again.layout.headline;
    expect(matchesKpi(h.value(at.romi, currentColumn), romi?.current ?? null)).toBe(true);
    expect(matchesKpi(h.value(at.romi, previousColumn), romi?.previous ?? null)).toBe(true);
  });

  it("the month chart marks the partial month: labelled, and in its own (grey) series", () => {
    const model = h.emu.sheetModel("KPI Summary");
    const column = model.charts.find((c) => c.chartType === "COLUMN");
    const chart = report.layout.monthChart!;
    expect(column?.ranges[0].box.column).toBe(chart.completeColumn - 1);
    expect(column?.options).toMatchObject({ isStacked: true });
    const months = report.layout.months;
    const labels = months.rows.map((r) => h.value(r, months.labelColumn));
    expect(labels).toEqual(["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025 (partial)"]);
    expect(chart.rows.map((r) => h.value(r, chart.completeColumn - 1))).toEqual(labels);
    const customers = months.columns.count_customers;
    // Complete months in the first series, the partial one in the second, each month in one only.
    expect(chart.rows.map((r) => h.value(r, chart.completeColumn))).toEqual([...months.rows.slice(0, 3).map((r) => h.value(r, customers)), ""]);
    expect(chart.rows.map((r) => h.value(r, chart.partialColumn))).toEqual(["", "", "", h.value(months.rows[3], customers)]);
  });
});

function installAgain(): void {
  // The nested harness uninstalled the globals; the outer one's afterEach uninstalls again harmlessly.
  h.done();
  h = harness({ Data: [AGG_HEADERS, ...rows] });
}
