// The Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013): fit and expected order value.
import gammaln from "@stdlib/math-base-special-gammaln";
import { KpiError } from "../kpi-error";
import { MIN_REPEAT_CUSTOMERS } from "./fit-limits";
import { notConverged } from "./not-converged";
import { minimize } from "./optimizer";

/**
 * Each order's value is Gamma(p, ν) around a customer's own mean; ν ~ Gamma(q, γ) across customers.
 * A customer's spend is assumed independent of how often they buy.
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
  /** The repeat buyers the fit used. */
  readonly customers: number;
  readonly evaluations: number;
}

/** What the spend model sees of one customer: repeat purchases and their mean value. */
export interface Spend {
  readonly x: number;
  readonly zbar: number;
}

/**
 * Log-likelihood of the repeat buyers' mean values (Fader & Hardie 2013, eq. 4):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 * Only customers with x ≥ 1 carry information; the caller passes those.
 */
function makeLogLikelihood(buyers: readonly Spend[]): (params: GammaGammaParams) => number {
  const n = buyers.length;
  const levelOf = new Map<number, number>();
  const xLevels: number[] = [];
  const level = new Uint32Array(n);
  const x = new Float64Array(n);
  const xz = new Float64Array(n);
  const logZ = new Float64Array(n);
  buyers.forEach((c, i) => {
    let L = levelOf.get(c.x);
    if (L === undefined) {
      L = xLevels.length;
      levelOf.set(c.x, L);
      xLevels.push(c.x);
    }
    level[i] = L;
    x[i] = c.x;
    xz[i] = c.x * c.zbar;
    logZ[i] = Math.log(c.zbar);
  });
  const levelTerm = new Float64Array(xLevels.length);
  return ({ p, q, gamma }) => {
    for (let L = 0; L < xLevels.length; L++) {
      const px = p * xLevels[L];
      levelTerm[L] = gammaln(px + q) - gammaln(px) + px * Math.log(xLevels[L]);
    }
    let total = n * (q * Math.log(gamma) - gammaln(q));
    for (let i = 0; i < n; i++) {
      const px = p * x[i];
      total += levelTerm[level[i]] + (px - 1) * logZ[i] - (px + q) * Math.log(gamma + xz[i]);
    }
    return total;
  };
}

/** Maximum-likelihood fit on the repeat buyers (x ≥ 1), on log parameters. */
export function fitGammaGamma(customers: readonly Spend[], functionName: string): GammaGammaFit {
  const buyers = customers.filter((c) => c.x >= 1);
  for (const c of buyers) {
    if (!(c.zbar > 0 && Number.isFinite(c.zbar))) {
      throw new KpiError(functionName, `a repeat customer has mean order value ${c.zbar}; the spend model needs positive values`);
    }
  }
  if (buyers.length < MIN_REPEAT_CUSTOMERS) {
    throw new KpiError(
      functionName,
      `only ${buyers.length} customer(s) bought again on a later day; fitting the spend model needs at least ${MIN_REPEAT_CUSTOMERS} repeat customers`,
    );
  }
  const logLikelihood = makeLogLikelihood(buyers);
  const fromLog = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0]),
    q: Math.exp(v[1]),
    gamma: Math.exp(v[2]),
  });
  // Starting at p = 1, q = 2 and γ = the mean of z̄ puts the implied population mean pγ/(q−1) on the data's.
  const meanZ = buyers.reduce((s, c) => s + c.zbar, 0) / buyers.length;
  const result = minimize((v) => -logLikelihood(fromLog(v)), [0, Math.log(2), Math.log(meanZ)]);
  const params = fromLog(result.x);
  if (!result.converged || !Object.values(params).every((v) => Number.isFinite(v) && v > 0)) {
    throw new KpiError(functionName, notConverged("spend model (Gamma-Gamma)", result.x, result.evaluations));
  }
  if (params.q <= 1) {
    throw new KpiError(
      functionName,
      `the spend model's fitted q is ${params.q.toFixed(3)} (≤ 1), so its mean order value is infinite; order values are too spread out for this model`,
    );
  }
  return { params, logLikelihood: -result.value, customers: buyers.length, evaluations: result.evaluations };
}

/** E[Z | x, z̄] = p(γ + x z̄)/(px + q − 1): the customer's mean pulled towards the population's; x = 0 gets the population mean. */
export function expectedOrderValue(params: GammaGammaParams, customer: Spend): number {
  const { p, q, gamma } = params;
  if (customer.x === 0) return populationMeanOrderValue(params);
  return (p * (gamma + customer.x * customer.zbar)) / (p * customer.x + q - 1);
}

/** E[Z] = pγ/(q − 1), the mean order value of a customer nothing is known about yet. */
export function populationMeanOrderValue(params: GammaGammaParams): number {
  return (params.p * params.gamma) / (params.q - 1);
}
