// The period selector: a preset dropdown anchored to the latest date with data, custom dates, and the start/end cells every table reads.
import { PERIOD_PRESETS, PERIOD_PROBLEMS, type PeriodPreset } from "../../kpi/definitions/periods";
import type { WritableValue } from "../apps-script-api";
import { type Block, type CellRef, f, FORMAT, ref, type SheetCell } from "./block";
import { NA, textLiteral } from "./compile-formula";
import { area, type Decorations } from "./decorations";

export interface PeriodInputs {
  preset: PeriodPreset;
  /** What the team typed: a date, or whatever else it was (kept, and reported as not a date). */
  customStart: WritableValue;
  customEnd: WritableValue;
}

/** Every cell other blocks read from the period selector. */
export interface PeriodCells {
  preset: CellRef;
  customStart: CellRef;
  customEnd: CellRef;
  /** The problem with the choice, or blank. */
  message: CellRef;
  latest: CellRef;
  earliest: CellRef;
  start: CellRef;
  end: CellRef;
  previousStart: CellRef;
  previousEnd: CellRef;
  /** TRUE when start and end are dates; every dependent formula shows n/a otherwise. */
  valid: CellRef;
  /** Why the period is still in progress or runs past the data, or blank. */
  partial: CellRef;
}

export const PERIOD_LABELS = {
  preset: "Period",
  customStart: "Custom start",
  customEnd: "Custom end",
} as const;

const LAST_30: PeriodPreset = "Last 30 days of data";
const LAST_90: PeriodPreset = "Last 90 days of data";
const MONTH: PeriodPreset = "Last complete month";
const QUARTER: PeriodPreset = "Last complete quarter";
const MTD: PeriodPreset = "Month to date";
const YTD: PeriodPreset = "Year to date";
const ALL: PeriodPreset = "All time";
const CUSTOM: PeriodPreset = "Custom";

/** Nested IFs rather than IFS, which older Excel and some engines lack. */
function choose(preset: string, cases: readonly (readonly [PeriodPreset, string])[], otherwise: string): string {
  return cases.reduceRight((rest, [name, value]) => `IF(${preset}=${textLiteral(name)}, ${value}, ${rest})`, otherwise);
}

