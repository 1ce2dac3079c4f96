// The shape of one catalogue entry: everything Sheets, the docs, the formula engine and the sidebar need to know.
import type { CellInput, CellOutput } from "../cells";

/**
 * How an argument is read. `amount` and `count` are totalled over a range (counts may not be negative);
 * `number` and `rate` are single values; `range` is handed over cell by cell (scores, keys, dates).
 */
export type ArgKind = "amount" | "count" | "number" | "rate" | "date" | "text" | "range";

export interface ArgSpec {
  /** The parameter name shown in Sheets' argument help, snake_case. */
  name: string;
  kind: ArgKind;
  description: string;
  optional?: boolean;
  /** The value an omitted or blank optional argument takes, as shown in the docs. */
  defaultValue?: number | string;
  /** The last argument may be given any number of times (KPI_BY's KPI arguments). */
  repeating?: boolean;
}

/** Rows × columns of an argument (a scalar is 1 × 1) or of a spilled result. */
export interface Shape {
  rows: number;
  columns: number;
}

export type ExampleCell = number | string;

export interface Example {
  /** A formula a user can type, with literal values or inline arrays, e.g. `=CAC(12000, 80)`. */
  formula: string;
  /** What the formula shows: a number, text, or the rows it spills. Tests evaluate every example. */
  result: ExampleCell | ExampleCell[][];
  explanation: string;
}

export type Category = "Acquisition" | "Conversion" | "Customer value" | "Return on spend" | "Retention"
  | "Satisfaction" | "Growth and share" | "Funnel" | "Goals" | "Predictive CLV";

export interface CatalogueEntry {
  name: string;
  category: Category;
  /** One line, shown in Sheets' autocomplete. */
  summary: string;
  /** The definition in words, e.g. "total spend ÷ new customers". */
  formula: string;
  /** Where the definition comes from. */
  source: string;
  args: readonly ArgSpec[];
  returns: { kind: "number" | "rate" | "text" | "table"; description: string };
  examples: readonly Example[];
  /** Edge cases and caveats worth reading before use. */
  notes?: readonly string[];
  /** Computes the result from raw arguments as Sheets passes them (omitted ones are `undefined`). */
  run(args: readonly CellInput[]): CellOutput;
  /**
   * For spilling functions: the largest block the result can fill, given each argument's shape. Formula
   * engines that size a spill before computing it (HyperFormula) need this; Sheets does not.
   */
  spillBound?: (shapes: readonly Shape[]) => Shape;
  /** Present on KPIs computable from per-group totals of their arguments, which makes them usable in KPI_BY. */
  fromTotals?: (values: readonly number[]) => number;
}
