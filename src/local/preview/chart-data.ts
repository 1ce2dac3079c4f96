// Turns a recorded embedded chart (type, ranges, options) into labels and number series, read from the evaluated cells.
import type { ChartRecord } from "../emulation/sheet-model";

export type ChartKind = "bar" | "column" | "line";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartData {
  kind: ChartKind;
  title: string;
  labels: string[];
  series: ChartSeries[];
}

/** One range's cells: display text for labels, numbers for values. */
export interface RangeCells {
  display: string[][];
  values: unknown[][];
}

function kindOf(chartType: string | null): ChartKind | null {
  switch (chartType ?? "COLUMN") {
    case "BAR":
      return "bar";
    case "COLUMN":
    case "HISTOGRAM":
      return "column";
    case "LINE":
    case "AREA":
    case "STEPPED_AREA":
    case "TIMELINE":
      return "line";
    default:
      return null;
  }
}

/**
 * As Sheets reads a chart's ranges: their columns side by side, the first one the labels (domain),
 * the rest one series each; the first row is headers when it holds no numbers in the series columns.
 * Returns null for chart types the preview does not draw.
 */
export function chartData(record: ChartRecord, cells: readonly RangeCells[]): ChartData | null {
  const kind = kindOf(record.chartType);
  if (kind === null || cells.length === 0) return null;
  const columns: { display: string[]; values: unknown[] }[] = [];
  for (const range of cells) {
    const width = range.display[0]?.length ?? 0;
    for (let c = 0; c < width; c++) columns.push({ display: range.display.map((r) => r[c] ?? ""), values: range.values.map((r) => r[c]) });
  }
  if (columns.length < 2) return null;
  const [domain, ...rest] = columns;
  const headers =
    record.numHeaders >= 0 ? record.numHeaders : rest.every((col) => typeof col.values[0] !== "number") ? 1 : 0;
  const title = record.options.title;
  return {
    kind,
    title: typeof title === "string" ? title : "",
    labels: domain.display.slice(headers),
    series: rest.map((col, i) => ({
      name: headers > 0 ? col.display[0] : `Series ${i + 1}`,
      values: col.values.slice(headers).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
    })),
  };
}
