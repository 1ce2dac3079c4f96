// The summary's native formulas count a status stage as src/kpi does, on a HubSpot-style deals sheet with lost and open deals and hostile status values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import { COHORT_WINDOWS } from "../../src/kpi/funnel/cohort-report";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { countKey } from "../../src/kpi/summary-metrics/metric-table";
import { literalCriterion } from "../../src/server/summary/data-ranges";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { type Harness, harness, matchesKpi } from "../summary/summary-harness";

const HEADERS = ["Record ID", "Deal Stage", "Amount", "Close Date", "Create Date", "Original Traffic Source"];
// "Won*" and "Won?" must match only themselves: as wildcards they would also take "Won big" and "Won!".
// (Operator-like values are covered by literalCriterion's own test: the formula engine used here rejects "=<x>".)
const STAGES = ["Closed won", "Closed lost", "Contract sent", "Won*", "Won big", "Won?", "closed WON", "Won!"];

/** 48 deals over Jan–Apr 2025: won, lost (with close dates), open, and values that look like wildcards or formulas. */
function deals(): CellValue[][] {
  return Array.from({ length: 48 }, (_, i) => {
    const stage = STAGES[i % STAGES.length];
    const created = new Date(2025, 0, 1 + i * 2);
    const closes = stage !== "Contract sent" || i % 2 === 0;
    return [`D${i}`, stage, 1000 + 100 * i, closes ? new Date(2025, 0, 20 + i * 2) : "", created, i % 3 === 0 ? "Paid Search" : "Email"];
  });
}

const mapping: FunnelMapping = {
  version: 2,
  sheetName: "Deals",
  headerRow: 1,
  shape: "record-level",
  stages: [
    { key: "leads", name: "Leads", column: { header: "Create Date", index: 4 } },
    // "Won*" is a value to match as written: a wildcard would also take "Won big".
    { key: "customers", name: "Customers", column: { header: "Close Date", index: 3 }, status: { column: { header: "Deal Stage", index: 1 }, values: ["Closed won", "Won*", "Won?"] } },
  ],
  date: null,
  channel: { header: "Original Traffic Source", index: 5 },
  spend: null,
  revenue: { header: "Amount", index: 2 },
};

let h: Harness;
let report: SummaryReport;
const rows = deals();

beforeAll(() => {
  h = harness({ Deals: [HEADERS, ...rows] });
  report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
});
afterAll(() => h.done());

describe("status stages in the summary's formulas", () => {
  it("builds criteria that match the value literally", () => {
    expect(literalCriterion("Won*")).toBe('"=Won~*"');
    expect(literalCriterion('a"b?~')).toBe('"=a""b~?~~"');
    expect(literalCriterion(">5")).toBe('"=>5"');
  });

  it("publishes the status column as its own named range", () => {
    const range = h.emu.spreadsheet.getRangeByName("kpi_customers_status");
    expect(range?.getSheet().getName()).toBe("Deals");
    expect(range?.getA1Notation()).toMatch(/^B2:B\d*$/);
  });

  it("all-time funnel, channels and months equal src/kpi's: lost and open deals are not customers", () => {
    h.choosePeriod(report.layout, "All time");
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows);
    // Known answer: 48 leads; won = "Closed won" and "closed WON" (12), "Won*" (6) and "Won?" (6) = 24, never "Won big", "Won!" or lost deals.
    expect(expected.funnel.map((f) => f.count)).toEqual([48, 24]);
    const funnel = report.layout.funnel;
    expected.funnel.forEach((step, i) => expect(matchesKpi(h.value(funnel.stageRows[i], funnel.countColumn), step.count), step.key).toBe(true));
    expected.channels?.forEach((c, i) => {
      const row = report.layout.channels?.rows[i] ?? 0;
      const col = (key: string): unknown => h.value(row, report.layout.channels?.columns[key] ?? 0);
      c.stageCounts.forEach((n, s) => expect(matchesKpi(col(countKey(mapping.stages[s].key)), n), `${c.channel} stage ${s}`).toBe(true));
      expect(matchesKpi(col("revenue"), c.revenue), `${c.channel} revenue`).toBe(true);
    });
    expected.months.forEach((m, i) => {
      const row = report.layout.months.rows[i];
      m.stageCounts.forEach((n, s) => expect(matchesKpi(h.value(row, report.layout.months.columns[countKey(mapping.stages[s].key)]), n), `${m.month} stage ${s}`).toBe(true));
    });
  });

  it("cohorts and the backwards-dates line count only won deals' close dates, as src/kpi does", () => {
    const expected = computeFunnelReport(toFunnelSpec(mapping), rows);
    const cohorts = report.layout.cohorts;
    expect(cohorts).not.toBeNull();
    if (!cohorts || !expected.cohorts) return;
    // Every deal closes 19 days after it was created, lost ones too: only the 24 won ones convert.
    expect(expected.cohorts.months.reduce((n, m) => n + m.entered, 0)).toBe(48);
    expected.cohorts.months.forEach((m, i) => {
      expect(h.value(cohorts.rows[i], cohorts.enteredColumn)).toBe(m.entered);
      COHORT_WINDOWS.forEach((w, k) => {
        const got = h.value(cohorts.rows[i], cohorts.windowColumns[w]);
        expect(matchesKpi(got, m.shares[k]), `${m.month} within ${w}: ${String(got)} vs ${JSON.stringify(m.shares[k])}`).toBe(true);
      });
    });
    // Known answer, from the rows: a month's share within 30 days is its won deals ÷ its deals.
    const won = new Set(["closed won", "won*", "won?"]);
    const closedMonths = expected.cohorts.months.filter((m) => m.shares[0].value !== null);
    expect(closedMonths.length).toBeGreaterThan(0);
    for (const m of closedMonths) {
      const inMonth = rows.filter((r) => (r[4] as Date).getMonth() + 1 === Number(m.month.slice(5)));
      expect(m.shares[0].value, m.month).toBeCloseTo(inMonth.filter((r) => won.has(String(r[1]).toLowerCase())).length / inMonth.length, 12);
    }
    if (report.layout.quality) expect(h.at(report.layout.quality)).toBe(expected.cohorts.backwardsRecords);
  });
});
