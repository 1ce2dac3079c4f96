// Turns a chart as the add-on asked Sheets for it (type, series, options) into a Chart.js configuration that draws it the way Sheets would.
import type { ChartConfiguration, ChartDataset, Plugin } from "chart.js";
import { formatDisplay } from "../../emulation/number-format";
import type { AxisOptions, ChartSeries, ChartView } from "../chart-data";

/** Google Sheets' default series colours, in order. */
export const SHEETS_COLORS = ["#4285f4", "#ea4335", "#fbbc04", "#34a853", "#ff6d01", "#46bdc6", "#7baaf7", "#f07b72", "#fcd04f", "#71c287"];

type Formatter = (value: number) => string;

const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Sheets' axis format keywords, or a number format pattern; without one the series' own cell format. */
export function formatterFor(axisFormat: string | undefined, cellFormat: string | undefined): Formatter {
  switch (axisFormat) {
    case "percent":
      return (n) => formatDisplay(n, "0%");
    case "currency":
      return (n) => formatDisplay(n, "$#,##0");
    case "short":
      return (n) => compact.format(n);
    case "decimal":
    case "long":
      return (n) => plain.format(n);
    case "none":
    case undefined:
      break;
    default:
      return (n) => formatDisplay(n, axisFormat);
  }
  return cellFormat ? (n) => formatDisplay(n, cellFormat) : (n) => plain.format(n);
}

function colorOf(view: ChartView, series: ChartSeries, index: number): string {
  return series.color ?? view.colors[index] ?? SHEETS_COLORS[index % SHEETS_COLORS.length];
}

/** Equal-width buckets over every value of every series, as Sheets' histogram draws them. */
function histogram(view: ChartView): { labels: string[]; counts: number[] } {
  const values = view.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (values.length === 0) return { labels: [], counts: [] };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const buckets = Math.max(1, Math.min(20, Math.ceil(Math.log2(values.length) + 1)));
  const size = (max - min) / buckets || 1;
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) counts[Math.min(buckets - 1, Math.floor((v - min) / size))]++;
  const format = formatterFor(view.hAxis.format, view.series[0]?.format);
  const labels = counts.map((_, i) => `${format(min + i * size)}–${format(min + (i + 1) * size)}`);
  return { labels, counts };
}

/** Values as shares of their label's total, for a 100% stacked chart. */
function percentOfTotal(series: readonly ChartSeries[]): (number | null)[][] {
  const totals = series[0]?.values.map((_, i) => series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0)) ?? [];
  return series.map((s) => s.values.map((v, i) => (v === null || totals[i] === 0 ? null : v / totals[i])));
}

function isPowerOfTen(value: number): boolean {
  if (!(value > 0)) return false;
  const exponent = Math.round(Math.log10(value));
  return Math.abs(value - 10 ** exponent) <= 1e-9 * value;
}

/** A scale's options as Chart.js takes them (its own types split them by scale type, which is chosen here at run time). */
type ScaleConfig = Record<string, unknown>;

function valueScale(axis: AxisOptions, format: Formatter, stacked: boolean): ScaleConfig {
  const scale: ScaleConfig = {
    type: axis.logScale ? "logarithmic" : "linear",
    stacked,
    // On a log scale Sheets labels the powers of ten only; every tick's label would overlap.
    ticks: { callback: (value: string | number) => (axis.logScale && !isPowerOfTen(Number(value)) ? "" : format(Number(value))) },
    grid: { color: "#e8eaed" },
  };
  if (axis.title) scale.title = { display: true, text: axis.title, color: "#5f6368" };
  if (axis.min !== undefined) scale.min = axis.min;
  if (axis.max !== undefined) scale.max = axis.max;
  if (!axis.logScale && axis.min === undefined) scale.beginAtZero = true;
  return scale;
}

function categoryScale(axis: AxisOptions, stacked: boolean): ScaleConfig {
  return {
    type: "category",
    stacked,
    grid: { display: false },
    ticks: { autoSkip: true, maxRotation: 0 },
    ...(axis.title ? { title: { display: true, text: axis.title, color: "#5f6368" } } : {}),
  };
}

/** Draws each point's formatted value beside it, for series whose data labels the add-on turned on. */
export const dataLabelsPlugin: Plugin = {
  id: "sheetsDataLabels",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, d) => {
      const meta = chart.getDatasetMeta(d);
      const format = (dataset as { dataLabelFormat?: Formatter }).dataLabelFormat;
      if (!format || meta.hidden) return;
      const horizontal = (chart.options as { indexAxis?: string }).indexAxis === "y";
      ctx.save();
      ctx.font = "11px Arial, sans-serif";
      ctx.fillStyle = "#3c4043";
      ctx.textAlign = horizontal ? "left" : "center";
      ctx.textBaseline = horizontal ? "middle" : "bottom";
      meta.data.forEach((element, i) => {
        const value = dataset.data[i];
        if (typeof value !== "number") return;
        const { x, y } = element.tooltipPosition(false);
        if (x === null || y === null) return;
        ctx.fillText(format(value), horizontal ? x + 4 : x, horizontal ? y : y - 3);
      });
      ctx.restore();
    });
  },
};

