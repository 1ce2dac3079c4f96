// Checks that every order the spend model will see has a positive value, naming the first row that does not.
import { KpiError } from "../kpi-error";

/**
 * The Gamma-Gamma model is a distribution of positive amounts: a refund, a free order or a blank would
 * silently bend its fit, so each is reported by its 1-based row instead. Orders after asOf are not
 * used by the models and are not checked.
 */
export function requirePositiveOrderValues(
  orderValues: readonly (number | null)[],
  orderDates: readonly number[],
  asOf: number,
  functionName: string,
): void {
  const asOfDay = Math.floor(asOf);
  for (let row = 0; row < orderValues.length; row++) {
    if (Math.floor(orderDates[row]) > asOfDay) continue;
    const value = orderValues[row];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new KpiError(functionName, `order_values row ${row + 1} is blank or not a number; the spend model needs a positive value for every order`);
    }
    if (value <= 0) {
      throw new KpiError(functionName, `order_values row ${row + 1} is ${value}; the spend model needs a positive value for every order (leave refunds and free orders out)`);
    }
  }
}
