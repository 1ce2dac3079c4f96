// Funnel report on a small lead log (one row per lead), every number worked out by hand in the comments.
import { timeToConvert } from "../../src/kpi/definitions/time-to-convert";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport, type FunnelSpec } from "../../src/kpi/funnel-report";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { validateMapping } from "../../src/server/mapping/validate-mapping";
import { LEADS_HEADERS, leadDemoRows } from "../../src/local/demo-data";

const day = (iso: string): Date => new Date(`${iso}T00:00:00`);

// Channel, Lead date, SQL date, Won date, Deal value
const rows: CellValue[][] = [
  ["Ads", day("2024-01-10"), day("2024-01-15"), day("2024-02-02"), 1000], // A: 23 days to win
  ["Ads", day("2024-01-20"), "", "", ""], // B
  ["Email", day("2024-02-01"), day("2024-02-03"), day("2024-02-08"), 500], // C: 7 days
  ["Email", day("2024-02-05"), day("2024-02-20"), "", 700], // D: open deal, its value is not revenue
  ["Ads", "2024-02-09", day("2024-02-09"), day("2024-02-10"), "300"], // E: 1 day; ISO text date, numeric text
  ["Ads", 45352, "", "", ""], // F: serial 45352 = 2024-03-01
  ["Email", day("2024-01-25"), day("2024-01-26"), day("2024-01-20"), 200], // G: won before lead, left out of time to convert
];

const spec: FunnelSpec = {
  shape: "record-level",
  stages: [
    { key: "leads", name: "Leads", column: 1 },
    { key: "sql", name: "SQL", column: 2 },
    { key: "customers", name: "Customers", column: 3 },
  ],
  channelColumn: 0,
  revenueColumn: 4,
};

const report = computeFunnelReport(spec, rows, { period: { start: "2024-02-01", end: "2024-02-10" } });

