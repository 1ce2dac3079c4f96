// Every metric of the table, as a sheet formula evaluated by the formula engine, equals src/kpi: headline, channels, months, cohorts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import type { PeriodPreset } from "../../src/kpi/definitions/periods";
import { COHORT_WINDOWS } from "../../src/kpi/funnel/cohort-report";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import { scorecardMetrics } from "../../src/kpi/summary-metrics/scorecard";
import { TREND_WINDOWS } from "../../src/server/summary/trend-block";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { metricContextOf } from "../../src/server/summary/goal-kpis";
import { COHORT_COLUMN, NOTE_COLUMN, PARTIAL_MONTH } from "../../src/server/summary/month-block";
import { channelValues, reportFor } from "./expected";
import { AD_HEADERS, AGG_HEADERS, LEAD_HEADERS, adMapping, adRows, aggregatedRows, leadRows } from "./fixtures";
import { type Harness, harness, matchesKpi, shownReason } from "./summary-harness";

interface Case {
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  mapping: FunnelMapping;
}

const detected = (sheet: string, headers: string[], rows: CellValue[][]) => proposalToMapping(proposeMapping(sheet, 1, headers, rows));

const CASES: Case[] = [
  { name: "aggregated", sheet: "Data", headers: AGG_HEADERS, rows: aggregatedRows(), mapping: detected("Data", AGG_HEADERS, aggregatedRows()) },
  { name: "record-level", sheet: "Leads", headers: LEAD_HEADERS, rows: leadRows(), mapping: detected("Leads", LEAD_HEADERS, leadRows()) },
  { name: "ad platform", sheet: "Ads", headers: AD_HEADERS, rows: adRows(), mapping: adMapping("Ads") },
];

const PERIODS: { label: string; preset: PeriodPreset; start?: Date; end?: Date }[] = [
  { label: "custom Feb 1 – Mar 15", preset: "Custom", start: new Date(2025, 1, 1), end: new Date(2025, 2, 15) },
  { label: "last 30 days of data", preset: "Last 30 days of data" },
  { label: "last complete month", preset: "Last complete month" },
  { label: "month to date", preset: "Month to date" },
];