export function chartConfig(view: ChartView): ChartConfiguration {
  const kind = view.kind ?? "column";
  const percent = view.stacked === "percent";
  const stacked = view.stacked !== false;
  const valueFormat = percent ? (n: number) => formatDisplay(n, "0%") : formatterFor((kind === "bar" ? view.hAxis : view.vAxis).format, view.series[0]?.format);
  const title = { display: view.title !== "", text: view.title, color: "#202124", font: { size: 15, weight: "normal" as const } };
  const legend = { display: view.legend !== "none", position: view.legend === "none" ? ("right" as const) : view.legend, labels: { boxWidth: 12, color: "#3c4043" } };
  const common = { responsive: false, animation: false as const, maintainAspectRatio: false };
  const values = percent ? percentOfTotal(view.series) : view.series.map((s) => s.values);

  if (kind === "pie") {
    const series = view.series[0];
    return {
      type: view.pieHole > 0 ? "doughnut" : "pie",
      data: {
        labels: view.labels,
        datasets: [{ label: series?.name ?? "", data: (series?.values ?? []).map((v) => v ?? 0), backgroundColor: view.labels.map((_, i) => view.colors[i] ?? SHEETS_COLORS[i % SHEETS_COLORS.length]), borderColor: "#fff" }],
      },
      options: {
        ...common,
        ...(view.pieHole > 0 ? { cutout: `${Math.round(view.pieHole * 100)}%` } : {}),
        plugins: { title, legend, tooltip: { callbacks: { label: (item) => `${item.label}: ${formatterFor(undefined, series?.format)(Number(item.raw))}` } } },
      },
    } as ChartConfiguration;
  }

  if (kind === "histogram") {
    const { labels, counts } = histogram(view);
    return {
      type: "bar",
      data: { labels, datasets: [{ label: "Count", data: counts, backgroundColor: colorOf(view, view.series[0], 0), categoryPercentage: 1, barPercentage: 0.95 }] },
      options: { ...common, plugins: { title, legend: { display: false } }, scales: { x: categoryScale(view.hAxis, false), y: valueScale(view.vAxis, (n) => plain.format(n), false) } },
    } as ChartConfiguration;
  }

  if (kind === "scatter") {
    return {
      type: "scatter",
      data: {
        datasets: view.series.map((s, i) => ({
          label: s.name,
          data: s.values.flatMap((y, k) => {
            const x = view.domainValues[k];
            return x === null || x === undefined || y === null ? [] : [{ x, y }];
          }),
          backgroundColor: colorOf(view, s, i),
        })),
      },
      options: { ...common, plugins: { title, legend }, scales: { x: valueScale(view.hAxis, formatterFor(view.hAxis.format, undefined), false), y: valueScale(view.vAxis, valueFormat, false) } },
    } as ChartConfiguration;
  }

  if (kind === "radar") {
    return {
      type: "radar",
      data: { labels: view.labels, datasets: view.series.map((s, i) => ({ label: s.name, data: values[i], borderColor: colorOf(view, s, i), backgroundColor: `${colorOf(view, s, i)}33` })) },
      options: { ...common, plugins: { title, legend } },
    } as ChartConfiguration;
  }

  const lineLike = kind === "line" || kind === "area" || kind === "stepped-area";
  const datasets = view.series.map((s, i): ChartDataset => {
    const color = colorOf(view, s, i);
    const type = kind === "combo" ? (s.type === "line" || s.type === "area" ? "line" : "bar") : lineLike ? "line" : "bar";
    const dataset: Record<string, unknown> = {
      type,
      label: s.name,
      data: values[i],
      backgroundColor: type === "line" ? (kind === "area" || kind === "stepped-area" || s.type === "area" ? `${color}55` : color) : color,
      borderColor: color,
      borderWidth: type === "line" ? 2 : 0,
      pointRadius: type === "line" ? (values[i].length > 40 ? 0 : 3) : undefined,
      spanGaps: false,
      yAxisID: kind === "bar" ? undefined : s.axis === 1 ? "y1" : "y",
    };
    if (kind === "area" || kind === "stepped-area" || s.type === "area") dataset.fill = stacked && i > 0 ? "-1" : "origin";
    if (kind === "stepped-area") dataset.stepped = true;
    if (s.dataLabels) dataset.dataLabelFormat = percent ? valueFormat : formatterFor(undefined, s.format);
    return dataset as unknown as ChartDataset;
  });
  const horizontal = kind === "bar";
  const scales: Record<string, unknown> = horizontal
    ? { x: valueScale(view.hAxis, valueFormat, stacked), y: categoryScale(view.vAxis, stacked) }
    : { x: categoryScale(view.hAxis, stacked), y: valueScale(view.vAxis, valueFormat, stacked) };
  if (!horizontal && view.series.some((s) => s.axis === 1)) {
    const right = view.series.find((s) => s.axis === 1);
    scales.y1 = { ...valueScale({}, formatterFor(undefined, right?.format), false), position: "right", grid: { display: false } };
  }
  return {
    type: lineLike ? "line" : "bar",
    data: { labels: view.labels, datasets },
    options: {
      ...common,
      ...(horizontal ? { indexAxis: "y" as const } : {}),
      // Room for the longest bar's data label, which is drawn past the bar's end.
      ...(horizontal && view.series.some((s) => s.dataLabels) ? { layout: { padding: { right: 56 } } } : {}),
      plugins: {
        title,
        legend,
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${valueFormat(Number(item.raw))}` } },
      },
      scales,
    },
  } as ChartConfiguration;
}
