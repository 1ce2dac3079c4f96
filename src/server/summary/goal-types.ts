// A goal as the team types it into the summary sheet's goals table, and as the wizard sends it.
import type { GoalBasis } from "../../kpi/definitions/goal-basis";

export type GoalCurve = "linear" | "compound";
export type GoalDirection = "up" | "down";
export type { GoalBasis } from "../../kpi/definitions/goal-basis";

export interface GoalRow {
  /** A KPI named as in the goals table's dropdown: "Spend", a stage name, "CAC (cost per customer)", "Revenue"... */
  kpi: string;
  /** What the actual is measured over: totals since the start, or a daily rate. */
  basis: GoalBasis;
  baseline: number | null;
  target: number | null;
  /** ISO dates "YYYY-MM-DD". */
  start: string | null;
  end: string | null;
  curve: GoalCurve;
  direction: GoalDirection;
}
