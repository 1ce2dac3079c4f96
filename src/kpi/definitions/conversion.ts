// Funnel conversion rates, each a fraction between 0 and 1 (engagement rate may exceed 1).
import { divide, fractionOf, requireNonNegative } from "./guards";

export function conversionRate(conversions: number, total: number, fn = "CONVERSION_RATE"): number {
  return fractionOf(fn, "conversions", conversions, "total", total);
}

export function leadGenRate(leads: number, visits: number): number {
  return fractionOf("LEAD_GEN_RATE", "leads", leads, "visits", visits);
}

export function leadToCustomerRate(customers: number, leads: number): number {
  return fractionOf("LEAD_TO_CUSTOMER_RATE", "customers", customers, "leads", leads);
}

export function ctr(clicks: number, impressions: number): number {
  return fractionOf("CTR", "clicks", clicks, "impressions", impressions);
}

/** Engagements ÷ reach. One person can engage several times, so unlike the funnel rates it may exceed 100%. */
export function engagementRate(engagements: number, reach: number): number {
  requireNonNegative("ENGAGEMENT_RATE", "engagements", engagements);
  return divide("ENGAGEMENT_RATE", engagements, "reach", reach);
}
