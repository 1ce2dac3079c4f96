// The month chart's data and chart: one KPI per month as columns, a partial month in grey and labelled "(partial)", so a one-day month is not read as a collapse.
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, type CellStyle, f, type SheetCell } from "./block";
import { type ChartSpec, chartRows } from "./decorations";
import type { MonthCells } from "./month-block";

export const MONTH_CHART = { width: 640, height: 300 } as const;
export const PARTIAL_SERIES = "Partial month";
const COLOURS = ["#1a73e8", "#bdc1c6"];

export interface MonthChartCells {
  rows: number[];
  completeColumn: number;
  partialColumn: number;
  /** The first row below the chart. */
  bottom: number;
}

export function monthChartTitle(metric: SummaryMetric): string {
  return `${metric.label} per month (grey: a partial month)`;
}

/**
 * Two series stacked, each month in exactly one: complete months in blue, a month the data starts after the
 * 1st of or ends before the last day of in grey. The values are the month table's own cells.
 */
export function monthChartBlock(origin: CellRef, months: MonthCells, metric: SummaryMetric): { block: Block; cells: MonthChartCells; chart: ChartSpec } {
  const c = origin.column;
  const valueColumn = months.columns[metric.key];
  if (valueColumn === undefined) throw new Error(`the month table has no ${metric.key} column`);
  const first = origin.row + 2;
  const rows = months.rows.map((_, i) => first + i);
  const cells: SheetCell[][] = [
    [monthChartTitle(metric), "", ""],
    ["Month", metric.label, PARTIAL_SERIES],
  ];
  const formats: string[][] = [["", "", ""], ["", "", ""]];
  months.rows.forEach((monthRow) => {
    const note = a1(monthRow, months.noteColumn);
    const value = a1(monthRow, valueColumn);
    cells.push([f(`${a1(monthRow, months.labelColumn)}&""`), f(`IF(${note}="", ${value}, "")`), f(`IF(${note}<>"", ${value}, "")`)]);
    formats.push(["", metric.format, metric.format]);
  });
  const chart: ChartSpec = {
    type: "COLUMN",
    ranges: [{ row: origin.row + 1, column: c, numRows: rows.length + 1, numColumns: 3 }],
    anchor: { row: origin.row, column: c + 3 },
    title: monthChartTitle(metric),
    hideLegend: false,
    ...MONTH_CHART,
    options: { isStacked: true, colors: COLOURS, legend: { position: "bottom" } },
  };
  const styles: CellStyle[] = [{ row: 1, column: 1, numColumns: 2, wrap: true }];
  return {
    block: { row: origin.row, column: c, cells, formats, titleRows: [0], headerRows: [1], styles },
    cells: { rows, completeColumn: c + 1, partialColumn: c + 2, bottom: Math.max(first + rows.length, origin.row + chartRows(chart)) },
    chart,
  };
}
