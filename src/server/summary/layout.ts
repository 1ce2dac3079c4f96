// Where things sit on the KPI Summary sheet: its name and the fixed cells that formulas and users refer to.
import { a1 } from "./block";

export const SUMMARY_SHEET_NAME = "KPI Summary";

/** The period selector, top left. Every table's formulas read these cells. */
export const PERIOD = {
  firstRow: 4,
  preset: { row: 4, column: 2 },
  customStart: { row: 4, column: 5 },
  customEnd: { row: 5, column: 5 },
  start: a1(5, 2, true),
  end: a1(6, 2, true),
  previousStart: a1(7, 2, true),
  previousEnd: a1(8, 2, true),
} as const;

/** Team-entered unit economics, top right; ROMI reads the gross margin from here. */
export const UNIT_ECONOMICS = {
  row: 4,
  column: 7,
  arpa: a1(5, 8, true),
  grossMargin: a1(6, 8, true),
  churn: a1(7, 8, true),
  ltv: a1(8, 8, true),
} as const;

/** The headline table starts below both, at a fixed row, so the cells above can refer into it. */
export const HEADLINE_FIRST_ROW = 13;

export const TITLES = {
  headline: "Headline KPIs: the selected period and the one before it",
  funnel: "Funnel: the selected period",
  goals: "Goals: type KPI, baseline, target, start, end, curve and direction; the rest is computed",
  channels: "Per channel: the selected period",
  months: "Per month: all dates",
} as const;
