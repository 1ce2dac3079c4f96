// One-row-per-lead data: entry month × share converted within 30, 60 and 90 days, as a heat map, and the count of backwards stage dates.
import { COHORT_WINDOWS } from "../../kpi/funnel/cohort-report";
import { type Block, type CellRef, a1, f, FORMAT, ref, type SheetCell } from "./block";
import type { DataRanges } from "./data-ranges";
import { area, type Decorations } from "./decorations";
import { cohortShareFormula } from "./month-block";
import type { PeriodCells } from "./period-block";

export const COHORTS_TITLE = "Cohorts: of those who entered in a month, the share that reached the last stage within 30, 60 and 90 days";
export const BACKWARDS_LABEL = "Records with stage dates out of order";

export interface CohortCells {
  rows: number[];
  months: string[];
  enteredColumn: number;
  /** Window in days → column. */
  windowColumns: Record<number, number>;
}

export function cohortBlock(
  origin: CellRef, months: readonly string[], data: DataRanges, period: PeriodCells,
): { block: Block; cells: CohortCells; decorations: Partial<Decorations> } {
  const c = origin.column;
  const windowColumns: Record<number, number> = {};
  COHORT_WINDOWS.forEach((w, i) => {
    windowColumns[w] = c + 2 + i;
  });
  const header: SheetCell[] = ["Entry month", "Entered", ...COHORT_WINDOWS.map((w) => `Within ${w} days`)];
  const width = header.length;
  const cells: SheetCell[][] = [[COHORTS_TITLE, ...Array.from({ length: width - 1 }, () => "")], header];
  const formats: string[][] = [Array.from({ length: width }, () => ""), Array.from({ length: width }, () => "")];
  const first = origin.row + 2;
  const rows = months.map((_, i) => first + i);
  const latest = ref(period.latest);
  months.forEach((m, i) => {
    const [y, mm] = m.split("-").map(Number);
    const month = a1(rows[i], c, true);
    const entered = a1(rows[i], c + 1, true);
    cells.push([
      new Date(y, mm - 1, 1),
      f(data.count(data.firstStageKey, { start: month, end: `EOMONTH(${month}, 0)` })),
      ...COHORT_WINDOWS.map((w) => f(cohortShareFormula(data, month, w, entered, latest))),
    ]);
    formats.push([FORMAT.month, FORMAT.count, ...COHORT_WINDOWS.map(() => FORMAT.rate)]);
  });
  const decorations: Partial<Decorations> = rows.length === 0 ? {} : {
    colours: [{ kind: "gradient", area: area(first, c + 2, rows.length, COHORT_WINDOWS.length), min: "#ffffff", max: "#57bb8a" }],
  };
  return {
    block: { row: origin.row, column: c, cells, formats, titleRows: [0], headerRows: [1] },
    cells: { rows, months: [...months], enteredColumn: c + 1, windowColumns },
    decorations,
  };
}

/** Any reached stage dated before a reached stage earlier in the funnel, counted live over the data. */
export function backwardsFormula(data: DataRanges, stageKeys: readonly string[]): string {
  const ranges = stageKeys.map((k) => data.stage(k));
  // A stage its status does not reach has no date for this purpose, as in the report.
  const reached = stageKeys.map((k) => data.reachedFactor(k));
  const pairs: string[] = [];
  for (let j = 1; j < ranges.length; j++) {
    for (let i = 0; i < j; i++) pairs.push(`ISNUMBER(${ranges[i]})*ISNUMBER(${ranges[j]})*(${ranges[j]}<${ranges[i]})${reached[i]}${reached[j]}`);
  }
  return `SUMPRODUCT(--((${pairs.join("+")})>0))`;
}

export function qualityBlock(origin: CellRef, data: DataRanges, stageKeys: readonly string[]): { block: Block; cell: CellRef } {
  return {
    block: {
      row: origin.row, column: origin.column,
      cells: [[BACKWARDS_LABEL, f(backwardsFormula(data, stageKeys)), "", "",
        "A stage dated before an earlier stage is a data error; a record whose last stage comes before its first counts as entered, not converted, in the cohorts"]],
      formats: [["", FORMAT.count, "", "", ""]],
    },
    cell: { row: origin.row, column: origin.column + 1 },
  };
}
