// The sBG model's expected discounted number of payments, Σ_k S(n+k)/S(n)/(1+d)^k, in closed form or to a stated tolerance.
import betaln from "@stdlib/math-base-special-betaln";
import { modelFail } from "../clv/model-error";

/** Successive trapezoid sums must agree to this relative difference. */
export const RELATIVE_TOLERANCE = 1e-13;
/** Each cut-off tail of the integral is at most this share of the result, by the bounds below. */
const TAIL_SHARE = 1e-16;
const MAX_POINTS = 4_000_000;

/**
 * For a customer active at the start of period n, whose churn chance θ given survival so far is
 * Beta(α, b) with b = β + n, the payments to come are Σ_{k≥0} (1−θ)^k (1+d)^−k = (1+d)/(θ + d), so
 *
 *   Σ_{k≥0} S(n+k)/S(n)/(1+d)^k = (1+d) · E[1/(θ + d)] = ₂F₁(1, b; α+b; 1/(1+d)).
 *
 * Without discounting this is E[1/θ] = (α+b−1)/(α−1), finite only when α > 1: with α ≤ 1 enough
 * customers have a churn chance so close to 0 that the expected lifetime is infinite (Fader & Hardie
 * 2010). With d > 0 the series converges, but as slowly as (1+d)^−k for small d, so it is computed as
 * the integral instead (see meanOfInverse).
 */
export function expectedDiscountedPayments(alpha: number, b: number, discountRate: number): number {
  if (discountRate === 0) {
    if (alpha <= 1) {
      modelFail(
        `with a discount rate of 0 the sum diverges: the fitted alpha is ${alpha.toPrecision(3)} (≤ 1), so enough customers almost never cancel that the expected lifetime is infinite; give a discount rate above 0`,
      );
    }
    return (alpha + b - 1) / (alpha - 1);
  }
  return (1 + discountRate) * meanOfInverse(alpha, b, discountRate);
}

/**
 * E[1/(θ + d)] for θ ~ Beta(α, b) and d > 0, by the trapezoid rule after θ = 1/(1 + e^−s), which turns
 * the Beta density's endpoint singularities into tails decaying like e^{αs} and e^{−bs}. The integrand
 * is then analytic in a strip around the real line, where the trapezoid rule converges geometrically,
 * so the step is halved until two successive sums agree to RELATIVE_TOLERANCE. The range is cut where
 * rigorous bounds put each tail below TAIL_SHARE of 1/(1+d), itself a lower bound of the result:
 *   left, θ ≤ e^s and 1/(θ+d) ≤ 1/d:       ∫_{−∞}^{s₀} ≤ e^{α s₀}/(α d B(α,b));
 *   right (s ≥ 0), 1−θ ≤ e^−s, θ ≥ 1/2:     ∫_{s₁}^{∞} ≤ 2 e^{−b s₁}/(b B(α,b)).
 */
function meanOfInverse(alpha: number, b: number, d: number): number {
  const logB = betaln(alpha, b);
  const logFloor = Math.log(TAIL_SHARE) - Math.log1p(d);
  const low = (logFloor + Math.log(alpha) + Math.log(d) + logB) / alpha;
  const high = Math.max(0, (Math.log(2) - logFloor - Math.log(b) - logB) / b);
  const integrand = (s: number): number => {
    const logTheta = -softplus(-s);
    const logRest = -softplus(s);
    return Math.exp(alpha * logTheta + b * logRest - logB) / (Math.exp(logTheta) + d);
  };
  // The density's peak in s has width about √((α+b)/(αb)); the first grid resolves it.
  let step = Math.min(0.5, Math.sqrt((alpha + b) / (alpha * b)) / 2);
  let points = Math.ceil((high - low) / step);
  step = (high - low) / points;
  let sum = 0;
  for (let k = 0; k <= points; k++) sum += integrand(low + k * step);
  let estimate = sum * step;
  for (let halvings = 1; ; halvings++) {
    for (let k = 0; k < points; k++) sum += integrand(low + (k + 0.5) * step);
    points *= 2;
    step /= 2;
    const refined = sum * step;
    if (halvings >= 2 && Math.abs(refined - estimate) <= RELATIVE_TOLERANCE * refined) return refined;
    estimate = refined;
    if (points > MAX_POINTS) {
      modelFail("internal: the discounted lifetime did not converge to its stated tolerance; please report the inputs");
    }
  }
}

/** ln(1 + e^u) without overflow or loss of digits. */
function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}