export function periodBlock(origin: CellRef, inputs: PeriodInputs, dateRanges: readonly string[]): { block: Block; cells: PeriodCells; decorations: Partial<Decorations> } {
  const at = (r: number, c = 1): CellRef => ({ row: origin.row + r, column: origin.column + c });
  const cells: PeriodCells = {
    preset: at(0), message: at(0, 2), customStart: at(1), customEnd: at(2), latest: at(3), earliest: at(4),
    start: at(5), end: at(6), previousStart: at(7), previousEnd: at(8), valid: at(9), partial: at(10),
  };
  const P = ref(cells.preset);
  const CS = ref(cells.customStart);
  const CE = ref(cells.customEnd);
  const L = ref(cells.latest);
  const E = ref(cells.earliest);
  const S = ref(cells.start);
  const EN = ref(cells.end);
  const PS = ref(cells.previousStart);
  const V = ref(cells.valid);
  const ranges = dateRanges.join(", ");
  const known = `OR(${PERIOD_PRESETS.map((p) => `${P}=${textLiteral(p)}`).join(", ")})`;
  const monthEnd = `IF(${L}=EOMONTH(${L}, 0), ${L}, EOMONTH(${L}, -1))`;
  const quarterOfLatest = `EOMONTH(DATE(YEAR(${L}), INT((MONTH(${L})+2)/3)*3, 1), 0)`;
  const quarterEnd = `IF(${L}=${quarterOfLatest}, ${L}, EOMONTH(${quarterOfLatest}, -3))`;
  const isoLatest = `TEXT(${L}, "yyyy-mm-dd")`;
  const unlessInvalid = (formula: string): string => `IF(NOT(${V}), ${NA}, ${formula})`;
  const problem = (text: string): string => textLiteral(text);
  const noDates = `IF(NOT(ISNUMBER(${L})), ${problem(PERIOD_PROBLEMS.noDates)}, "")`;
  const customProblem = `IF(${CS}="", ${problem(PERIOD_PROBLEMS.noCustomStart)}, IF(NOT(ISNUMBER(${CS})), ${problem(PERIOD_PROBLEMS.badCustomStart)}, `
    + `IF(${CE}="", ${problem(PERIOD_PROBLEMS.noCustomEnd)}, IF(NOT(ISNUMBER(${CE})), ${problem(PERIOD_PROBLEMS.badCustomEnd)}, `
    + `IF(INT(${CS})>INT(${CE}), ${problem(PERIOD_PROBLEMS.startAfterEnd)}, ${noDates})))))`;
  const message = `IF(NOT(${known}), ${problem("Pick a period from the list")}, IF(${P}=${textLiteral(CUSTOM)}, ${customProblem}, ${noDates}))`;
  const valid = `AND(${known}, ISNUMBER(${L}), IF(${P}=${textLiteral(CUSTOM)}, AND(ISNUMBER(${CS}), ISNUMBER(${CE}), INT(N(${CS}))<=INT(N(${CE}))), TRUE))`;
  const start = choose(P, [
    [LAST_30, `${L}-29`], [LAST_90, `${L}-89`], [MONTH, `EOMONTH(${monthEnd}, -1)+1`], [QUARTER, `EOMONTH(${quarterEnd}, -3)+1`],
    [MTD, `EOMONTH(${L}, -1)+1`], [YTD, `DATE(YEAR(${L}), 1, 1)`], [ALL, E],
  ], `INT(${CS})`);
  const end = choose(P, [[MONTH, monthEnd], [QUARTER, quarterEnd], [CUSTOM, `INT(${CE})`]], L);
  const previousStart = choose(P, [
    [MONTH, `EOMONTH(${S}-1, -1)+1`], [QUARTER, `EOMONTH(${S}-1, -3)+1`], [MTD, `EOMONTH(${L}, -2)+1`], [YTD, `DATE(YEAR(${L})-1, 1, 1)`],
  ], `${S}-(${EN}-${S}+1)`);
  const lastYearMonth = `DATE(YEAR(${L})-1, MONTH(${L}), 1)`;
  const previousEnd = choose(P, [
    [MTD, `MIN(${PS}+(${L}-${S}), EOMONTH(${PS}, 0))`], [YTD, `MIN(${lastYearMonth}+DAY(${L})-1, EOMONTH(${lastYearMonth}, 0))`],
  ], `${S}-1`);
  const partial = `IF(NOT(${V}), "", `
    + `IF(AND(${P}=${textLiteral(MTD)}, ${L}<EOMONTH(${L}, 0)), "The month is still in progress: the data runs to "&${isoLatest}, `
    + `IF(AND(${P}=${textLiteral(YTD)}, ${L}<DATE(YEAR(${L}), 12, 31)), "The year is still in progress: the data runs to "&${isoLatest}, `
    + `IF(AND(${P}=${textLiteral(CUSTOM)}, ${EN}>${L}), "The period runs past the latest data ("&${isoLatest}&")", ""))))`;

  const rows: SheetCell[][] = [
    [PERIOD_LABELS.preset, inputs.preset, f(message)],
    [PERIOD_LABELS.customStart, inputs.customStart instanceof Date || typeof inputs.customStart === "number" ? inputs.customStart : String(inputs.customStart ?? ""), "Used when the period is Custom"],
    [PERIOD_LABELS.customEnd, inputs.customEnd instanceof Date || typeof inputs.customEnd === "number" ? inputs.customEnd : String(inputs.customEnd ?? ""), ""],
    ["Latest date with data", f(`IF(MAX(${ranges})>0, INT(MAX(${ranges})), ${NA})`), "Presets count back from this day, not from today"],
    ["Earliest date with data", f(`IF(MIN(${ranges})>0, INT(MIN(${ranges})), ${NA})`), ""],
    ["Start", f(unlessInvalid(start)), ""],
    ["End", f(unlessInvalid(end)), ""],
    ["Previous start", f(unlessInvalid(previousStart)), "The period it is compared with"],
    ["Previous end", f(unlessInvalid(previousEnd)), ""],
    ["Period is usable", f(valid), ""],
    ["Note", f(partial), ""],
  ];
  const date = FORMAT.date;
  const formats = rows.map((_, i) => ["", i >= 1 && i <= 8 ? date : "", ""]);
  const block: Block = { row: origin.row, column: origin.column, cells: rows, formats, titleRows: [], headerRows: [] };
  const decorations: Partial<Decorations> = {
    validations: [
      { kind: "list", area: area(cells.preset.row, cells.preset.column), values: PERIOD_PRESETS, allowInvalid: false },
      { kind: "date", area: area(cells.customStart.row, cells.customStart.column, 2, 1), helpText: "A date, e.g. 2025-03-01; start on or before end" },
    ],
  };
  return { block, cells, decorations };
}
