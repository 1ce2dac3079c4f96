// The shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007): fit on one cohort, survival and value.
import betaln from "@stdlib/math-base-special-betaln";
import type { ObjectiveWithGradient } from "../clv/bfgs";
import { digamma } from "../clv/digamma";
import { minimizeLogParams } from "../clv/fit-log-params";
import { modelFail } from "../clv/model-error";
import { RUNAWAY_LOG, runsAway } from "../clv/not-converged";
import { expectedDiscountedPayments } from "./discounted-payments";

/** The fewest periods after period 0 that separate α from β: one period only shows their ratio. */
export const MIN_PERIODS = 2;

/**
 * Each customer has a fixed chance θ of cancelling at every renewal, θ ~ Beta(α, β) across the cohort.
 * The cohort's survival is S(t) = B(α, β+t)/B(α, β); its retention rate S(t)/S(t−1) = (β+t−1)/(α+β+t−1)
 * rises over time as the customers likeliest to cancel leave first.
 */
export class ShiftedBetaGeometric {
  constructor(
    readonly alpha: number,
    readonly beta: number,
  ) {
    if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) {
      modelFail(`internal: sBG parameters must be positive (alpha ${alpha}, beta ${beta})`);
    }
  }

  /**
   * Maximum-likelihood fit on one cohort's active counts, activeByPeriod[t] being the customers still
   * active at the start of period t (t = 0 is the cohort's size). Counts may be shares or percentages:
   * the estimates do not change when every count is scaled, only the log-likelihood does.
   */
  static fit(activeByPeriod: readonly number[]): FittedShiftedBetaGeometric {
    const cohort = requireCohort(activeByPeriod);
    const objective = makeSbgObjective(cohort);
    const result = minimizeLogParams(objective, [0, 0], runsAway);
    const [logAlpha, logBeta] = result.x;
    if (!result.converged || Math.abs(logAlpha) > RUNAWAY_LOG || Math.abs(logBeta) > RUNAWAY_LOG) {
      modelFail(noOptimum(cohort, logAlpha, logBeta));
    }
    return {
      model: new ShiftedBetaGeometric(Math.exp(logAlpha), Math.exp(logBeta)),
      logLikelihood: -result.value,
      periods: cohort.length - 1,
    };
  }

  /** S(t): the share of the cohort still active at the start of period t, for whole t ≥ 0. */
  survival(t: number): number {
    if (t <= 0) return 1;
    return Math.exp(betaln(this.alpha, this.beta + t) - betaln(this.alpha, this.beta));
  }

  /** S(t)/S(t−1) = (β+t−1)/(α+β+t−1): the share of those active at period t−1 who renew into period t, t ≥ 1. */
  retentionRate(t: number): number {
    return (this.beta + t - 1) / (this.alpha + this.beta + t - 1);
  }

  /**
   * Σ_{t≥n} S(t)/S(n)/(1+d)^(t−n): the discounted number of payments still to come from a customer
   * active at the start of period n, the payment due now included. n = 0 is a new customer.
   */
  discountedPayments(discountRate: number, periodsActive: number): number {
    return expectedDiscountedPayments(this.alpha, this.beta + periodsActive, discountRate);
  }
}

export interface FittedShiftedBetaGeometric {
  readonly model: ShiftedBetaGeometric;
  readonly logLikelihood: number;
  /** Periods of data used: the number of counts after period 0. */
  readonly periods: number;
}

