// The Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013): fit and expected order value.
import { MIN_REPEAT_CUSTOMERS } from "./fit-limits";
import { minimizeLogParams } from "./fit-log-params";
import { makeGammaGammaObjective, type GammaGammaParams, type Spend } from "./gamma-gamma-likelihood";
import { modelFail } from "./model-error";
import { notConverged, runsAway } from "./not-converged";

/**
 * Each order's value is Gamma(p, ν) around a customer's own mean; ν ~ Gamma(q, γ) across customers.
 * A customer's spend is assumed independent of how often they buy.
 */
export type { GammaGammaParams, Spend } from "./gamma-gamma-likelihood";
export { gammaGammaLogLikelihood } from "./gamma-gamma-likelihood";

export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
  /** The repeat buyers the fit used. */
  readonly customers: number;
  readonly evaluations: number;
  readonly method: "BFGS" | "Nelder-Mead";
}

/** Maximum-likelihood fit on the repeat buyers (x ≥ 1), on log parameters. */
export function fitGammaGamma(customers: readonly Spend[]): GammaGammaFit {
  const buyers = customers.filter((c) => c.x >= 1);
  for (const c of buyers) {
    if (!(c.zbar > 0 && Number.isFinite(c.zbar))) {
      modelFail(`a repeat customer has mean order value ${c.zbar}; the spend model needs positive values`);
    }
  }
  if (buyers.length < MIN_REPEAT_CUSTOMERS) {
    modelFail(
      `only ${buyers.length} customer(s) bought again on a later day; fitting the spend model needs at least ${MIN_REPEAT_CUSTOMERS} repeat customers`,
    );
  }
  // Starting at p = 1, q = 2 and γ = the mean of z̄ puts the implied population mean pγ/(q−1) on the data's.
  const meanZ = buyers.reduce((s, c) => s + c.zbar, 0) / buyers.length;
  const result = minimizeLogParams(makeGammaGammaObjective(buyers), [0, Math.log(2), Math.log(meanZ)], (x) =>
    runsAway(x.slice(0, 2)),
  );
  const params: GammaGammaParams = { p: Math.exp(result.x[0]), q: Math.exp(result.x[1]), gamma: Math.exp(result.x[2]) };
  // p and q are shapes without a unit; γ is in currency, so a large γ is no sign of a runaway.
  const shapes = result.x.slice(0, 2);
  if (!result.converged || runsAway(shapes) || !Object.values(params).every((v) => Number.isFinite(v) && v > 0)) {
    modelFail(notConverged("spend model (Gamma-Gamma)", shapes, result.evaluations));
  }
  if (params.q <= 1) {
    modelFail(
      `the spend model's fitted q is ${params.q.toFixed(3)} (≤ 1), so its mean order value is infinite; order values are too spread out for this model`,
    );
  }
  return {
    params,
    logLikelihood: -result.value,
    customers: buyers.length,
    evaluations: result.evaluations,
    method: result.method,
  };
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
