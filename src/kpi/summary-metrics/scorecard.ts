// Which metrics the scorecard band at the top of the summary shows: the table's scorecard KPIs, most important first, at most six.
import type { SummaryMetric } from "./metric-types";

/** Past this, a band of big numbers stops being read at a glance. */
export const MAX_SCORECARDS = 6;

/** The metrics with a scorecard rank, by rank; a funnel that maps less shows fewer (a CRM without spend: five). */
export function scorecardMetrics(metrics: readonly SummaryMetric[], max = MAX_SCORECARDS): SummaryMetric[] {
  return metrics
    .filter((m) => m.scorecardRank !== null && m.places.includes("headline"))
    .sort((a, b) => (a.scorecardRank ?? 0) - (b.scorecardRank ?? 0))
    .slice(0, max);
}
