// The parts of the dashboard both planners share (one sheet, several sources): where the top blocks sit, the funnel's log axis, and the scorecard with its trend table.
import type { FunnelStepRow, MonthRow } from "../../kpi/funnel-report";
import type { InputName } from "../../kpi/summary-metrics/expression";
import { scorecardMetrics } from "../../kpi/summary-metrics/scorecard";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import type { Block, CellRef } from "./block";
import type { SummaryTotals } from "./data-ranges";
import { type ChartSpec, chartRows, type ColourRule, type Decorations } from "./decorations";
import type { HeadlineCells } from "./headline-block";
import type { MonthCells } from "./month-block";
import { monthChartBlock, type MonthChartCells } from "./month-chart-block";
import type { PeriodCells } from "./period-block";
import { changeColours, scorecardBlock, type ScorecardCells, SCORECARD_HEIGHT } from "./scorecard-block";
import { type TrendCells, trendBlock } from "./trend-block";

/** The sheet's 16 pt title needs more than the default 21 px. */
export const TITLE_ROW_HEIGHT = 30;
export const SCORECARD_ORIGIN: CellRef = { row: 4, column: 1 };
export const PERIOD_ORIGIN: CellRef = { row: SCORECARD_ORIGIN.row + SCORECARD_HEIGHT + 1, column: 1 };
export const UNIT_ECONOMICS_ORIGIN: CellRef = { row: PERIOD_ORIGIN.row, column: 7 };

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The rows a block takes with the charts beside or under it: the next block goes below both. */
export function heightWith(origin: CellRef, block: Block, charts: readonly ChartSpec[]): number {
  const chartBottom = Math.max(0, ...charts.map((c) => c.anchor.row + chartRows(c)));
  return Math.max(block.cells.length, chartBottom - origin.row);
}

/**
 * The smallest stage count the funnel chart's log axis must show: of any month, which no period much
 * undercuts (the axis starts a decade below it), else of the whole funnel; null with no count at all.
 */
export function smallestStageCount(stages: ReadonlyArray<{ key: string }>, months: readonly MonthRow[], funnel: readonly FunnelStepRow[]): number | null {
  const monthCounts = months.flatMap((m) => stages.map((st) => m.metrics[`count_${st.key}`]?.value ?? 0)).filter((n) => n > 0);
  const counts = monthCounts.length > 0 ? monthCounts : funnel.map((st) => st.count).filter((n) => n > 0);
  return counts.length > 0 ? Math.min(...counts) : null;
}

export interface ScorecardWithTrendInputs {
  metrics: readonly SummaryMetric[];
  data: SummaryTotals;
  period: PeriodCells;
  headline: HeadlineCells;
  inputCell(name: InputName): string;
}

/**
 * The scorecard at the top reads the headline and the trend table, which goes at `trendOrigin` (the bottom
 * of the sheet): planned once every other block is placed. The headline's changes are coloured as the
 * cards' are, by each metric's better direction.
 */
export function scorecardWithTrend(trendOrigin: CellRef, inputs: ScorecardWithTrendInputs): {
  blocks: Block[]; cards: SummaryMetric[]; scorecard: ScorecardCells; trend: TrendCells; decorations: Partial<Decorations>; headlineColours: ColourRule[];
} {
  const { metrics, data, period, headline } = inputs;
  const cards = scorecardMetrics(metrics, { recordLevel: data.recordLevel });
  const trend = trendBlock(trendOrigin, { metrics: cards, allMetrics: metrics, data, period, inputCell: inputs.inputCell });
  const scorecard = scorecardBlock(SCORECARD_ORIGIN, { metrics: cards, headline, trend: trend.cells, period });
  const headlineColours = metrics.flatMap((m) => {
    const at = headline.rows[m.key];
    return at === undefined ? [] : changeColours(m, { row: at, column: headline.changeColumn });
  });
  return { blocks: [trend.block, scorecard.block], cards, scorecard: scorecard.cells, trend: trend.cells, decorations: scorecard.decorations, headlineColours };
}

/** The month chart under the month table: the last stage count the table shows, per month; null without months. */
export function monthChartUnder(origin: CellRef, months: MonthCells, metrics: readonly SummaryMetric[]): { block: Block; cells: MonthChartCells; chart: ChartSpec } | null {
  const charted = [...metrics].reverse().find((m) => m.formula.op === "count" && months.columns[m.key] !== undefined);
  return charted === undefined || months.rows.length === 0 ? null : monthChartBlock(origin, months, charted);
}
