// Retention and churn over a period, both fractions between 0 and 1.
import { fail } from "../kpi-error";
import { fractionOf, requireNonNegative, requirePositive, show } from "./guards";

/** (customers at the end − new customers acquired in the period) ÷ customers at the start. */
export function retentionRate(customersEnd: number, newCustomers: number, customersStart: number): number {
  const fn = "RETENTION_RATE";
  requireNonNegative(fn, "customers_end", customersEnd);
  requireNonNegative(fn, "new_customers", newCustomers);
  requirePositive(fn, "customers_start", customersStart);
  const retained = customersEnd - newCustomers;
  if (retained < 0) {
    fail(fn, `new_customers (${show(newCustomers)}) exceed customers_end (${show(customersEnd)}), so retention would be negative`);
  }
  if (retained > customersStart) {
    fail(fn, `customers_end − new_customers (${show(retained)}) exceeds customers_start (${show(customersStart)}), so retention would be above 100%`);
  }
  return retained / customersStart;
}

export function churnRate(customersLost: number, customersStart: number): number {
  return fractionOf("CHURN_RATE", "customers lost", customersLost, "customers at the start", customersStart);
}
