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

  it("headline for a custom period equals the funnel report's", () => {
    const sheet = h.summary();
    sheet.getRange("B4").setValue("Custom");
    sheet.getRange("E4").setValue(new Date(2025, 1, 1));
    sheet.getRange("E5").setValue(new Date(2025, 1, 28));
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows, { period: { start: "2025-02-01", end: "2025-02-28" } });
    for (const kpi of expected.headline?.kpis ?? []) {
      const row = report.layout.headlineRows[kpi.key];
      expect(matchesKpi(h.value(row, 2), kpi.current), `${kpi.key} current`).toBe(true);
      expect(matchesKpi(h.value(row, 3), kpi.previous), `${kpi.key} previous`).toBe(true);
    }
  });

  it("all-time funnel, channels and months equal the report's, counting every stage date", () => {
    h.summary().getRange("B4").setValue("All time");
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows);
    expected.funnel.forEach((step, i) => expect(matchesKpi(h.value(report.layout.funnelRows[i], 2), step.count)).toBe(true));
    expected.channels?.forEach((c, i) => {
      const row = report.layout.channels?.rows[i] ?? 0;
      const col = (key: string): unknown => h.value(row, report.layout.channels?.columns[key] ?? 0);
      c.stageCounts.forEach((n, s) => expect(matchesKpi(col(`count_${s}`), n)).toBe(true));
      expect(matchesKpi(col("revenue"), c.revenue)).toBe(true);
    });
    expected.months.forEach((m, i) => {
      const row = report.layout.months.rows[i];
      m.stageCounts.forEach((n, s) => expect(matchesKpi(h.value(row, report.layout.months.columns[`count_${s}`]), n)).toBe(true));
    });
  });

  it("writes the median time to convert as a computed value and says when it was computed", () => {
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows).timeToConvert?.all.medianDays;
    const row = report.layout.timeToConvertRow ?? 0;
    expect(matchesKpi(h.value(row, 2), expected ?? null)).toBe(true);
    expect(String(h.value(row, 5))).toMatch(/^Computed by the add-on on \d{4}-\d{2}-\d{2}/);
    expect(h.summary().getRange(row, 2).getFormula()).toBe("");
  });
});
