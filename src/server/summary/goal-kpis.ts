// The KPIs a goal can track, with the direction that is better for each: one list for the wizard and the goals table.
import type { GoalDirection } from "./goal-types";

export type GoalKpiKind = "spend" | "stage" | "conversion" | "cac" | "cpa" | "revenue" | "roas";

export interface GoalKpiChoice {
  label: string;
  kind: GoalKpiKind;
  /** For a stage count: which stage. */
  stageIndex: number;
  direction: GoalDirection;
}

/** What the funnel maps, which decides what a goal could be measured on. */
export interface GoalKpiContext {
  stageNames: readonly string[];
  hasSpend: boolean;
  hasRevenue: boolean;
}

/** Costs per result get better as they fall; everything else the funnel counts gets better as it grows. */
export function goalDirection(label: string): GoalDirection {
  return ["cac", "cpa"].includes(label.trim().toLowerCase()) ? "down" : "up";
}

/** Goal KPIs in dropdown order, without those needing a column that is not mapped (they could only read n/a). */
export function goalKpiChoices(ctx: GoalKpiContext): GoalKpiChoice[] {
  const choice = (label: string, kind: GoalKpiKind, stageIndex = -1): GoalKpiChoice =>
    ({ label, kind, stageIndex, direction: goalDirection(label) });
  return [
    ...(ctx.hasSpend ? [choice("Spend", "spend")] : []),
    ...ctx.stageNames.map((name, i) => choice(name, "stage", i)).filter((c) => c.label.trim() !== ""),
    choice("Conversion", "conversion"),
    ...(ctx.hasSpend ? [choice("CAC", "cac"), choice("CPA", "cpa")] : []),
    ...(ctx.hasRevenue ? [choice("Revenue", "revenue")] : []),
    ...(ctx.hasSpend && ctx.hasRevenue ? [choice("ROAS", "roas")] : []),
  ];
}
