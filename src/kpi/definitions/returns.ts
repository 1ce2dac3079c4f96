// Return on spend: ROI, ROMI, ROAS and MER.
import { divide, requireBetween, requireNonNegative } from "./guards";

/** (gain − cost) ÷ cost. */
export function roi(gain: number, cost: number): number {
  return divide("ROI", gain - cost, "cost", cost);
}

/** Return on marketing investment: (revenue × gross margin − marketing spend) ÷ marketing spend. */
export function romi(revenue: number, marketingSpend: number, grossMargin = 1): number {
  requireBetween("ROMI", "gross_margin", grossMargin, 0, 1);
  return divide("ROMI", revenue * grossMargin - marketingSpend, "marketing spend", marketingSpend);
}

/** Return on ad spend: revenue attributed to ads ÷ ad spend. */
export function roas(revenue: number, adSpend: number): number {
  requireNonNegative("ROAS", "revenue", revenue);
  return divide("ROAS", revenue, "ad spend", adSpend);
}

/** Marketing efficiency ratio: total revenue ÷ total marketing spend, attribution-free. */
export function mer(revenue: number, marketingSpend: number): number {
  requireNonNegative("MER", "revenue", revenue);
  return divide("MER", revenue, "marketing spend", marketingSpend);
}
