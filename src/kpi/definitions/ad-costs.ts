// Costs per ad delivery: cost per click and cost per thousand impressions.
import { divide, requireNonNegative } from "./guards";

/** Spend ÷ clicks. */
export function cpc(spend: number, clicks: number): number {
  requireNonNegative("CPC", "spend", spend);
  return divide("CPC", spend, "clicks", clicks);
}

/** Spend ÷ impressions × 1,000: the price of a thousand ad views. */
export function cpm(spend: number, impressions: number): number {
  requireNonNegative("CPM", "spend", spend);
  return divide("CPM", spend, "impressions", impressions) * 1000;
}