const iso = (d?: Date): string | null => (d ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}` : null);

describe.each(CASES)("$name summary", (c) => {
  const spec = toFunnelSpec(c.mapping);
  const metrics = summaryMetrics(metricContextOf(c.mapping));
  const headlineMetrics = metrics.filter((m) => m.places.includes("headline"));
  const cards = scorecardMetrics(metrics, { recordLevel: c.mapping.shape === "record-level" });
  let h: Harness;
  let report: SummaryReport;

  beforeAll(() => {
    h = harness({ [c.sheet]: [c.headers, ...c.rows] });
    report = h.emu.runExecution(() => saveAndGenerate(c.mapping, null));
  });
  afterAll(() => h?.done());

  it("lists exactly the table's headline metrics, in its order", () => {
    expect(Object.keys(report.layout.headline.rows)).toEqual(headlineMetrics.map((m) => m.key));
  });

  describe.each(PERIODS)("$label", (period) => {
    const choice = { preset: period.preset, customStart: iso(period.start), customEnd: iso(period.end) };
    const expected = reportFor(spec, c.rows, choice);
    beforeAll(() => h.choosePeriod(report.layout, period.preset, period.start, period.end));

    it("has a headline period, and the period cells hold its dates", () => {
      expect(expected.headline).not.toBeNull();
      const p = report.layout.period;
      const day = (cell: typeof p.start) => h.summary().getRange(cell.row, cell.column).getDisplayValue();
      expect([day(p.start), day(p.end), day(p.previousStart), day(p.previousEnd)])
        .toEqual([expected.headline?.start, expected.headline?.end, expected.headline?.previousStart, expected.headline?.previousEnd]);
      expect(h.at(p.valid)).toBe(true);
      expect(h.at(p.partial)).toBe(expected.headline?.partial ?? "");
      expect(h.at(report.layout.headline.partialNote)).toBe(expected.headline?.partial ?? "");
    });

    it.each(headlineMetrics.map((m) => [m.key, m] as const))("headline %s: this period, previous and change", (key) => {
      const kpi = expected.headline?.kpis.find((k) => k.key === key);
      expect(kpi, key).toBeDefined();
      if (!kpi) return;
      const row = report.layout.headline.rows[key];
      const { currentColumn, previousColumn, changeColumn } = report.layout.headline;
      expect(matchesKpi(h.value(row, currentColumn), kpi.current), `${key} current ${String(h.value(row, currentColumn))}`).toBe(true);
      expect(matchesKpi(h.value(row, previousColumn), kpi.previous), `${key} previous`).toBe(true);
      expect(matchesKpi(h.value(row, changeColumn), kpi.change), `${key} change ${String(h.value(row, changeColumn))}`).toBe(true);
    });

    it.each(cards.map((m) => [m.key, m] as const))("scorecard %s: this period, previous and change", (key) => {
      const kpi = expected.headline?.kpis.find((k) => k.key === key);
      expect(kpi, key).toBeDefined();
      if (!kpi) return;
      const s = report.layout.scorecard;
      const column = s.columns[key];
      expect(matchesKpi(h.value(s.currentRow, column), kpi.current), `${key} current`).toBe(true);
      expect(matchesKpi(h.value(s.previousRow, column), kpi.previous), `${key} previous`).toBe(true);
      expect(matchesKpi(h.value(s.changeRow, column), kpi.change), `${key} change ${String(h.value(s.changeRow, column))}`).toBe(true);
    });

    it("trend: each scorecard KPI over the period and the windows of its length before it, gaps before the data", () => {
      const headline = expected.headline;
      expect(headline).not.toBeNull();
      if (!headline) return;
      const trend = report.layout.trend;
      const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
      const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const earliest = day(h.summary().getRange(report.layout.period.earliest.row, report.layout.period.earliest.column).getDisplayValue());
      const length = (day(headline.end) - day(headline.start)) / 86_400_000 + 1;
      expect(trend.rows).toHaveLength(TREND_WINDOWS);
      let withData = 0;
      trend.rows.forEach((row, i) => {
        const back = TREND_WINDOWS - 1 - i;
        const start = day(headline.start) - back * length * 86_400_000;
        const end = start + (length - 1) * 86_400_000;
        expect(h.summary().getRange(row, trend.keyColumn).getDisplayValue()).toBe(isoOf(start));
        const window = reportFor(spec, c.rows, { preset: "Custom", customStart: isoOf(start), customEnd: isoOf(end) });
        for (const m of cards) {
          const got = h.value(row, trend.columns[m.key]);
          if (back > 0 && start < earliest) {
            expect(got, `${m.key} window ${isoOf(start)} starts before the data`).toBe("n/a");
            continue;
          }
          const want = window.headline?.kpis.find((k) => k.key === m.key)?.current ?? null;
          expect(matchesKpi(got, want), `${m.key} window ${isoOf(start)}: ${String(got)} vs ${JSON.stringify(want)}`).toBe(true);
        }
        if (!(back > 0 && start < earliest)) withData++;
      });
      // Not only the period itself: 30-day windows reach back into the fixtures' months.
      if (period.preset === "Last 30 days of data") expect(withData).toBeGreaterThanOrEqual(2);
    });

    it("funnel block: counts, step and overall conversion, drop-off", () => {
      const counts = c.mapping.stages.map((s) => expected.headline?.kpis.find((k) => k.key === `count_${s.key}`)?.current.value ?? 0);
      const f = report.layout.funnel;
      f.stageRows.forEach((row, i) => {
        expect(h.value(row, f.countColumn)).toBe(counts[i]);
        const rate = (a: number, b: number) => (b > 0 && a <= b ? a / b : null);
        expect(matchesKpi(h.value(row, f.overallColumn), rate(counts[i], counts[0]))).toBe(true);
        if (i > 0) expect(matchesKpi(h.value(row, f.stepColumn), rate(counts[i], counts[i - 1]))).toBe(true);
        if (i > 0) expect(h.value(row, f.dropOffColumn)).toBe(counts[i - 1] - counts[i]);
      });
    });

    if (c.mapping.channel !== null) {
      const channelKeys = metrics.filter((m) => m.places.includes("channels")).map((m) => m.key);
      if (c.mapping.spend !== null) channelKeys.push("share_of_spend");
      it.each(channelKeys)("per channel %s", (key) => {
        const channels = report.layout.channels;
        expect(channels).not.toBeNull();
        if (!channels) return;
        expect(channels.columns[key], key).toBeDefined();
        channels.names.forEach((name, i) => {
          const want = channelValues(spec, c.rows, expected, name, metrics)[key];
          const got = h.value(channels.rows[i], channels.columns[key]);
          expect(matchesKpi(got, want), `${name} ${key}: ${String(got)} vs ${JSON.stringify(want)}`).toBe(true);
        });
      });
    }
  });

  describe("per month, all dates", () => {
    const all = reportFor(spec, c.rows);
    const monthMetrics = metrics.filter((m) => m.places.includes("months") && !(c.mapping.shape === "record-level" && m.unit === "rate"));
    it("lists the report's months", () => {
      expect(report.layout.months.months).toEqual(all.months.map((m) => m.month));
    });
    it.each(monthMetrics.map((m) => m.key))("per month %s", (key) => {
      const months = report.layout.months;
      all.months.forEach((m, i) => {
        const got = h.value(months.rows[i], months.columns[key]);
        expect(matchesKpi(got, m.metrics[key]), `${m.month} ${key}: ${String(got)}`).toBe(true);
      });
    });
    it("marks partial months where the data starts or ends mid-month", () => {
      const months = report.layout.months;
      all.months.forEach((m, i) => expect(h.value(months.rows[i], months.columns[NOTE_COLUMN])).toBe(m.partial ? PARTIAL_MONTH : ""));
      expect(all.months.some((m) => m.partial)).toBe(true);
    });
    if (c.mapping.shape === "record-level") {
      it("month conversion is cohort conversion within 90 days, never above 100%", () => {
        const months = report.layout.months;
        all.months.forEach((m, i) => {
          const got = h.value(months.rows[i], months.columns[COHORT_COLUMN]);
          const want = m.cohortConversion;
          expect(want).not.toBeNull();
          if (want === null) return;
          expect(matchesKpi(got, want), `${m.month}: ${String(got)} vs ${JSON.stringify(want)}`).toBe(true);
          if (typeof got === "number") expect(got).toBeLessThanOrEqual(1);
        });
      });
      it("cohort block: entered and share within 30, 60, 90 days per entry month, and backwards stage dates", () => {
        const cohorts = report.layout.cohorts;
        expect(cohorts).not.toBeNull();
        if (!cohorts || !all.cohorts) return;
        expect(cohorts.months).toEqual(all.cohorts.months.map((m) => m.month));
        all.cohorts.months.forEach((m, i) => {
          expect(h.value(cohorts.rows[i], cohorts.enteredColumn)).toBe(m.entered);
          COHORT_WINDOWS.forEach((w, k) => {
            const got = h.value(cohorts.rows[i], cohorts.windowColumns[w]);
            expect(matchesKpi(got, m.shares[k]), `${m.month} within ${w}: ${String(got)} vs ${JSON.stringify(m.shares[k])}`).toBe(true);
          });
        });
        expect(report.layout.quality).not.toBeNull();
        if (report.layout.quality) expect(h.at(report.layout.quality)).toBe(all.cohorts.backwardsRecords);
        expect(shownReason(all.cohorts.months.at(-1)?.shares[2].reason ?? "")).toBe("window open");
      });
    }
  });
});
