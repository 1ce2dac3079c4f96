// A table with one row per segment (a channel, a month) and one column per metric: totals from the data, ratios from the row's own cells.
import type { Expr, InputName } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, f, type SheetCell } from "./block";
import { compileMetric, type FormulaEnv, NA } from "./compile-formula";
import type { ChannelSlice, SummaryTotals, Window } from "./data-ranges";

/** A column computed by the block's owner, after the metric columns: the month table's cohort conversion and note. */
export interface ExtraColumn {
  header: string;
  format: string;
  /** The formula (or value) for a segment row, given the row and the cell of each metric in it. */
  cell(row: number, metricCell: (key: string) => string): SheetCell;
  /** The remainder row's cell, when there is one. */
  otherCell?: SheetCell;
}

export interface SegmentSpec {
  origin: CellRef;
  title: string;
  keyHeader: string;
  keys: readonly SheetCell[];
  keyFormat: string;
  /** In column order. */
  metrics: readonly SummaryMetric[];
  /** Every metric a column's formula may name (the share of spend names spend). */
  allMetrics: readonly SummaryMetric[];
  data: SummaryTotals;
  window(row: number): Window;
  slice(row: number, index: number): ChannelSlice | null;
  /** A cell that is TRUE while the window is usable; null when it always is. */
  validCell: string | null;
  /** A condition a row's window must also meet to be counted (the trend's windows: inside the data); n/a otherwise. */
  rowValid?(row: number): string | null;
  /** For shares: the cell holding the whole's value of a metric in the same window. */
  wholeCell?(key: string): string;
  inputCell(name: InputName): string;
  /** After the listed segments, one row for the rest: each total is the whole's minus the listed rows'. */
  other?: { label: string; wholeCell(key: string): string };
  extraColumns?: readonly ExtraColumn[];
}

export interface SegmentCells {
  /** Sheet row of each segment, in the order given. */
  rows: number[];
  /** The row of the remainder ("Other"), when there is one. */
  otherRow: number | null;
  /** Column of each metric by key, and of each extra column by header. */
  columns: Record<string, number>;
  keyColumn: number;
  headerRow: number;
}

export function segmentBlock(spec: SegmentSpec): { block: Block; cells: SegmentCells } {
  const { origin } = spec;
  const columns: Record<string, number> = {};
  let next = origin.column + 1;
  for (const m of spec.metrics) columns[m.key] = next++;
  for (const extra of spec.extraColumns ?? []) columns[extra.header] = next++;
  const width = next - origin.column;
  const blank = (): string[] => Array.from({ length: width }, () => "");
  const title = blank();
  title[0] = spec.title;
  const headers: SheetCell[] = [spec.keyHeader, ...spec.metrics.map((m) => m.label), ...(spec.extraColumns ?? []).map((e) => e.header)];
  const cells: SheetCell[][] = [title, headers];
  const formats: string[][] = [blank(), blank()];
  const first = origin.row + 2;
  const rows = spec.keys.map((_, i) => first + i);
  const otherRow = spec.other ? first + spec.keys.length : null;
  const cellIn = (row: number) => (key: string): string => {
    const column = columns[key];
    if (column === undefined) throw new Error(`no ${key} column in "${spec.title}"`);
    return a1(row, column);
  };
  const guardFor = (row: number) => (formula: string): string => {
    const conditions = [spec.validCell, spec.rowValid?.(row) ?? null].filter((c): c is string => c !== null);
    if (conditions.length === 0) return formula;
    return `IF(${conditions.length === 1 ? conditions[0] : `AND(${conditions.join(", ")})`}, ${formula}, ${NA})`;
  };

  const rowEnv = (row: number, index: number | null): FormulaEnv => {
    const here = cellIn(row);
    const window = spec.window(row);
    const slice = index === null ? null : spec.slice(row, index);
    const guard = guardFor(row);
    const remainder = (key: string): string => {
      const wholeCell = spec.other?.wholeCell(key) ?? NA;
      const listed = `SUM(${a1(first, columns[key])}:${a1(first + spec.keys.length - 1, columns[key])})`;
      return `IF(ISNUMBER(${wholeCell}), ${wholeCell}-${listed}, ${NA})`;
    };
    return {
      sum: (measure) => (index === null ? remainder(measure) : guard(spec.data.sum(measure, window, slice))),
      count: (stage) => (index === null ? remainder(`count_${stage}`) : guard(spec.data.count(stage, window, slice))),
      metricCell: (key) => (columns[key] === undefined ? null : here(key)),
      whole: (expr: Expr) => {
        if (expr.op !== "metric" || spec.wholeCell === undefined) throw new Error(`"${spec.title}" has no whole for this share`);
        return spec.wholeCell(expr.key);
      },
      input: spec.inputCell,
      metrics: spec.allMetrics,
    };
  };

  const line = (row: number, key: SheetCell, index: number | null): SheetCell[] => {
    const env = rowEnv(row, index);
    const values: SheetCell[] = [key, ...spec.metrics.map((m) => f(compileMetric(m, env)))];
    for (const extra of spec.extraColumns ?? []) values.push(index === null ? (extra.otherCell ?? "") : extra.cell(row, cellIn(row)));
    return values;
  };
  const rowFormats = [spec.keyFormat, ...spec.metrics.map((m) => m.format), ...(spec.extraColumns ?? []).map((e) => e.format)];
  spec.keys.forEach((key, i) => {
    cells.push(line(rows[i], key, i));
    formats.push([...rowFormats]);
  });
  if (spec.other && otherRow !== null) {
    cells.push(line(otherRow, spec.other.label, null));
    formats.push(["", ...rowFormats.slice(1)]);
  }
  return {
    block: { row: origin.row, column: origin.column, cells, formats, titleRows: [0], headerRows: [1] },
    cells: { rows, otherRow, columns, keyColumn: origin.column, headerRow: origin.row + 1 },
  };
}
