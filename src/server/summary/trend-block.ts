// The scorecard's trend data: each scorecard KPI over the selected period and the 11 windows of the same length before it.
import type { InputName } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, f, FORMAT, ref } from "./block";
import { NA } from "./compile-formula";
import type { SummaryTotals } from "./data-ranges";
import type { PeriodCells } from "./period-block";
import { type SegmentCells, segmentBlock } from "./segment-block";

/** The period itself and the windows before it: a year of 30-day windows under the default preset. */
export const TREND_WINDOWS = 12;
export const TREND_TITLE = `Trend: the selected period and the ${TREND_WINDOWS - 1} windows of the same length before it (for the scorecard)`;
export const WINDOW_END = "Window end";

export interface TrendCells extends SegmentCells {
  /** Sheet rows, oldest window first; the last is the selected period. */
  windowEndColumn: number;
}

export interface TrendInputs {
  metrics: readonly SummaryMetric[];
  allMetrics: readonly SummaryMetric[];
  data: SummaryTotals;
  period: PeriodCells;
  inputCell(name: InputName): string;
}

/**
 * Window k (k = 0 is the period) starts k period-lengths before the period's start and is as long. A window
 * that starts before the earliest date with data is partial, so it shows n/a rather than a cliff; the period
 * itself is always shown, as the headline shows it.
 */
export function trendBlock(origin: CellRef, inputs: TrendInputs): { block: Block; cells: TrendCells } {
  const p = inputs.period;
  const [S, E, V, EARLIEST] = [ref(p.start), ref(p.end), ref(p.valid), ref(p.earliest)];
  const length = `(${E}-${S}+1)`;
  const back = (i: number): number => TREND_WINDOWS - 1 - i;
  const keys = Array.from({ length: TREND_WINDOWS }, (_, i) => f(back(i) === 0 ? `IF(${V}, ${S}, ${NA})` : `IF(${V}, ${S}-${back(i)}*${length}, ${NA})`));
  const first = origin.row + 2;
  const keyCell = (row: number): string => a1(row, origin.column, true);
  const { block, cells } = segmentBlock({
    origin,
    title: TREND_TITLE,
    keyHeader: "Window start",
    keys,
    keyFormat: FORMAT.date,
    metrics: inputs.metrics,
    allMetrics: inputs.allMetrics,
    data: inputs.data,
    window: (row) => ({ start: keyCell(row), end: `${keyCell(row)}+(${E}-${S})` }),
    slice: () => null,
    validCell: V,
    rowValid: (row) => (row === first + TREND_WINDOWS - 1 ? null : `${keyCell(row)}>=${EARLIEST}`),
    inputCell: inputs.inputCell,
    extraColumns: [{ header: WINDOW_END, format: FORMAT.date, cell: (row) => f(`IF(ISNUMBER(${keyCell(row)}), ${keyCell(row)}+(${E}-${S}), ${NA})`) }],
  });
  return { block, cells: { ...cells, windowEndColumn: cells.columns[WINDOW_END] } };
}
