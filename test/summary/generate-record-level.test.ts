// Generating the KPI Summary from a record-level lead log: stages counted on their own dates, as src/kpi counts them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { LEAD_HEADERS, leadRows } from "./fixtures";
import { type Harness, harness, matchesKpi } from "./summary-harness";

let h: Harness;
let mapping: FunnelMapping;
let report: SummaryReport;
const rows = leadRows();

beforeAll(() => {
  h = harness({ Leads: [LEAD_HEADERS, ...rows] });
  mapping = proposalToMapping(proposeMapping("Leads", 1, LEAD_HEADERS, rows));
  report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
});
afterAll(() => h.done());

describe("summary from a record-level lead log", () => {
  it("detects the record-level shape and its stages from the stage dates", () => {
    expect(mapping.shape).toBe("record-level");
    expect(mapping.stages.map((s) => s.column?.header)).toEqual(["Created", "MQL date", "Won date"]);
  });

  it("colours the cohort block as a heat map and counts backwards stage dates live", () => {
    const cohorts = report.layout.cohorts;
    expect(cohorts).not.toBeNull();
    const rule = h.emu.sheetModel("KPI Summary").conditionalRules.find((r) => r.gradient !== undefined);
    expect(rule?.gradient).toEqual({ min: { color: "#ffffff", type: "MIN", value: "" }, mid: null, max: { color: "#57bb8a", type: "MAX", value: "" } });
    expect(rule?.ranges[0].box).toEqual({ row: cohorts?.rows[0], column: cohorts?.windowColumns[30], numRows: cohorts?.rows.length, numColumns: 3 });
    const quality = report.layout.quality;
    if (!quality) throw new Error("no data-quality line");
    expect(h.summary().getRange(quality.row, quality.column).getFormula()).toMatch(/^=SUMPRODUCT\(/);
    expect(h.at(quality)).toBe(computeFunnelReport(toFunnelSpec(mapping), rows).cohorts?.backwardsRecords);
  });

  it("writes the median time to convert as a computed value and says when it was computed", () => {
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows).timeToConvert?.all.medianDays;
    const cell = report.layout.timeToConvert;
    expect(cell).not.toBeNull();
    if (!cell) return;
    expect(matchesKpi(h.at(cell), expected ?? null)).toBe(true);
    expect(String(h.value(cell.row, cell.column + 3))).toMatch(/^Computed by the add-on on \d{4}-\d{2}-\d{2}/);
    expect(h.summary().getRange(cell.row, cell.column).getFormula()).toBe("");
  });
});
