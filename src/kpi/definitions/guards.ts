// Shared checks that make a KPI undefined rather than wrong: zero denominators, negative totals, rates out of range.
import { fail } from "../kpi-error";

/** Formats a number for an error message without floating-point noise. */
export function show(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}

/** "spend total", but not "total total". */
function totalOf(label: string): string {
  return label.endsWith("total") ? label : `${label} total`;
}

/** A denominator total that must be positive: 0 makes the KPI undefined, a negative total is a data error. */
export function requirePositive(fn: string, label: string, value: number): number {
  if (value === 0) fail(fn, `${totalOf(label)} is 0, so ${fn} is undefined`);
  if (value < 0) fail(fn, `${totalOf(label)} is ${show(value)}, which cannot be negative`);
  return value;
}

/**
 * numerator ÷ a denominator total that must be positive, and a result a cell can show: a denominator
 * such as 1e-320 would otherwise turn a KPI into Infinity.
 */
export function divide(fn: string, numerator: number, denominatorLabel: string, denominator: number): number {
  const result = numerator / requirePositive(fn, denominatorLabel, denominator);
  return finiteResult(fn, result);
}

export function finiteResult(fn: string, result: number): number {
  if (!Number.isFinite(result)) fail(fn, "the result is too large to show; check for a value that is nearly 0");
  return result;
}

/** A total that may be 0 but never negative (spend, counts). */
export function requireNonNegative(fn: string, label: string, value: number): number {
  if (value < 0) fail(fn, `${totalOf(label)} is ${show(value)}, which cannot be negative`);
  return value;
}

/** A rate argument within [min, max]. */
export function requireBetween(fn: string, label: string, value: number, min: number, max: number): number {
  if (value < min || value > max) fail(fn, `${label} is ${show(value)}, outside ${show(min)} to ${show(max)}`);
  return value;
}

/** part ÷ whole where the part cannot exceed the whole (conversion-type rates, 0..1). */
export function fractionOf(fn: string, partLabel: string, part: number, wholeLabel: string, whole: number): number {
  requireNonNegative(fn, partLabel, part);
  requirePositive(fn, wholeLabel, whole);
  if (part > whole) {
    fail(fn, `${partLabel} (${show(part)}) exceed ${wholeLabel} (${show(whole)}), so the rate would be above 100%`);
  }
  return finiteResult(fn, part / whole);
}