describe("record-level funnel report", () => {
  it("counts each record once per stage it reached", () => {
    expect(report.totals.stageCounts).toEqual([7, 5, 4]);
    expect(report.totals.revenue).toBe(2000); // A 1000 + C 500 + E 300 + G 200
    expect(report.totals.spend).toBeNull();
    expect(report.funnel.map((s) => [s.key, s.count, s.stepConversion?.value ?? null, s.overallConversion.value, s.dropOff])).toEqual([
      ["leads", 7, null, 1, null],
      ["sql", 5, 5 / 7, 5 / 7, 2],
      ["customers", 4, 4 / 5, 4 / 7, 1],
    ]);
    expect(report.notes).toEqual({ rows: 7, unreadableCells: 0, rowsWithoutDate: 0, negativeDurations: 1, revenueWithoutLastStage: 1, datesWithoutStatus: 0 });
  });

  it("puts each stage in the month of its own date", () => {
    expect(report.months.map((m) => [m.month, m.stageCounts, m.revenue, m.conversion.value])).toEqual([
      ["2024-01", [3, 2, 1], 200, 1 / 3], // leads A B G, SQL A G, won G
      ["2024-02", [3, 3, 3], 1800, 1], // leads C D E, SQL C D E, won A C E
      ["2024-03", [1, 0, 0], 0, 0], // lead F
    ]);
    expect(report.months[0].cac).toEqual({ value: null, reason: "CAC: no spend column is mapped" });
  });

  it("splits by channel", () => {
    expect(report.channels?.map((c) => [c.channel, c.stageCounts, c.revenue, c.conversion.value])).toEqual([
      ["Ads", [4, 2, 2], 1300, 2 / 4],
      ["Email", [3, 3, 2], 700, 2 / 3],
    ]);
    expect(report.channels?.[0].shareOfSpend).toEqual({ value: null, reason: "SHARE_OF_SPEND: no spend column is mapped" });
  });

  it("reports time to convert: median, mean and p90 days", () => {
    // A 23, C 7, E 1 → sorted 1, 7, 23; p90 interpolates as PERCENTILE.INC and TIME_TO_CONVERT do: 7 + 0.8 × 16.
    const stats = { records: 3, medianDays: { value: 7 }, meanDays: { value: 31 / 3 }, p90Days: { value: 19.8 } };
    const p90 = timeToConvert(Float64Array.of(0, 0, 0), Float64Array.of(23, 7, 1), "p90").value;
    expect(p90).toBeCloseTo(19.8, 12);
    // All three were won inside 02-01..02-10.
    expect(report.timeToConvert).toEqual({ all: stats, period: stats });
  });

  it("compares the period with the one before, counting stages by their dates", () => {
    const kpis = report.headline?.kpis ?? [];
    const get = (key: string) => kpis.find((k) => k.key === key);
    // Period 02-01..02-10: leads C D E, SQL C E, won A C E. Previous 01-22..01-31: lead G, SQL G.
    expect(get("count_leads")?.current.value).toBe(3);
    expect(get("count_leads")?.previous.value).toBe(1);
    expect(get("count_sql")?.current.value).toBe(2);
    expect(get("count_customers")?.current.value).toBe(3);
    expect(get("count_customers")?.previous.value).toBe(0);
    expect(get("step_sql")?.current.value).toBe(2 / 3);
    // Deals won in a period can outnumber that period's SQLs; the rate is then undefined, not above 100%.
    expect(get("step_customers")?.current).toEqual({
      value: null,
      reason: "CONVERSION_RATE: conversions (3) exceed total (2), so the rate would be above 100%",
    });
    expect(get("step_customers")?.previous).toEqual({ value: 0 });
    expect(get("revenue")?.current.value).toBe(1800);
    expect(get("avg_deal_size")?.current.value).toBe(600);
    expect(get("avg_deal_size")?.previous).toEqual({
      value: null,
      reason: "AVG_DEAL_SIZE: deals total is 0, so AVG_DEAL_SIZE is undefined",
    });
    expect(get("overall_conversion")?.change).toEqual({ value: null, reason: "GROWTH_RATE: previous total is 0, so GROWTH_RATE is undefined" });
  });

  it("says so when no record converted", () => {
    const r = computeFunnelReport(spec, rows.slice(1, 2));
    expect(r.timeToConvert?.all.medianDays).toEqual({
      value: null,
      reason: "no record has both a Leads date and a Customers date (on or after it)",
    });
    expect(r.timeToConvert?.period).toBeNull();
  });
});

describe("from the demo lead log, end to end", () => {
  const demo = leadDemoRows(new Date(2025, 6, 1), 400);
  const proposal = proposeMapping("Leads", 1, LEADS_HEADERS, demo.slice(0, 50));
  const mapping = proposalToMapping(proposal);

  it("detects the lead log as record-level with Created as the lead date", () => {
    expect(proposal.shape.value).toBe("record-level");
    expect(mapping.stages.map((s) => [s.key, s.column?.header])).toEqual([
      ["leads", "Created"],
      ["mql", "MQL date"],
      ["sql", "SQL date"],
      ["customers", "Won date"],
    ]);
    expect(mapping.channel?.header).toBe("Source");
    expect(mapping.revenue?.header).toBe("Deal value");
    expect(proposal.unmapped.map((u) => u.header)).toEqual(["Lead ID"]);
  });

  it("validates and reports consistently with a direct count", () => {
    const v = validateMapping(mapping, LEADS_HEADERS, demo);
    expect(v.errors).toEqual([]);
    const r = computeFunnelReport(toFunnelSpec(mapping), demo);
    const reached = (col: number) => demo.filter((row) => row[col] !== "").length;
    expect(r.totals.stageCounts).toEqual([reached(2), reached(3), reached(4), reached(5)]);
    const won = demo.filter((row) => row[5] !== "").reduce((sum, row) => sum + Number(row[6]), 0);
    expect(r.totals.revenue).toBe(won);
  });
});
