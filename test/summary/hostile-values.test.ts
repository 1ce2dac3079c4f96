// Data is never code: channel values and stage names that look like formulas, booleans, numbers, wildcards or operators stay text and match literally.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { channelKey, channelLabel } from "../../src/kpi/funnel/channel-label";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { MAPPING_VERSION } from "../../src/server/mapping/mapping-types";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { metricContextOf } from "../../src/server/summary/goal-kpis";
import { channelValues, reportFor } from "./expected";
import { HOSTILE_HEADERS as HEADERS, hostileRows } from "./fixtures";
import { type Harness, harness, matchesKpi } from "./summary-harness";

/** A data sheet as Sheets holds such text: typed with an apostrophe, or imported as text. */
const asTyped = (rows: CellValue[][]): CellValue[][] => rows.map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v)));

const col = (header: string) => ({ header, index: HEADERS.indexOf(header) });
const mapping: FunnelMapping = {
  version: MAPPING_VERSION, sheetName: "Data", headerRow: 1, shape: "aggregated",
  stages: [
    { key: "visits", name: "=SUM(1,1)", column: col("Sessions") },
    { key: "leads", name: "TRUE", column: col("Leads") },
    { key: "customers", name: "+1 customers", column: col("New customers") },
  ],
  date: col("Date"), channel: col("Channel"), spend: col("Spend"), revenue: col("Revenue"),
};

describe("hostile channel values and stage names", () => {
  const rows = hostileRows();
  const spec = toFunnelSpec(mapping);
  const metrics = summaryMetrics(metricContextOf(mapping));
  let h: Harness;
  let report: SummaryReport;

  beforeAll(() => {
    h = harness({ Data: [HEADERS, ...asTyped(rows)] });
    report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
    h.choosePeriod(report.layout, "All time");
  });
  afterAll(() => h?.done());

  it("writes every channel label as text, exactly, never a formula", () => {
    const channels = report.layout.channels;
    expect(channels).not.toBeNull();
    if (!channels) return;
    const firstSeen = new Map<string, string>();
    for (const r of rows) if (!firstSeen.has(channelKey(channelLabel(r[1])))) firstSeen.set(channelKey(channelLabel(r[1])), channelLabel(r[1]));
    const expectedLabels = [...firstSeen.values()];
    expect(new Set(channels.names)).toEqual(new Set(expectedLabels));
    channels.rows.forEach((row, i) => {
      const cell = h.summary().getRange(row, channels.keyColumn);
      expect(cell.getFormula(), channels.names[i]).toBe("");
      expect(cell.getValue(), channels.names[i]).toBe(channels.names[i]);
    });
  });

  it("writes stage names as text in the headline, the funnel and the column headers", () => {
    const names = mapping.stages.map((s) => s.name);
    const { rows: headlineRows } = report.layout.headline;
    expect(mapping.stages.map((s) => h.value(headlineRows[`count_${s.key}`], 1))).toEqual(names);
    expect(report.layout.funnel.stageRows.map((r) => h.value(r, 1))).toEqual(names);
    for (const row of [...report.layout.funnel.stageRows, ...Object.values(headlineRows)]) expect(h.summary().getRange(row, 1).getFormula()).toBe("");
  });

  it("every channel's numbers equal src/kpi's: no wildcard, operator, number or boolean reading of a label", () => {
    const channels = report.layout.channels;
    if (!channels) throw new Error("no channel table");
    const expected = reportFor(spec, rows, { preset: "All time" });
    const checked = metrics.filter((m) => m.places.includes("channels")).map((m) => m.key);
    channels.names.forEach((name, i) => {
      const want = channelValues(spec, rows, expected, name, metrics);
      for (const key of [...checked, "share_of_spend"]) {
        const got = h.value(channels.rows[i], channels.columns[key]);
        expect(matchesKpi(got, want[key]), `${JSON.stringify(name)} ${key}: ${String(got)} vs ${JSON.stringify(want[key])}`).toBe(true);
      }
    });
  });

  it("a channel named * reports its own spend, not every channel's (the case issue 12 measured)", () => {
    const channels = report.layout.channels;
    if (!channels) throw new Error("no channel table");
    const star = channels.names.indexOf("*");
    const own = rows.filter((r) => r[1] === "*").reduce((a, r) => a + (r[2] as number), 0);
    expect(h.value(channels.rows[star], channels.columns.spend)).toBe(own);
    const truth = channels.names.indexOf("TRUE");
    expect(h.value(channels.rows[truth], channels.columns.spend)).toBe(rows.filter((r) => r[1] === "TRUE").reduce((a, r) => a + (r[2] as number), 0));
  });

  it("labels that differ only in case or spaces share a row, as in the report", () => {
    const channels = report.layout.channels;
    if (!channels) throw new Error("no channel table");
    expect(channels.names.filter((n) => n.toLowerCase() === "paid search")).toHaveLength(1);
    expect(channels.names).toContain("Café");
    expect(channels.names).toContain("Cafe");
  });
});
