// Turns a metric's expression tree into a native formula, given where its totals, other metrics and inputs are: small and deterministic.
import type { Expr, InputName, Measure } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";

/** What a formula shows where src/kpi gives a reason instead of a number. */
export const NOT_AVAILABLE = "n/a";
export const NA = `"${NOT_AVAILABLE}"`;

/** Where things are for one cell's formula. */
export interface FormulaEnv {
  /** The total of an amount column here: a cell holding it or a SUMIFS. */
  sum(measure: Measure): string;
  /** A stage's count here. */
  count(stage: string): string;
  /** A cell already holding that metric here, or null to inline its formula. */
  metricCell(key: string): string | null;
  /** The expression over the whole data in the same window (for shares). */
  whole(expr: Expr): string;
  /** The cell a team-entered value is typed into. */
  input(name: InputName): string;
  /** The metrics a `metric` node may name. */
  metrics: readonly SummaryMetric[];
}

/** A string literal inside a formula: quotes doubled, so no text can end it early. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Whether an expression can stand as an operand without brackets: a reference, a number, a name or one whole function call. */
function isAtom(expr: string): boolean {
  if (/^[$A-Za-z0-9_.!']+$/.test(expr)) return true;
  const open = expr.indexOf("(");
  if (open <= 0 || !expr.endsWith(")") || !/^[A-Za-z_.]+$/.test(expr.slice(0, open))) return false;
  let depth = 0;
  let quoted = false;
  for (let i = open; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === "(") depth++;
    if (c === ")" && --depth === 0) return i === expr.length - 1;
  }
  return false;
}

export const operand = (expr: string): string => (isAtom(expr) ? expr : `(${expr})`);

function guarded(conditions: string[], value: string): string {
  return `IF(AND(${conditions.join(", ")}), ${value}, ${NA})`;
}

export function compileExpr(expr: Expr, env: FormulaEnv, inlining: readonly string[] = []): string {
  const sub = (e: Expr): string => compileExpr(e, env, inlining);
  switch (expr.op) {
    case "sum":
      return env.sum(expr.measure);
    case "count":
      return env.count(expr.stage);
    case "input": {
      const cell = env.input(expr.name);
      return guarded([`ISNUMBER(${cell})`, `N(${cell})>=${expr.min}`, `N(${cell})<=${expr.max}`], cell);
    }
    case "whole":
      return env.whole(expr.of);
    case "metric": {
      const cell = env.metricCell(expr.key);
      if (cell !== null) return cell;
      const target = env.metrics.find((m) => m.key === expr.key);
      if (target === undefined) throw new Error(`no summary metric ${expr.key} to refer to`);
      if (inlining.includes(expr.key)) throw new Error(`summary metric ${expr.key} refers to itself`);
      return compileExpr(target.formula, env, [...inlining, expr.key]);
    }
    case "ratio": {
      const n = sub(expr.num);
      const d = sub(expr.den);
      const conditions = [`ISNUMBER(${n})`, `ISNUMBER(${d})`, `N(${d})>0`];
      if (expr.nonNegativeNumerator) conditions.push(`N(${n})>=0`);
      const value = `${operand(n)}/${operand(d)}${expr.scale === 1 ? "" : `*${expr.scale}`}`;
      return guarded(conditions, value);
    }
    case "conversion": {
      const p = sub(expr.part);
      const w = sub(expr.whole);
      return guarded([`ISNUMBER(${p})`, `ISNUMBER(${w})`, `N(${w})>0`, `N(${p})>=0`, `N(${p})<=N(${w})`], `${operand(p)}/${operand(w)}`);
    }
    case "difference": {
      const a = sub(expr.left);
      const b = sub(expr.right);
      return guarded([`ISNUMBER(${a})`, `ISNUMBER(${b})`], `${operand(a)}-${operand(b)}`);
    }
    case "product": {
      const a = sub(expr.left);
      const b = sub(expr.right);
      return guarded([`ISNUMBER(${a})`, `ISNUMBER(${b})`], `${operand(a)}*${operand(b)}`);
    }
  }
}

/** A metric's formula in one cell. */
export function compileMetric(metric: SummaryMetric, env: FormulaEnv): string {
  return compileExpr(metric.formula, env, [metric.key]);
}

/** (current − previous) ÷ previous, the catalogue's GROWTH_RATE: n/a when previous is not above 0. */
export function growthFormula(current: string, previous: string): string {
  return guarded([`ISNUMBER(${current})`, `ISNUMBER(${previous})`, `N(${previous})>0`], `(${current}-${previous})/${previous}`);
}
