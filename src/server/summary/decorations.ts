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
  | { kind: "gradient"; area: Area; min: string; max: string };

export interface ChartSpec {
  type: "BAR" | "LINE";
  /** Ranges in order: categories first, then the series. */
  ranges: readonly Area[];
  anchor: CellRef;
  title: string;
  hideLegend: boolean;
}

export interface Decorations {
  validations: Validation[];
  colours: ColourRule[];
  charts: ChartSpec[];
}

export const noDecorations = (): Decorations => ({ validations: [], colours: [], charts: [] });

export function mergeDecorations(...parts: readonly Partial<Decorations>[]): Decorations {
  const out = noDecorations();
  for (const p of parts) {
    out.validations.push(...(p.validations ?? []));
    out.colours.push(...(p.colours ?? []));
    out.charts.push(...(p.charts ?? []));
  }
  return out;
}
