// What a block asks for beyond values and formats: dropdowns, date checks, conditional colours and charts, as data applied on commit.
import type { CellRef } from "./block";

export interface Area extends CellRef {
  numRows: number;
  numColumns: number;
}

export const area = (row: number, column: number, numRows = 1, numColumns = 1): Area => ({ row, column, numRows, numColumns });

export type Validation =
  | { kind: "list"; area: Area; values: readonly string[]; allowInvalid: boolean }
  | { kind: "date"; area: Area; helpText: string };

export type ColourRule =
  | { kind: "text"; area: Area; text: string; background: string }
  | { kind: "gradient"; area: Area; min: string; max: string }
  /** A number above (or below) a threshold: the scorecard's changes, green or red by the metric's better direction. */
  | { kind: "number"; area: Area; when: "above" | "below"; threshold: number; fontColor: string; background: string };

/** Good and bad as the summary colours them (Sheets' own green and red conditional-format presets). */
export const GOOD = { fontColor: "#137333", background: "#e6f4ea" } as const;
export const BAD = { fontColor: "#a50e0e", background: "#fce8e6" } as const;

export interface ChartSpec {
  /** Types Sheets draws well from a few ranges: bars for stages and channels, a pie for shares, columns and lines over months. */
  type: "BAR" | "COLUMN" | "LINE" | "PIE";
  /** Ranges in order: categories first, then the series. */
  ranges: readonly Area[];
  anchor: CellRef;
  title: string;
  hideLegend: boolean;
  /** Pixels; Sheets' default is 600 × 371. The planner keeps the rows under a chart free of other blocks. */
  width?: number;
  height?: number;
  /** Further EmbeddedChartBuilder options, by Sheets' names ("hAxis", "pieHole", "isStacked", "colors", "series"). */
  options?: Readonly<Record<string, unknown>>;
}

/** A column's width in pixels, and rows whose height the summary sets (a large number, a sparkline). */
export interface ColumnWidth {
  column: number;
  width: number;
}

export interface RowHeight {
  row: number;
  height: number;
}

export interface Decorations {
  validations: Validation[];
  colours: ColourRule[];
  charts: ChartSpec[];
  rowHeights: RowHeight[];
}

export const noDecorations = (): Decorations => ({ validations: [], colours: [], charts: [], rowHeights: [] });

export function mergeDecorations(...parts: readonly Partial<Decorations>[]): Decorations {
  const out = noDecorations();
  for (const p of parts) {
    out.validations.push(...(p.validations ?? []));
    out.colours.push(...(p.colours ?? []));
    out.charts.push(...(p.charts ?? []));
    out.rowHeights.push(...(p.rowHeights ?? []));
  }
  return out;
}

/** The rows a chart covers from its anchor, at Sheets' default 21 px a row (rows that grow only give it more room). */
export function chartRows(chart: ChartSpec): number {
  return Math.ceil((chart.height ?? 371) / 21) + 1;
}
