// Chart records become label and series data the way Sheets reads ranges, and draw as SVG bars, columns or lines.
import { describe, expect, it } from "vitest";
import { chartData } from "../../src/local/preview/chart-data";
import { chartSvg } from "../../src/local/preview/chart-svg";
import type { ChartRecord } from "../../src/local/emulation/sheet-model";

function record(chartType: string, title: string, numHeaders = -1): ChartRecord {
  return { chartId: 1, chartType, ranges: [], anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0, options: { title }, numHeaders };
}

describe("chartData", () => {
  it("reads the first column as labels, the rest as series, a text first row as headers", () => {
    const data = chartData(record("BAR", "Funnel"), [
      { display: [["Stage", "Count"], ["Visits", "1,000"], ["Leads", "n/a"]], values: [["Stage", "Count"], ["Visits", 1000], ["Leads", "n/a"]] },
    ]);
    expect(data).toEqual({ kind: "bar", title: "Funnel", labels: ["Visits", "Leads"], series: [{ name: "Count", values: [1000, null] }] });
  });

  it("puts separate ranges side by side and leaves undrawable types out", () => {
    const months = { display: [["Month"], ["Jan 2026"], ["Feb 2026"]], values: [["Month"], [1], [2]] };
    const counts = { display: [["Customers"], ["5"], ["7"]], values: [["Customers"], [5], [7]] };
    expect(chartData(record("LINE", "Per month"), [months, counts])?.series).toEqual([{ name: "Customers", values: [5, 7] }]);
    expect(chartData(record("PIE", "Share"), [months, counts])).toBeNull();
  });
});

describe("chartSvg", () => {
  it("draws one bar per value, a polyline per line series, and escapes text", () => {
    const bars = chartSvg({ kind: "bar", title: "A & <B>", labels: ["x", "y", "z"], series: [{ name: "n", values: [3, 2, null] }] });
    expect(bars.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(bars).toContain("A &amp; &lt;B&gt;");
    const line = chartSvg({ kind: "line", title: "t", labels: ["a", "b"], series: [{ name: "s", values: [1, -2] }, { name: "u", values: [0, 4] }] });
    expect(line.match(/<polyline/g)).toHaveLength(2);
    const columns = chartSvg({ kind: "column", title: "t", labels: ["a"], series: [{ name: "s", values: [0] }] });
    expect(columns).toMatch(/^<svg [^>]*class="chart chart-column"/);
  });
});
