// Generates the KPI Summary sheet (being written).
import type { FunnelMapping } from "../mapping/mapping-types";
import type { GoalRow } from "./goal-types";

export interface SummaryReport {
  sheetName: string;
  savedAt: string;
  dataRows: number;
  formulas: number;
  warnings: string[];
}

export function generateSummaryFor(
  _mapping: FunnelMapping, _goals: GoalRow[] | null, _save: (mapping: FunnelMapping) => string,
): SummaryReport {
  throw new Error("generateSummaryFor is being written");
}
