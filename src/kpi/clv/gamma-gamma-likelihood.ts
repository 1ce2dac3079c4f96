// The Gamma-Gamma log-likelihood of repeat buyers' mean order values, with its analytic gradient in log-parameters.
import gammaln from "@stdlib/math-base-special-gammaln";
import type { ObjectiveWithGradient } from "./bfgs";
import { digamma } from "./digamma";

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** What the spend model sees of one customer: repeat purchases and their mean value. */
export interface Spend {
  readonly x: number;
  readonly zbar: number;
}

/** Total log-likelihood of the buyers (x ≥ 1, z̄ > 0) at these parameters. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, buyers: readonly Spend[]): number {
  const logParams = Float64Array.of(Math.log(params.p), Math.log(params.q), Math.log(params.gamma));
  return -makeGammaGammaObjective(buyers)(logParams, new Float64Array(3));
}

/**
 * −ln L over (ln p, ln q, ln γ), writing its gradient. Per buyer (Fader & Hardie 2013, eq. 4):
 *   ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
 *   ∂ℓ/∂p = x [ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)]
 *   ∂ℓ/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄)
 *   ∂ℓ/∂γ = q/γ − (px+q)/(γ + x z̄)
 * The gamma and digamma terms depend on x alone and are taken once per distinct x; Σ x ln z̄ and
 * Σ ln z̄ do not depend on the parameters at all. One log and one division per buyer remain.
 */
export function makeGammaGammaObjective(buyers: readonly Spend[]): ObjectiveWithGradient {
  const n = buyers.length;
  const levelOf = new Map<number, number>();
  const xLevels: number[] = [];
  const levelCounts: number[] = [];
  const x = new Float64Array(n);
  const xz = new Float64Array(n);
  let sumXLogZ = 0;
  let sumLogZ = 0;
  buyers.forEach((c, i) => {
    let L = levelOf.get(c.x);
    if (L === undefined) {
      L = xLevels.length;
      levelOf.set(c.x, L);
      xLevels.push(c.x);
      levelCounts.push(0);
    }
    levelCounts[L]++;
    x[i] = c.x;
    xz[i] = c.x * c.zbar;
    const logZ = Math.log(c.zbar);
    sumXLogZ += c.x * logZ;
    sumLogZ += logZ;
  });

  return (logParams, gradient) => {
    const p = Math.exp(logParams[0]);
    const q = Math.exp(logParams[1]);
    const gamma = Math.exp(logParams[2]);
    const logGamma = Math.log(gamma);
    let total = n * (q * logGamma - gammaln(q)) + p * sumXLogZ - sumLogZ;
    let dP = sumXLogZ;
    let dQ = n * (logGamma - digamma(q));
    let dGamma = (n * q) / gamma;
    for (let L = 0; L < xLevels.length; L++) {
      const xL = xLevels[L];
      const c = levelCounts[L];
      const px = p * xL;
      const psiPxQ = digamma(px + q);
      total += c * (gammaln(px + q) - gammaln(px) + px * Math.log(xL));
      dP += c * xL * (psiPxQ - digamma(px) + Math.log(xL));
      dQ += c * psiPxQ;
    }
    for (let i = 0; i < n; i++) {
      const spread = gamma + xz[i];
      const logSpread = Math.log(spread);
      const shape = p * x[i] + q;
      total -= shape * logSpread;
      dP -= x[i] * logSpread;
      dQ -= logSpread;
      dGamma -= shape / spread;
    }
    gradient[0] = -dP * p;
    gradient[1] = -dQ * q;
    gradient[2] = -dGamma * gamma;
    return -total;
  };
}
