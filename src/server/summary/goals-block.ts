// Reads and writes the goals table of the KPI Summary sheet (being written: see generate-summary.ts).
import type { GoalRow } from "./goal-types";

export function readGoals(): GoalRow[] {
  return [];
}
