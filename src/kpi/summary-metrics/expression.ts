// The summary metrics' native formulas as small expression trees: what is summed or counted and how the totals combine, no syntax.

/** An amount column of the data, totalled over a window (and a slice such as a channel). */
export type Measure = "spend" | "revenue";

/** A number the team types into the summary (unit economics), bounded where the definition needs it. */
export type InputName = "grossMargin";

export type Expr =
  /** Total of an amount column over the window. */
  | { op: "sum"; measure: Measure }
  /** A stage's count over the window: its column's total (aggregated) or the rows dated in it (record-level). */
  | { op: "count"; stage: string }
  /** num ÷ den × scale; undefined when den ≤ 0 (and when num < 0 if `nonNegativeNumerator`). */
  | { op: "ratio"; num: Expr; den: Expr; scale: number; nonNegativeNumerator: boolean }
  /** part ÷ whole as a rate: undefined when whole ≤ 0, part < 0 or part > whole. */
  | { op: "conversion"; part: Expr; whole: Expr }
  | { op: "difference"; left: Expr; right: Expr }
  | { op: "product"; left: Expr; right: Expr }
  /** Another metric of the table, over the same window and slice. */
  | { op: "metric"; key: string }
  /** The expression over the same window but the whole data (a channel's share of all spend). */
  | { op: "whole"; of: Expr }
  /** A value typed into the summary; undefined outside [min, max]. */
  | { op: "input"; name: InputName; min: number; max: number };

export const sum = (measure: Measure): Expr => ({ op: "sum", measure });
export const count = (stage: string): Expr => ({ op: "count", stage });
export const ratio = (num: Expr, den: Expr, options: { scale?: number; nonNegativeNumerator?: boolean } = {}): Expr =>
  ({ op: "ratio", num, den, scale: options.scale ?? 1, nonNegativeNumerator: options.nonNegativeNumerator ?? false });
export const conversion = (part: Expr, whole: Expr): Expr => ({ op: "conversion", part, whole });
export const difference = (left: Expr, right: Expr): Expr => ({ op: "difference", left, right });
export const product = (left: Expr, right: Expr): Expr => ({ op: "product", left, right });
export const metric = (key: string): Expr => ({ op: "metric", key });
export const whole = (of: Expr): Expr => ({ op: "whole", of });
export const input = (name: InputName, min: number, max: number): Expr => ({ op: "input", name, min, max });

/** What a formula reads from the data or the sheet: "spend", "revenue", "stage:<key>", "input:grossMargin", "metric:<key>". */
export function leavesOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.op) {
    case "sum": into.add(expr.measure); break;
    case "count": into.add(`stage:${expr.stage}`); break;
    case "input": into.add(`input:${expr.name}`); break;
    case "metric": into.add(`metric:${expr.key}`); break;
    case "whole": leavesOf(expr.of, into); break;
    case "ratio": leavesOf(expr.num, into); leavesOf(expr.den, into); break;
    case "conversion": leavesOf(expr.part, into); leavesOf(expr.whole, into); break;
    case "difference":
    case "product": leavesOf(expr.left, into); leavesOf(expr.right, into); break;
  }
  return into;
}

/** A canonical text of the tree, to tell two metrics that would show the same number apart from two that differ. */
export function exprSignature(expr: Expr): string {
  return JSON.stringify(expr);
}
