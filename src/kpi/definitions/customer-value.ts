// Customer value KPIs: CLV, subscription LTV, LTV:CAC, CAC payback and average deal size.
import { fail } from "../kpi-error";
import { divide, finiteResult, requireBetween, requireNonNegative, show } from "./guards";

/**
 * Customer lifetime value: value per purchase × purchases per period × gross margin per period, over the
 * lifespan. With a discount rate d, period t (t = 1, 2, ...) is divided by (1 + d)^t and a fractional last
 * period counts pro rata.
 */
export function clv(
  averageOrderValue: number, purchaseFrequency: number, lifespan: number, grossMargin = 1, discountRate = 0,
): number {
  requireNonNegative("CLV", "average_order_value", averageOrderValue);
  requireNonNegative("CLV", "purchase_frequency", purchaseFrequency);
  requireNonNegative("CLV", "lifespan", lifespan);
  requireBetween("CLV", "gross_margin", grossMargin, 0, 1);
  if (discountRate < 0) fail("CLV", `discount_rate is ${show(discountRate)}, which cannot be negative`);
  const perPeriod = averageOrderValue * purchaseFrequency * grossMargin;
  if (discountRate === 0) return finiteResult("CLV", perPeriod * lifespan);
  const wholePeriods = Math.floor(lifespan);
  const growth = 1 + discountRate;
  // Σ_{t=1..n} v ÷ (1+d)^t in closed form, so a lifespan of a billion periods costs no more than one of three.
  let value = (perPeriod * (1 - growth ** -wholePeriods)) / discountRate;
  const lastFraction = lifespan - wholePeriods;
  if (lastFraction > 0) value += (lastFraction * perPeriod) / growth ** (wholePeriods + 1);
  return finiteResult("CLV", value);
}

/** Subscription lifetime value: ARPA × gross margin ÷ churn rate (the expected lifetime is 1 ÷ churn periods). */
export function ltv(arpa: number, churnRate: number, grossMargin = 1): number {
  requireNonNegative("LTV", "arpa", arpa);
  requireBetween("LTV", "gross_margin", grossMargin, 0, 1);
  requireBetween("LTV", "churn_rate", churnRate, 0, 1);
  if (churnRate === 0) fail("LTV", "churn_rate is 0, so the customer lifetime is unbounded and LTV is undefined");
  return finiteResult("LTV", (arpa * grossMargin) / churnRate);
}

export function ltvCacRatio(ltvValue: number, cacValue: number): number {
  requireNonNegative("LTV_CAC_RATIO", "ltv", ltvValue);
  return divide("LTV_CAC_RATIO", ltvValue, "cac", cacValue);
}

/** Periods of gross-margin revenue needed to earn back the cost of acquiring a customer. */
export function cacPayback(cacValue: number, arpa: number, grossMargin = 1): number {
  requireNonNegative("CAC_PAYBACK", "cac", cacValue);
  requireBetween("CAC_PAYBACK", "gross_margin", grossMargin, 0, 1);
  const earned = arpa * grossMargin;
  if (earned <= 0) {
    fail("CAC_PAYBACK", `arpa × gross_margin is ${show(earned)}, so CAC is never paid back`);
  }
  return finiteResult("CAC_PAYBACK", cacValue / earned);
}

export function avgDealSize(revenue: number, deals: number): number {
  requireNonNegative("AVG_DEAL_SIZE", "revenue", revenue);
  return divide("AVG_DEAL_SIZE", revenue, "deals", deals);
}
