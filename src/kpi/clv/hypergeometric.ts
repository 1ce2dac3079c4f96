// The Gaussian hypergeometric series behind the BG/NBD expected-purchase formulas, summed with a proven error bound.
import { modelFail } from "./model-error";

/** c·₂F₁(a, b; c; z) as mantissa·e^logScale, so huge values from long horizons do not overflow. */
export interface ScaledValue {
  readonly mantissa: number;
  readonly logScale: number;
}

const MAX_TERMS = 1_000_000;
const RELATIVE_EPSILON = 1e-15;
// Rescaling well below the double range leaves room for the terms still to be added.
const RESCALE_ABOVE = 1e250;
const LOG_RESCALE = Math.log(RESCALE_ABOVE);

/**
 * c·₂F₁(a, b; c; z) for a, b > 0, c > −1 and 0 ≤ z < 1.
 *
 * The factor c is folded in because the BG/NBD formulas multiply ₂F₁ by c = a + b + x − 1, which can be
 * at or below 0 when the fitted a + b < 1; c·₂F₁ = c + Σₙ≥₁ (a)ₙ(b)ₙ zⁿ / ((c+1)ₙ₋₁ n!) stays finite there.
 * Every term after the first is positive, so there is no cancellation in the sum, and the tail is
 * bounded: later term ratios are at most z·max(1,(a+n)/(n+1))·max(1,(b+n)/(c+n)), since both factors
 * are monotone in n. Summation stops when that geometric bound on the tail is below 1e−15 of the sum.
 */
export function scaledHyp2f1(a: number, b: number, c: number, z: number): ScaledValue {
  if (!(a > 0 && b > 0 && c > -1 && z >= 0 && z < 1)) {
    modelFail(`internal: hypergeometric series called outside its domain (a=${a}, b=${b}, c=${c}, z=${z})`);
  }
  let sum = c;
  let term = a * b * z;
  let logScale = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    sum += term;
    if (sum > RESCALE_ABOVE) {
      sum /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      logScale += LOG_RESCALE;
    }
    const bound = z * Math.max(1, (a + n) / (n + 1)) * Math.max(1, (b + n) / (c + n));
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    if (bound < 1 && (term / (1 - bound)) <= RELATIVE_EPSILON * Math.abs(sum)) {
      return { mantissa: sum + term, logScale };
    }
    if (term === 0) return { mantissa: sum, logScale };
  }
  return modelFail("the expected-purchases series did not converge; the horizon is too long for the fitted model");
}
