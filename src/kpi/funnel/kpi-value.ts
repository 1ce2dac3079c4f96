// A KPI result that is either a number or the reason it is undefined, so reports never throw on a zero denominator.
import { KpiError } from "../kpi-error";

export type KpiValue = { value: number; reason?: undefined } | { value: null; reason: string };

export function defined(value: number): KpiValue {
  return { value };
}

export function undefinedBecause(reason: string): KpiValue {
  return { value: null, reason };
}

/**
 * Runs a KPI definition; a KpiError (the definitions' way of saying "undefined here")
 * becomes a reason string, anything else is a bug and still throws.
 */
export function measure(compute: () => number): KpiValue {
  try {
    return defined(compute());
  } catch (error) {
    if (error instanceof KpiError) return undefinedBecause(error.message);
    throw error;
  }
}
