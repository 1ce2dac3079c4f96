// A chart as the add-on asks Sheets for it becomes the Chart.js configuration the page draws: types, orientation, log and stacked axes, holes, colours and formats.
import { describe, expect, it } from "vitest";
import type { ChartRecord } from "../../src/local/emulation/sheet-model";
import { chartView, type RangeCells } from "../../src/local/preview/chart-data";
import { chartConfig, SHEETS_COLORS } from "../../src/local/preview/client/chart-config";

function record(chartType: string | null, options: Record<string, unknown> = {}, numHeaders = -1): ChartRecord {
  return { chartId: 7, chartType, ranges: [], anchorRow: 3, anchorColumn: 2, offsetX: 5, offsetY: 6, options, numHeaders };
}

/** Channels with spend (as money) and customers, as the summary's channel table holds them. */
const CHANNELS: RangeCells = {
  display: [["Channel", "Spend", "Customers"], ["Search", "$1,200", "30"], ["Social", "$800", "10"], ["Email", "n/a", "5"]],
  values: [["Channel", "Spend", "Customers"], ["Search", 1200, 30], ["Social", 800, 10], ["Email", "n/a", 5]],
  formats: [["", "", ""], ["", "$#,##0", ""], ["", "$#,##0", ""], ["", "$#,##0", ""]],
};

// Chart.js types its options per chart type and scale; the tests read them by name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const config = (chartType: string | null, options: Record<string, unknown> = {}) => chartConfig(chartView(record(chartType, options), [CHANNELS])) as unknown as Loose;

describe("chartView", () => {
  it("reads the first column as labels, the rest as series with their formats, a text first row as headers", () => {
    const view = chartView(record("BAR", { title: "CAC by channel", legend: { position: "none" } }), [CHANNELS]);
    expect(view).toMatchObject({
      kind: "bar", title: "CAC by channel", labels: ["Search", "Social", "Email"], legend: "none",
      anchorRow: 3, anchorColumn: 2, offsetX: 5, offsetY: 6, width: 600, height: 371,
    });
    expect(view.series).toEqual([
      { name: "Spend", values: [1200, 800, null], format: "$#,##0" },
      { name: "Customers", values: [30, 10, 5] },
    ]);
  });

  it("reads dotted and nested options alike, and leaves types it cannot draw to a card", () => {
    const view = chartView(record("LINE", { "vAxis.logScale": true, hAxis: { title: "Month" }, width: 480 }), [CHANNELS]);
    expect([view.vAxis, view.hAxis, view.width]).toEqual([{ logScale: true }, { title: "Month" }, 480]);
    expect(chartView(record("TREEMAP"), [CHANNELS]).kind).toBeNull();
    expect(chartView(record(null), [CHANNELS]).kind).toBe("column");
  });
});

describe("chartConfig", () => {
  it("draws BAR horizontally and COLUMN vertically, in Sheets' colours", () => {
    const bar = config("BAR");
    expect([bar.type, bar.options.indexAxis]).toEqual(["bar", "y"]);
    expect(bar.data.datasets.map((d: Loose) => d.backgroundColor)).toEqual(SHEETS_COLORS.slice(0, 2));
    const column = config("COLUMN", { colors: ["#111111"] });
    expect([column.type, column.options.indexAxis]).toEqual(["bar", undefined]);
    expect(column.data.datasets[0].backgroundColor).toBe("#111111");
  });

  it("uses a log scale where the add-on asks for one, for a funnel spanning orders of magnitude", () => {
    expect(config("BAR", { hAxis: { logScale: true } }).options.scales.x.type).toBe("logarithmic");
    expect(config("COLUMN", { vAxis: { logScale: true } }).options.scales.y.type).toBe("logarithmic");
    expect(config("COLUMN").options.scales.y.type).toBe("linear");
  });

  it("formats the value axis like the series' cells, or as the axis format says", () => {
    const ticks = (c: Loose, axis: string) => c.options.scales[axis].ticks.callback;
    expect(ticks(config("COLUMN"), "y")(1200)).toBe("$1,200");
    expect(ticks(config("COLUMN", { vAxis: { format: "percent" } }), "y")(0.25)).toBe("25%");
    expect(ticks(config("BAR", { hAxis: { format: "short" } }), "x")(3_900_000)).toBe("3.9M");
  });

  it("draws PIE with a hole as a doughnut, one colour per slice", () => {
    const pie = config("PIE", { pieHole: 0.4 });
    expect([pie.type, pie.options.cutout]).toEqual(["doughnut", "40%"]);
    expect(pie.data.labels).toEqual(["Search", "Social", "Email"]);
    expect(pie.data.datasets[0].data).toEqual([1200, 800, 0]);
    expect(pie.data.datasets[0].backgroundColor).toEqual(SHEETS_COLORS.slice(0, 3));
    expect(config("PIE").type).toBe("pie");
  });

  it("stacks to 100% when asked, and hides the legend when the add-on turns it off", () => {
    const stacked = config("COLUMN", { isStacked: "percent", legend: "none" });
    expect(stacked.options.scales.y.stacked).toBe(true);
    expect(stacked.data.datasets[0].data[0]).toBeCloseTo(1200 / 1230, 9);
    expect(stacked.options.plugins.legend.display).toBe(false);
  });

  it("mixes bars and lines in a combo chart, areas filled, and data labels when a series asks", () => {
    const combo = config("COMBO", { seriesType: "bars", series: { 1: { type: "line", targetAxisIndex: 1, dataLabel: "value" } } });
    expect(combo.data.datasets.map((d: Loose) => d.type)).toEqual(["bar", "line"]);
    expect(combo.data.datasets[1].yAxisID).toBe("y1");
    expect(combo.options.scales.y1.position).toBe("right");
    expect(typeof combo.data.datasets[1].dataLabelFormat).toBe("function");
    const area = config("AREA");
    expect([area.type, area.data.datasets[0].fill]).toEqual(["line", "origin"]);
    expect(config("STEPPED_AREA").data.datasets[0].stepped).toBe(true);
  });
});
