// Reads what the team typed into an existing KPI Summary (period choice, unit economics, goals) before it is rewritten, found by labels, not positions.
import { DEFAULT_PRESET, presetNamed } from "../../kpi/definitions/periods";
import type { SheetApi, SheetValue } from "../apps-script-api";
import { spreadsheetApp } from "../services";
import { SUMMARY_SHEET_NAME } from "./layout";
import type { GoalRow } from "./goal-types";
import { goalFromCells, GOALS_TITLE } from "./goals-block";
import { PERIOD_LABELS, type PeriodInputs } from "./period-block";
import { DEFAULT_UNIT_ECONOMICS, UNIT_LABELS, type UnitEconomicsInputs } from "./unit-economics-block";
import { CHANNELS_TITLE } from "./channel-block";
import { MONTHS_TITLE } from "./month-block";
import { COHORTS_TITLE } from "./cohort-block";

export interface PreservedInputs {
  period: PeriodInputs | null;
  unitEconomics: UnitEconomicsInputs;
  goals: GoalRow[];
}

/** Titles of goals tables this version and older ones wrote. */
const GOAL_TITLES = new Set([GOALS_TITLE, "Goals: type KPI, baseline, target, start, end, curve and direction; the rest is computed"]);
const TITLES_AFTER_GOALS = new Set([CHANNELS_TITLE, MONTHS_TITLE, COHORTS_TITLE]);

/** The cell `offset` columns right of the first cell holding `label` (trimmed, any column), or undefined. */
function rightOf(values: readonly SheetValue[][], label: string, offset = 1): SheetValue | undefined {
  for (const row of values) {
    const i = row.findIndex((v) => typeof v === "string" && v.trim() === label);
    if (i >= 0) return row[i + offset];
  }
  return undefined;
}

const numberOr = (value: SheetValue | undefined, fallback: number | null): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : value === "" ? null : fallback;

/** Everything the team typed, from one read of the old sheet; a foreign layout (no labels) gives the defaults. */
export function readPreservedInputs(sheet: SheetApi | null): PreservedInputs {
  if (!sheet || sheet.getLastRow() === 0) return { period: null, unitEconomics: { ...DEFAULT_UNIT_ECONOMICS }, goals: [] };
  const values = sheet.getDataRange().getValues();
  return { period: readPeriod(values), unitEconomics: readUnitEconomics(values), goals: readGoalRows(values) };
}

function readPeriod(values: readonly SheetValue[][]): PeriodInputs | null {
  const preset = rightOf(values, PERIOD_LABELS.preset);
  if (preset === undefined) return null;
  return {
    // Older summaries' preset names map to today's ("Last 90 days" → "Last 90 days of data"); anything else to the default.
    preset: presetNamed(preset) ?? DEFAULT_PRESET,
    customStart: rightOf(values, PERIOD_LABELS.customStart) ?? "",
    customEnd: rightOf(values, PERIOD_LABELS.customEnd) ?? "",
  };
}

function readUnitEconomics(values: readonly SheetValue[][]): UnitEconomicsInputs {
  if (rightOf(values, UNIT_LABELS.arpa) === undefined) return { ...DEFAULT_UNIT_ECONOMICS };
  const d = DEFAULT_UNIT_ECONOMICS;
  const margin = rightOf(values, UNIT_LABELS.grossMargin);
  return {
    arpa: numberOr(rightOf(values, UNIT_LABELS.arpa), d.arpa),
    grossMargin: numberOr(margin, d.grossMargin),
    churn: numberOr(rightOf(values, UNIT_LABELS.churn), d.churn),
    ltvCacBenchmark: numberOr(rightOf(values, UNIT_LABELS.ltvCac, 2), d.ltvCacBenchmark) ?? d.ltvCacBenchmark,
    paybackBenchmark: numberOr(rightOf(values, UNIT_LABELS.payback, 2), d.paybackBenchmark) ?? d.paybackBenchmark,
  };
}

function readGoalRows(values: readonly SheetValue[][]): GoalRow[] {
  const titleIndex = values.findIndex((row) => typeof row[0] === "string" && GOAL_TITLES.has(row[0]));
  const headers = values[titleIndex + 1];
  if (titleIndex < 0 || headers?.[0] !== "KPI") return [];
  const goals: GoalRow[] = [];
  for (let i = titleIndex + 2; i < values.length; i++) {
    const first = values[i][0];
    if (typeof first === "string" && TITLES_AFTER_GOALS.has(first)) break;
    const goal = goalFromCells(values[i], headers);
    if (goal) goals.push(goal);
  }
  return goals;
}

/** The goals currently in the document's summary sheet, for the wizard. */
export function readGoals(): GoalRow[] {
  return readPreservedInputs(spreadsheetApp().getActiveSpreadsheet().getSheetByName(SUMMARY_SHEET_NAME)).goals;
}