function requireCohort(activeByPeriod: readonly number[]): readonly number[] {
  if (activeByPeriod.length < MIN_PERIODS + 1) {
    modelFail(
      `needs the active count of at least periods 0 to ${MIN_PERIODS} (${MIN_PERIODS + 1} values) to tell how churn varies between customers; it got ${activeByPeriod.length}`,
    );
  }
  activeByPeriod.forEach((n, t) => {
    if (!(Number.isFinite(n) && n >= 0)) modelFail(`the count of period ${t} is ${n}; counts must be 0 or more`);
    if (t > 0 && n > activeByPeriod[t - 1]) {
      modelFail(
        `period ${t} has ${n} active, more than the ${activeByPeriod[t - 1]} of period ${t - 1}; a cohort can only shrink (customers who joined later belong to a later cohort)`,
      );
    }
  });
  const [size] = activeByPeriod;
  const last = activeByPeriod[activeByPeriod.length - 1];
  if (!(size > 0)) modelFail("period 0 (the cohort's size) is 0; there is no one to follow");
  if (last === size) modelFail("no customer left in any period, so there is no churn to model");
  return activeByPeriod;
}

/**
 * −ln L over (ln α, ln β), with its gradient (Fader & Hardie 2007, appendix):
 *   ln L = Σ_{t=1..T} (n_{t−1} − n_t) ln P(t) + n_T ln S(T),
 *   ln P(t) = ln B(α+1, β+t−1) − ln B(α, β),   ln S(T) = ln B(α, β+T) − ln B(α, β),
 * whose derivatives are differences of digammas: ∂ ln B(x, y)/∂x = ψ(x) − ψ(x+y).
 */
export function makeSbgObjective(cohort: readonly number[]): ObjectiveWithGradient {
  const T = cohort.length - 1;
  return (logParams: Float64Array, gradient: Float64Array): number => {
    const alpha = Math.exp(logParams[0]);
    const beta = Math.exp(logParams[1]);
    const baseLog = betaln(alpha, beta);
    const psiAB = digamma(alpha + beta);
    const psiB = digamma(beta);
    let total = 0;
    let dAlpha = 0;
    let dBeta = 0;
    for (let t = 1; t <= T; t++) {
      const lost = cohort[t - 1] - cohort[t];
      if (lost === 0) continue;
      const psiABt = digamma(alpha + beta + t);
      total += lost * (betaln(alpha + 1, beta + t - 1) - baseLog);
      dAlpha += lost * (1 / alpha - psiABt + psiAB);
      dBeta += lost * (digamma(beta + t - 1) - psiABt - psiB + psiAB);
    }
    const survivors = cohort[T];
    if (survivors > 0) {
      const psiABT = digamma(alpha + beta + T);
      total += survivors * (betaln(alpha, beta + T) - baseLog);
      dAlpha += survivors * (psiAB - psiABT);
      dBeta += survivors * (digamma(beta + T) - psiABT - psiB + psiAB);
    }
    gradient[0] = -dAlpha * alpha;
    gradient[1] = -dBeta * beta;
    return -total;
  };
}

/** Why the fit has no optimum, in terms of what the cohort's numbers show. */
function noOptimum(cohort: readonly number[], logAlpha: number, logBeta: number): string {
  const T = cohort.length - 1;
  let exposure = 0;
  for (let t = 0; t < T; t++) exposure += cohort[t];
  const constantChurn = (cohort[0] - cohort[T]) / exposure;
  const percent = (v: number): string => `${Number((v * 100).toPrecision(3))}%`;
  if (logAlpha > RUNAWAY_LOG && logBeta > RUNAWAY_LOG) {
    const observed: string[] = [];
    for (let t = 1; t <= T && cohort[t - 1] > 0; t++) observed.push(percent(cohort[t] / cohort[t - 1]));
    const shown = observed.length > 8 ? [...observed.slice(0, 8), "…"] : observed;
    return `the retention rate does not rise steadily from period to period (${shown.join(", ")}), so the cohort shows no spread in churn for the sBG model to estimate (alpha and beta grow without bound); a constant churn rate of ${(constantChurn * 100).toPrecision(3)}% a period describes it: use LTV with that churn rate`;
  }
  return "the sBG fit found no optimum (a parameter runs off to 0 or without bound); it needs a cohort whose retention rises gradually over at least a few periods";
}
