// The shape of one summary metric and of what it is computed from: the contract between the table, the report, the sheet and the CLI.
import type { KpiValue } from "../funnel/kpi-value";
import type { Expr } from "./expression";

/** How a metric's number reads: each unit has one sheet number format and one CLI format. */
export type MetricUnit = "money" | "count" | "rate" | "multiple";

export const UNIT_FORMAT: Readonly<Record<MetricUnit, string>> = {
  money: "#,##0.00",
  count: "#,##0",
  rate: "0.0%",
  multiple: "0.00",
};

export type BetterDirection = "up" | "down";

/** Where a metric is shown. Goals can track every headline metric. */
export type MetricPlace = "headline" | "channels" | "months";

/** What the funnel maps, which decides which metrics exist at all. */
export interface MetricContext {
  stages: readonly { key: string; name: string }[];
  hasSpend: boolean;
  hasRevenue: boolean;
  /** A gross margin was entered (and is not 1), so ROMI differs from ROI. */
  hasGrossMargin: boolean;
}

/** One slice's totals (a period, a channel in a period, a month): what every metric is computed from. */
export interface SliceTotals {
  spend: number;
  revenue: number;
  /** By stage key. */
  counts: Readonly<Record<string, number>>;
  grossMargin: number | null;
}

export interface SummaryMetric {
  /** Stable identifier: "spend", "count_leads", "step_leads", "cost_per_leads", "ctr", ... */
  key: string;
  /** Named by meaning: "Cost per lead", "CAC (cost per customer)". */
  label: string;
  unit: MetricUnit;
  /** The sheet's number format for the unit. */
  format: string;
  better: BetterDirection;
  /** Read off the formula: "spend", "revenue", "stage:<key>", "input:grossMargin". */
  needs: readonly string[];
  /** The native formula, as a tree the sheet compiler (and later SQL) turns into text. */
  formula: Expr;
  /** How it is computed, in words, for the sheet's notes and the docs. */
  how: string;
  places: readonly MetricPlace[];
  /** A total (spend, a count, revenue) rather than a ratio: a per-day goal divides it by the days measured. */
  additive: boolean;
  /** The same number from src/kpi's definitions. `whole` is the unsliced total, for shares. */
  compute(totals: SliceTotals, whole: SliceTotals): KpiValue;
  /**
   * Its place on the scorecard band at the top of the summary, most important first (1 = first), or null
   * when it is not a scorecard KPI. The band shows the first few (scorecard.ts).
   */
  scorecardRank: number | null;
  /**
   * Whether a change is good or bad by `better` (CAC down is good). Spend's is neither, a budget decision,
   * so its change is shown uncoloured.
   */
  judgeChange: boolean;
}
