// Where each generated number sits, block by block and by metric key: returned with the report so the wizard, the CLI and tests find them.
import type { CellRef } from "./block";
import type { ChannelCells } from "./channel-block";
import type { CohortCells } from "./cohort-block";
import type { FunnelCells } from "./funnel-block";
import type { GoalsCells } from "./goals-block";
import type { HeadlineCells } from "./headline-block";
import type { MonthCells } from "./month-block";
import type { PeriodCells } from "./period-block";
import type { UnitEconomicsCells } from "./unit-economics-block";
import type { RankingCells } from "./channel-ranking-block";
import type { MonthChartCells } from "./month-chart-block";
import type { ScorecardCells } from "./scorecard-block";
import type { TrendCells } from "./trend-block";

export interface SummaryLayout {
  period: PeriodCells;
  unitEconomics: UnitEconomicsCells;
  headline: HeadlineCells;
  /** Record-level data only: the computed median time to convert. */
  timeToConvert: CellRef | null;
  /** Record-level data only: the live count of records whose stage dates run backwards. */
  quality: CellRef | null;
  funnel: FunnelCells;
  goals: GoalsCells;
  channels: ChannelCells | null;
  months: MonthCells;
  cohorts: CohortCells | null;
  /** The band of big numbers at the top. */
  scorecard: ScorecardCells;
  /** The scorecard KPIs over the period and the windows before it, which its trend lines draw. */
  trend: TrendCells;
  /** Channels ranked live by cost per last stage (or conversion), with two charts; null without two channels. */
  ranking: RankingCells | null;
  /** The month chart's data (complete and partial months apart). */
  monthChart: MonthChartCells | null;
  /** The goals table's KPI choices with the direction each suggests. */
  goalKpis: { label: string; direction: "up" | "down" }[];
  /** The last row and column any block reaches. */
  extent: { rows: number; columns: number };
}
