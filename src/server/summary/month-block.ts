// The per-month table over all dates: totals and ratios per month, cohort conversion for one-row-per-lead data, partial months marked.
import { MONTH_TABLE_WINDOW, OPEN_WINDOW } from "../../kpi/funnel/cohort-report";
import type { InputName } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, f, FORMAT, ref } from "./block";
import { NA, textLiteral } from "./compile-formula";
import { DataRanges, type SummaryTotals } from "./data-ranges";
import type { PeriodCells } from "./period-block";
import { type ExtraColumn, type SegmentCells, segmentBlock } from "./segment-block";

export const MONTHS_TITLE = "Per month: all dates";
export const COHORT_COLUMN = `Converted within ${MONTH_TABLE_WINDOW} days (cohort)`;
export const LABEL_COLUMN = "Month label";
export const NOTE_COLUMN = "Note";
export const PARTIAL_MONTH = "partial month";
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface MonthCells extends SegmentCells {
  /** "YYYY-MM" of each row. */
  months: string[];
  /** Record-level only: the column of the month's cohort conversion. */
  cohortColumn: number | null;
  noteColumn: number;
  labelColumn: number;
}

/** The share of entrants in [start, end] (serial expressions) whose last stage came at most `days` later. */
export function cohortShareFormula(data: DataRanges, monthCell: string, days: number, enteredCell: string, latestCell: string): string {
  const first = data.firstStage;
  const last = data.lastStage;
  const reached = `${data.reachedFactor(data.firstStageKey)}${data.reachedFactor(data.lastStageKey)}`;
  const converted = `SUMPRODUCT((${first}>=${monthCell})*(${first}<EOMONTH(${monthCell}, 0)+1)*(${last}>=${first})*(${last}-${first}<=${days})${reached})`;
  return `IF(EOMONTH(${monthCell}, 0)+${days}>${latestCell}, ${textLiteral(OPEN_WINDOW)}, IF(N(${enteredCell})>0, ${converted}/${enteredCell}, ${NA}))`;
}

export function monthBlock(
  origin: CellRef,
  inputs: { months: readonly string[]; metrics: readonly SummaryMetric[]; data: SummaryTotals; period: PeriodCells; inputCell(name: InputName): string },
): { block: Block; cells: MonthCells } {
  // Cohorts follow one record from its first stage to its last: one sheet of records has them, sources joined by channel do not.
  const records = inputs.data instanceof DataRanges && inputs.data.recordLevel ? inputs.data : null;
  const recordLevel = records !== null;
  // A month's last stage ÷ its first stage mixes different people's months; for leads the cohort rate replaces it.
  const metrics = inputs.metrics.filter((m) => m.places.includes("months") && !(recordLevel && m.unit === "rate"));
  const keyCell = (row: number): string => a1(row, origin.column, true);
  const latest = ref(inputs.period.latest);
  const earliest = ref(inputs.period.earliest);
  const firstCount = metrics.find((m) => m.formula.op === "count");
  const extra: ExtraColumn[] = [];
  if (records !== null && firstCount) {
    extra.push({
      header: COHORT_COLUMN, format: FORMAT.rate,
      cell: (row, cellOf) => f(cohortShareFormula(records, keyCell(row), MONTH_TABLE_WINDOW, cellOf(firstCount.key), latest)),
    });
  }
  const noteColumnHeader = NOTE_COLUMN;
  extra.push({
    header: noteColumnHeader, format: "",
    cell: (row) => f(`IF(OR(EOMONTH(${keyCell(row)}, 0)>${latest}, ${keyCell(row)}<${earliest}), ${textLiteral(PARTIAL_MONTH)}, "")`),
  });
  // The month's name is written, not TEXT(..., "mmm yyyy"): month-name codes are not read alike by every engine.
  const rowMonth = new Map<number, string>();
  extra.push({
    header: LABEL_COLUMN, format: "",
    cell: (row, cellOf) => f(`${textLiteral(rowMonth.get(row) ?? "")}&IF(${cellOf(noteColumnHeader)}<>"", " (partial)", "")`),
  });
  const starts = inputs.months.map((m, i) => {
    const [y, mm] = m.split("-").map(Number);
    rowMonth.set(origin.row + 2 + i, `${MONTH_NAMES[mm - 1]} ${y}`);
    return new Date(y, mm - 1, 1);
  });
  const { block, cells } = segmentBlock({
    origin, title: MONTHS_TITLE, keyHeader: "Month", keys: starts, keyFormat: FORMAT.month,
    metrics, allMetrics: inputs.metrics, data: inputs.data,
    window: (row) => ({ start: keyCell(row), end: `EOMONTH(${keyCell(row)}, 0)` }),
    slice: () => null,
    validCell: null,
    inputCell: inputs.inputCell,
    extraColumns: extra,
  });
  return {
    block,
    cells: { ...cells, months: [...inputs.months], cohortColumn: cells.columns[COHORT_COLUMN] ?? null, noteColumn: cells.columns[NOTE_COLUMN], labelColumn: cells.columns[LABEL_COLUMN] },
  };
}
