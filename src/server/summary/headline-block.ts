// The headline table: each headline metric for the selected period and the one before it, with the change and how it is computed.
import { PREVIOUS_EMPTY } from "../../kpi/funnel/headline";
import type { InputName } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, f, FORMAT, ref, type SheetCell } from "./block";
import { compileMetric, type FormulaEnv, growthFormula, NA, textLiteral } from "./compile-formula";
import type { SummaryTotals, Window } from "./data-ranges";
import type { PeriodCells } from "./period-block";

export const HEADLINE_TITLE = "Headline KPIs: the selected period and the one before it";

export interface HeadlineCells {
  /** Metric key → sheet row. */
  rows: Record<string, number>;
  currentColumn: number;
  previousColumn: number;
  changeColumn: number;
  /** TRUE when anything was counted or summed in the previous period. */
  previousHasData: CellRef;
  /** The period's in-progress note, repeated above the numbers it qualifies. */
  partialNote: CellRef;
}

export interface HeadlineInputs {
  metrics: readonly SummaryMetric[];
  data: SummaryTotals;
  period: PeriodCells;
  /** The cells of team-entered values (gross margin for ROMI). */
  inputCell(name: InputName): string;
}

/** The metric formulas of one column: totals over the window (n/a while the period is unusable), other metrics from the same column. */
function columnEnv(inputs: HeadlineInputs, window: Window, column: number, rows: Record<string, number>): FormulaEnv {
  const valid = ref(inputs.period.valid);
  const unlessInvalid = (formula: string): string => `IF(${valid}, ${formula}, ${NA})`;
  return {
    sum: (measure) => unlessInvalid(inputs.data.sum(measure, window)),
    count: (stage) => unlessInvalid(inputs.data.count(stage, window)),
    metricCell: (key) => (rows[key] === undefined ? null : a1(rows[key], column)),
    whole: () => {
      throw new Error("the headline has no whole to share");
    },
    input: inputs.inputCell,
    metrics: inputs.metrics,
  };
}

export function headlineBlock(origin: CellRef, inputs: HeadlineInputs): { block: Block; cells: HeadlineCells } {
  const metrics = inputs.metrics.filter((m) => m.places.includes("headline"));
  const column = origin.column;
  const [currentColumn, previousColumn, changeColumn] = [column + 1, column + 2, column + 3];
  const first = origin.row + 3;
  const rows: Record<string, number> = {};
  metrics.forEach((m, i) => {
    rows[m.key] = first + i;
  });
  const previousHasData: CellRef = { row: origin.row + 1, column: currentColumn };
  const p = inputs.period;
  const current = columnEnv(inputs, { start: ref(p.start), end: ref(p.end) }, currentColumn, rows);
  const previous = columnEnv(inputs, { start: ref(p.previousStart), end: ref(p.previousEnd) }, previousColumn, rows);
  const valid = ref(p.valid);
  const flag = ref(previousHasData);
  const bases = metrics.filter((m) => m.additive).map((m) => `N(${a1(rows[m.key], previousColumn)})<>0`);

  const cells: SheetCell[][] = [
    [HEADLINE_TITLE, "", "", "", ""],
    // Flagged where the numbers are read: an empty previous period, and a period still in progress.
    ["Previous period has data", f(`OR(${bases.join(", ")})`), "",
      f(`IF(AND(${valid}, NOT(${flag})), "The previous period has no data, so no change is shown", "")`), f(`${ref(p.partial)}&""`)],
    ["KPI", "This period", "Previous period", "Change", "How it is computed"],
  ];
  const formats: string[][] = [["", "", "", "", ""], ["", "", "", "", ""], ["", "", "", "", ""]];
  const notes: string[][] = [["", "", "", "", ""], ["", "Whether anything was counted or summed in the previous period.", "", "", ""], ["", "", "", "", ""]];
  for (const m of metrics) {
    const row = rows[m.key];
    const now = a1(row, currentColumn);
    const before = a1(row, previousColumn);
    const change = `IF(NOT(${valid}), ${NA}, IF(NOT(${flag}), ${textLiteral(PREVIOUS_EMPTY)}, ${growthFormula(now, before)}))`;
    cells.push([m.label, f(compileMetric(m, current)), f(compileMetric(m, previous)), f(change), m.how]);
    formats.push(["", m.format, m.format, FORMAT.rate, ""]);
    notes.push(["", m.how, m.how, "(This period − previous) ÷ previous (GROWTH_RATE); n/a when the previous value is 0 or n/a.", ""]);
  }
  return {
    block: { row: origin.row, column, cells, formats, notes, titleRows: [0], headerRows: [2], fits: [{ column: changeColumn - column, text: PREVIOUS_EMPTY }] },
    cells: { rows, currentColumn, previousColumn, changeColumn, previousHasData, partialNote: { row: origin.row + 1, column: changeColumn + 1 } },
  };
}
