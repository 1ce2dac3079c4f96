// Reads what the team typed into an existing KPI Summary (period choice, unit economics, goals) before it is rewritten.
import type { SheetApi, SheetValue } from "../apps-script-api";
import { spreadsheetApp } from "../services";
import type { GoalRow } from "./goal-types";
import { goalFromCells, GOAL_HEADERS } from "./goals-block";
import { PERIOD, SUMMARY_SHEET_NAME, TITLES, UNIT_ECONOMICS } from "./layout";
import { PERIOD_PRESETS, type PeriodInputs, type PeriodPreset } from "./period-block";
import { DEFAULT_UNIT_ECONOMICS, UNIT_LABELS, type UnitEconomicsInputs } from "./unit-economics-block";

export interface PreservedInputs {
  period: PeriodInputs | null;
  unitEconomics: UnitEconomicsInputs;
  goals: GoalRow[];
}

const cell = (values: readonly SheetValue[][], row: number, column: number): SheetValue | undefined => values[row - 1]?.[column - 1];
const numberOr = (value: SheetValue | undefined, fallback: number | null): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : value === "" ? null : fallback;
const dateOrNull = (value: SheetValue | undefined): Date | null => (value instanceof Date ? value : null);

/** Everything the team typed, from one read of the old sheet; markers are checked so a foreign layout is ignored. */
export function readPreservedInputs(sheet: SheetApi | null): PreservedInputs {
  if (!sheet || sheet.getLastRow() === 0) return { period: null, unitEconomics: { ...DEFAULT_UNIT_ECONOMICS }, goals: [] };
  const values = sheet.getDataRange().getValues();
  return { period: readPeriod(values), unitEconomics: readUnitEconomics(values), goals: readGoalRows(values) };
}

function readPeriod(values: readonly SheetValue[][]): PeriodInputs | null {
  if (cell(values, PERIOD.preset.row, 1) !== "Period") return null;
  const preset = cell(values, PERIOD.preset.row, PERIOD.preset.column);
  if (!PERIOD_PRESETS.includes(preset as PeriodPreset)) return null;
  return {
    preset: preset as PeriodPreset,
    customStart: dateOrNull(cell(values, PERIOD.customStart.row, PERIOD.customStart.column)),
    customEnd: dateOrNull(cell(values, PERIOD.customEnd.row, PERIOD.customEnd.column)),
  };
}

function readUnitEconomics(values: readonly SheetValue[][]): UnitEconomicsInputs {
  const label = UNIT_ECONOMICS.column;
  const value = label + 1;
  if (cell(values, 5, label) !== UNIT_LABELS.arpa) return { ...DEFAULT_UNIT_ECONOMICS };
  const d = DEFAULT_UNIT_ECONOMICS;
  return {
    arpa: numberOr(cell(values, 5, value), d.arpa),
    grossMargin: numberOr(cell(values, 6, value), d.grossMargin),
    churn: numberOr(cell(values, 7, value), d.churn),
    ltvCacBenchmark: numberOr(cell(values, 9, value + 1), d.ltvCacBenchmark) ?? d.ltvCacBenchmark,
    paybackBenchmark: numberOr(cell(values, 10, value + 1), d.paybackBenchmark) ?? d.paybackBenchmark,
  };
}

function readGoalRows(values: readonly SheetValue[][]): GoalRow[] {
  const titleIndex = values.findIndex((row) => row[0] === TITLES.goals);
  if (titleIndex < 0 || values[titleIndex + 1]?.[0] !== GOAL_HEADERS[0]) return [];
  const otherTitles = new Set<unknown>(Object.values(TITLES));
  const goals: GoalRow[] = [];
  for (let i = titleIndex + 2; i < values.length && !otherTitles.has(values[i][0]); i++) {
    const goal = goalFromCells(values[i]);
    if (goal) goals.push(goal);
  }
  return goals;
}

/** The goals currently in the document's summary sheet, for the wizard. */
export function readGoals(): GoalRow[] {
  return readPreservedInputs(spreadsheetApp().getActiveSpreadsheet().getSheetByName(SUMMARY_SHEET_NAME)).goals;
}
