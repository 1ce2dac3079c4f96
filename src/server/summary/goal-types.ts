// A goal as the team types it into the summary sheet's goals table, and as the wizard sends it.

export type GoalCurve = "linear" | "compound";
export type GoalDirection = "up" | "down";

export interface GoalRow {
  /** A KPI named as in the goals table's dropdown: "Spend", a stage name, "CAC", "Revenue"... */
  kpi: string;
  baseline: number | null;
  target: number | null;
  /** ISO dates "YYYY-MM-DD". */
  start: string | null;
  end: string | null;
  curve: GoalCurve;
  direction: GoalDirection;
}
