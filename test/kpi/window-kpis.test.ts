// windowKpis (the scorecard's trend in the CLI's cached numbers): each window's values are the headline's for that window, an odd count and record-level data included.
import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../src/kpi/dates";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import type { FunnelSpec } from "../../src/kpi/funnel/funnel-spec";
import { windowKpis } from "../../src/kpi/funnel/window-kpis";

const s = (iso: string) => isoDateToSerial(...(iso.split("-").map(Number) as [number, number, number]));
const d = (iso: string) => new Date(`${iso}T00:00:00`);

function headlineOver(spec: FunnelSpec, rows: unknown[][], start: string, end: string) {
  const report = computeFunnelReport(spec, rows as never, { period: { preset: "Custom", customStart: start, customEnd: end } });
  return Object.fromEntries((report.headline?.kpis ?? []).map((k) => [k.key, k.current]));
}

describe("windowKpis", () => {
  const aggregated: FunnelSpec = {
    shape: "aggregated", dateColumn: 0, spendColumn: 1, revenueColumn: 4,
    stages: [{ key: "visits", name: "Visits", column: 2 }, { key: "customers", name: "Customers", column: 3 }],
  };
  const rows = [
    [d("2025-01-02"), 100, 1000, 10, 500],
    [d("2025-01-09"), 50, 800, 0, 0],
    [d("2025-01-16"), 70, 900, 7, 420],
    [d("2025-01-23"), 30, 400, 2, 90],
    [d("2025-01-30"), 0, 300, 3, 60],
  ];

  it("gives each of three windows what the headline gives for it: spend, counts, CAC, conversion, ROAS", () => {
    const windows = [["2025-01-01", "2025-01-07"], ["2025-01-08", "2025-01-14"], ["2025-01-15", "2025-01-31"]];
    const got = windowKpis(aggregated, rows, windows.map(([a, b]) => ({ start: s(a), end: s(b) + 1 })));
    expect(got).toHaveLength(3);
    windows.forEach(([a, b], i) => {
      const want = headlineOver(aggregated, rows, a, b);
      for (const key of Object.keys(want)) expect(got[i][key], `${key} in ${a}..${b}`).toEqual(want[key]);
    });
    expect(got[0].spend).toEqual({ value: 100 });
    expect(got[1].cost_per_customers.value).toBeNull();
    expect(got[2].cost_per_customers).toEqual({ value: 100 / 12 });
  });

  it("counts a record-level stage on its own date, as the headline does", () => {
    const leads: FunnelSpec = { shape: "record-level", revenueColumn: 2, stages: [{ key: "leads", name: "Leads", column: 0 }, { key: "won", name: "Won", column: 1 }] };
    const deals = [
      [d("2025-03-01"), d("2025-03-20"), 1000],
      [d("2025-03-05"), "", ""],
      [d("2025-02-25"), d("2025-03-02"), 400],
    ];
    const [feb, mar] = windowKpis(leads, deals, [{ start: s("2025-02-01"), end: s("2025-03-01") }, { start: s("2025-03-01"), end: s("2025-04-01") }]);
    expect([feb.count_leads, feb.count_won]).toEqual([{ value: 1 }, { value: 0 }]);
    expect([mar.count_leads, mar.count_won, mar.revenue]).toEqual([{ value: 2 }, { value: 2 }, { value: 1400 }]);
  });
});
