// Cost of acquisition KPIs: CAC and CPA.
import { divide, requireNonNegative } from "./guards";

/** Customer acquisition cost: total sales and marketing spend ÷ new customers. */
export function cac(spend: number, newCustomers: number): number {
  requireNonNegative("CAC", "spend", spend);
  return divide("CAC", spend, "new customers", newCustomers);
}

/** Cost per acquisition: spend ÷ acquisitions, for any chosen conversion event. */
export function cpa(spend: number, acquisitions: number): number {
  requireNonNegative("CPA", "spend", spend);
  return divide("CPA", spend, "acquisitions", acquisitions);
}
