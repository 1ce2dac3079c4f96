// The sheet's period selector against src/kpi's presets: every preset on month, quarter, leap-day and year ends; invalid entries say so and show n/a.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { isoDateToSerial, serialToIsoDate } from "../../src/kpi/dates";
import { PERIOD_PRESETS, PERIOD_PROBLEMS, resolvePeriod } from "../../src/kpi/definitions/periods";
import { PREVIOUS_EMPTY } from "../../src/kpi/funnel/headline";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { AGG_HEADERS } from "./fixtures";
import { type Harness, harness } from "./summary-harness";

const s = (iso: string) => isoDateToSerial(...(iso.split("-").map(Number) as [number, number, number]));
const local = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
};

function rowsEndingOn(latest: string): CellValue[][] {
  const first = serialToIsoDate(s(latest) - 400);
  return [first, serialToIsoDate(s(latest) - 45), latest].map((d, i) => [local(d), "Search", 100 + i, 1000, 50, 5, 400]);
}

describe.each(["2024-02-29", "2025-03-30", "2025-03-31", "2025-06-30", "2025-12-31"])("data ending on %s", (latest) => {
  const rows = rowsEndingOn(latest);
  const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
  let h: Harness;
  let report: SummaryReport;
  beforeAll(() => {
    h = harness({ Data: [AGG_HEADERS, ...rows] });
    report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
  });
  afterAll(() => h?.done());

  it.each(PERIOD_PRESETS.filter((p) => p !== "Custom"))("%s: start, end, previous period and partial note as src/kpi resolves them", (preset) => {
    h.choosePeriod(report.layout, preset);
    const want = resolvePeriod(preset, { earliest: s(latest) - 400, latest: s(latest) });
    if (!want.ok) throw new Error(want.problem);
    const p = report.layout.period;
    const show = (cell: { row: number; column: number }) => h.summary().getRange(cell.row, cell.column).getDisplayValue();
    expect([show(p.start), show(p.end), show(p.previousStart), show(p.previousEnd)]).toEqual(
      [want.period.start, want.period.end, want.period.previousStart, want.period.previousEnd].map(serialToIsoDate));
    expect(h.at(p.partial)).toBe(want.period.partial ?? "");
    expect(h.at(p.message)).toBe("");
    expect(show(p.latest)).toBe(latest);
  });
});

describe("entries the period cannot use", () => {
  const rows = rowsEndingOn("2025-03-31");
  const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
  let h: Harness;
  let report: SummaryReport;
  beforeAll(() => {
    h = harness({ Data: [AGG_HEADERS, ...rows] });
    report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
  });
  afterAll(() => h?.done());

  it.each([
    ["a blank custom start", "Custom", "", local("2025-03-01"), PERIOD_PROBLEMS.noCustomStart],
    ["words typed as a custom start", "Custom", "last 30 days", local("2025-03-01"), PERIOD_PROBLEMS.badCustomStart],
    ["a blank custom end", "Custom", local("2025-03-01"), "", PERIOD_PROBLEMS.noCustomEnd],
    ["a start after the end", "Custom", local("2025-03-20"), local("2025-03-01"), PERIOD_PROBLEMS.startAfterEnd],
    ["words typed as the preset", "last 30 days", "", "", "Pick a period from the list"],
  ] as const)("%s: a clear message beside it, and n/a (never a 1899 date) in every dependent cell", (_what, preset, start, end, message) => {
    h.choosePeriod(report.layout, preset, start, end);
    const { period, headline, channels } = report.layout;
    expect(h.at(period.message)).toBe(message);
    expect(h.at(period.valid)).toBe(false);
    for (const cell of [period.start, period.end, period.previousStart, period.previousEnd]) {
      expect(h.at(cell)).toBe("n/a");
      expect(h.summary().getRange(cell.row, cell.column).getDisplayValue()).not.toMatch(/1899/);
    }
    for (const key of ["spend", "count_visits", "cost_per_customers", "roas"]) {
      for (const column of [headline.currentColumn, headline.previousColumn, headline.changeColumn]) expect(h.value(headline.rows[key], column), key).toBe("n/a");
    }
    expect(h.value(channels?.rows[0] ?? 0, channels?.columns.spend ?? 0)).toBe("n/a");
    const shown = h.summary().getDataRange().getDisplayValues().flat();
    expect(shown.filter((t) => /1899/.test(t))).toEqual([]);
  });

  it("all time compares with as long a stretch before the data, and says the previous period has no data", () => {
    h.choosePeriod(report.layout, "All time");
    const { headline } = report.layout;
    expect(h.at(headline.previousHasData)).toBe(false);
    expect(h.value(headline.rows.spend, headline.changeColumn)).toBe(PREVIOUS_EMPTY);
  });
});

describe("older summaries", () => {
  it("keep their period, with old preset names read as today's", () => {
    const rows = rowsEndingOn("2025-03-31");
    const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
    const old = [["KPI Summary"], [""], [""], ["Period", "Last 90 days", "", "Custom start", local("2025-01-01")], ["Start", "", "", "Custom end", local("2025-01-31")]];
    const h = harness({ Data: [AGG_HEADERS, ...rows], [SUMMARY_SHEET_NAME]: old });
    try {
      const report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
      expect(h.at(report.layout.period.preset)).toBe("Last 90 days of data");
      expect(h.at(report.layout.period.customStart)).toEqual(local("2025-01-01"));
      expect(h.at(report.layout.period.customEnd)).toEqual(local("2025-01-31"));
    } finally {
      h.done();
    }
  });
});
