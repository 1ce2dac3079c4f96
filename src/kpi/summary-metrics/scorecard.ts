// Which metrics the scorecard band at the top of the summary shows: the table's scorecard KPIs, most important first, at most six.
import type { SummaryMetric } from "./metric-types";

/** Past this, a band of big numbers stops being read at a glance. */
export const MAX_SCORECARDS = 6;

/**
 * The metrics with a scorecard rank, by rank; a funnel that maps less shows fewer. For one-row-per-lead data
 * a rate of one period's stages (customers this month ÷ leads this month) mixes different people and can pass
 * 100%, so, as in the month table, rates are left off: a CRM without spend shows leads, customers, revenue
 * and deal size.
 */
export function scorecardMetrics(metrics: readonly SummaryMetric[], options: { recordLevel?: boolean; max?: number } = {}): SummaryMetric[] {
  return metrics
    .filter((m) => m.scorecardRank !== null && m.places.includes("headline") && !(options.recordLevel === true && m.unit === "rate"))
    .sort((a, b) => (a.scorecardRank ?? 0) - (b.scorecardRank ?? 0))
    .slice(0, options.max ?? MAX_SCORECARDS);
}
