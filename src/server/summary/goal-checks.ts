// Refuses a goal the summary could not measure (no target, no dates, end before start, a KPI the funnel lacks), naming the goal and the field.
import { DEFAULT_GOAL_BASIS, goalBasisNamed } from "../../kpi/definitions/goal-basis";
import type { MetricContext, SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { UserFacingError } from "../data-sheet";
import { resolveGoalKpi } from "./goal-kpis";
import type { GoalRow } from "./goal-types";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDay(text: string | null): text is string {
  if (text === null || !ISO.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The first problem of a goal as the wizard sends it, or null. */
export function goalProblem(goal: unknown, metrics: readonly SummaryMetric[], ctx: MetricContext): string | null {
  if (goal === null || typeof goal !== "object") return "is not a goal";
  const g = goal as Partial<GoalRow>;
  if (typeof g.kpi !== "string" || g.kpi.trim() === "") return "choose a KPI";
  if (resolveGoalKpi(g.kpi, metrics, ctx) === null) return `"${g.kpi}" is not a KPI of this funnel; choose one from the list`;
  if (g.basis !== undefined && goalBasisNamed(g.basis) === null) return `basis "${String(g.basis)}" is neither "since start" nor "per day"`;
  if (typeof g.baseline !== "number" || !Number.isFinite(g.baseline)) return "enter a baseline: where the KPI stands at the start";
  if (typeof g.target !== "number" || !Number.isFinite(g.target)) return "enter a target";
  if (!isIsoDay(g.start ?? null)) return "enter a start date";
  if (!isIsoDay(g.end ?? null)) return "enter an end date";
  if ((g.end as string) < (g.start as string)) return `the end (${g.end}) is before the start (${g.start})`;
  if (g.curve !== "linear" && g.curve !== "compound") return "choose a linear or compound curve";
  if (g.direction !== "up" && g.direction !== "down") return "choose whether up or down is better";
  return null;
}

/** Throws for the first refused goal, with the goal's number and KPI, so the wizard can show it beside that goal. */
export function checkGoals(goals: unknown, metrics: readonly SummaryMetric[], ctx: MetricContext): asserts goals is GoalRow[] {
  if (!Array.isArray(goals)) throw new UserFacingError("goals", "Goals: expected a list of goals");
  goals.forEach((goal, i) => {
    const problem = goalProblem(goal, metrics, ctx);
    if (problem !== null) {
      const kpi = typeof (goal as { kpi?: unknown })?.kpi === "string" ? ` (${(goal as { kpi: string }).kpi})` : "";
      throw new UserFacingError(`goal:${i}`, `Goal ${i + 1}${kpi}: ${problem}`);
    }
  });
}

/** A goal from an older wizard, without a basis, is measured since its start as it was then. */
export function withBasis(goal: GoalRow): GoalRow {
  return { ...goal, basis: goalBasisNamed(goal.basis) ?? DEFAULT_GOAL_BASIS };
}
