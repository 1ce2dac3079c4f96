// Turns a recorded embedded chart (type, ranges, options) into what the page's charting library draws: labels, number series with their formats, and the options Sheets honours.
import type { ChartRecord } from "../emulation/sheet-model";

/** The chart kinds the page draws; the Sheets types map onto them. */
export type ChartKind = "bar" | "column" | "line" | "area" | "stepped-area" | "pie" | "scatter" | "combo" | "histogram" | "radar";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** The number format of the series' cells, for its axis and tooltips. */
  format?: string;
  /** In a combo chart: how this series is drawn. */
  type?: "bars" | "line" | "area";
  color?: string;
  /** Draw each point's value next to it (Sheets' "Data labels: value"). */
  dataLabels?: boolean;
  /** 1 for the right-hand axis. */
  axis?: 0 | 1;
}

export interface AxisOptions {
  title?: string;
  logScale?: boolean;
  /** "percent", "currency", "short", "decimal", or a number format pattern. */
  format?: string;
  min?: number;
  max?: number;
}

export interface ChartView {
  chartId: number;
  /** As the add-on asked for it: "BAR", "PIE", ... */
  chartType: string;
  /** What the page draws; null for a type the preview does not draw (the card says so). */
  kind: ChartKind | null;
  title: string;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  labels: string[];
  /** The domain column's numbers (a scatter chart's x values); null where a label is not a number. */
  domainValues: (number | null)[];
  series: ChartSeries[];
  legend: "none" | "top" | "bottom" | "right" | "left";
  stacked: boolean | "percent";
  pieHole: number;
  /** Horizontal and vertical axis options, as Sheets names them (for a bar chart the horizontal axis holds the values). */
  hAxis: AxisOptions;
  vAxis: AxisOptions;
  colors: string[];
}

/** One range's cells: display text for labels, numbers for values, and each cell's number format. */
export interface RangeCells {
  display: string[][];
  values: unknown[][];
  formats: string[][];
}

/** Sheets' embedded chart size when the add-on sets none. */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 };

const KINDS: Record<string, ChartKind> = {
  BAR: "bar",
  COLUMN: "column",
  LINE: "line",
  TIMELINE: "line",
  AREA: "area",
  STEPPED_AREA: "stepped-area",
  PIE: "pie",
  SCATTER: "scatter",
  COMBO: "combo",
  HISTOGRAM: "histogram",
  RADAR: "radar",
};

/** An option by its dotted name, set either as "vAxis.title" or as vAxis: { title }. */
function option(options: Record<string, unknown>, path: string): unknown {
  if (path in options) return options[path];
  const [head, ...rest] = path.split(".");
  let value: unknown = options[head];
  for (const key of rest) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const number = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);

function axisOf(options: Record<string, unknown>, name: "hAxis" | "vAxis"): AxisOptions {
  const axis: AxisOptions = {};
  const title = text(option(options, `${name}.title`));
  if (title) axis.title = title;
  if (option(options, `${name}.logScale`) === true || option(options, `${name}.scaleType`) === "log") axis.logScale = true;
  const format = text(option(options, `${name}.format`));
  if (format) axis.format = format;
  const min = number(option(options, `${name}.viewWindow.min`)) ?? number(option(options, `${name}.minValue`));
  const max = number(option(options, `${name}.viewWindow.max`)) ?? number(option(options, `${name}.maxValue`));
  if (min !== undefined) axis.min = min;
  if (max !== undefined) axis.max = max;
  return axis;
}

function legendOf(options: Record<string, unknown>): ChartView["legend"] {
  const position = text(option(options, "legend.position")) ?? text(option(options, "legend"));
  return position === "none" || position === "top" || position === "bottom" || position === "left" ? position : "right";
}

function seriesOptions(options: Record<string, unknown>, index: number): Pick<ChartSeries, "type" | "color" | "dataLabels" | "axis"> {
  const out: Pick<ChartSeries, "type" | "color" | "dataLabels" | "axis"> = {};
  const type = text(option(options, `series.${index}.type`)) ?? (option(options, "seriesType") as string | undefined);
  if (type === "bars" || type === "line" || type === "area") out.type = type;
  const color = text(option(options, `series.${index}.color`));
  if (color) out.color = color;
  if (option(options, `series.${index}.dataLabel`) === "value" || option(options, "dataLabel") === "value") out.dataLabels = true;
  if (option(options, `series.${index}.targetAxisIndex`) === 1) out.axis = 1;
  return out;
}

/**
 * As Sheets reads a chart's ranges: their columns side by side, the first one the labels (domain),
 * the rest one series each; the first row is headers when it holds no numbers in the series columns.
 */
export function chartView(record: ChartRecord, cells: readonly RangeCells[]): ChartView {
  const options = record.options;
  const chartType = record.chartType ?? "COLUMN";
  const columns: { display: string[]; values: unknown[]; formats: string[] }[] = [];
  for (const range of cells) {
    const width = range.display[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      columns.push({ display: range.display.map((r) => r[c] ?? ""), values: range.values.map((r) => r[c]), formats: range.formats.map((r) => r[c] ?? "") });
    }
  }
  const [domain, ...rest] = columns;
  const headers = record.numHeaders >= 0 ? record.numHeaders : rest.length > 0 && rest.every((col) => typeof col.values[0] !== "number") ? 1 : 0;
  const colors = option(options, "colors");
  const size = { width: number(option(options, "width")) ?? DEFAULT_CHART_SIZE.width, height: number(option(options, "height")) ?? DEFAULT_CHART_SIZE.height };
  const stacked = option(options, "isStacked");
  return {
    chartId: record.chartId,
    chartType,
    kind: domain === undefined || rest.length === 0 ? null : KINDS[chartType] ?? null,
    title: text(option(options, "title")) ?? "",
    anchorRow: record.anchorRow,
    anchorColumn: record.anchorColumn,
    offsetX: record.offsetX,
    offsetY: record.offsetY,
    ...size,
    labels: domain ? domain.display.slice(headers) : [],
    domainValues: domain ? domain.values.slice(headers).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)) : [],
    series: rest.map((col, i) => ({
      name: headers > 0 ? col.display[0] : `Series ${i + 1}`,
      values: col.values.slice(headers).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
      ...(col.formats.slice(headers).find((f) => f !== "") ? { format: col.formats.slice(headers).find((f) => f !== "") } : {}),
      ...seriesOptions(options, i),
    })),
    legend: legendOf(options),
    stacked: stacked === "percent" || stacked === "relative" ? "percent" : stacked === true || stacked === "absolute",
    pieHole: number(option(options, "pieHole")) ?? 0,
    hAxis: axisOf(options, "hAxis"),
    vAxis: axisOf(options, "vAxis"),
    colors: Array.isArray(colors) ? colors.filter((c): c is string => typeof c === "string") : [],
  };
}
