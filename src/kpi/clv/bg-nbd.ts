// The BG/NBD purchase-frequency model (Fader, Hardie & Lee 2005): fit and predictions.
import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import { makeBgNbdObjective, type BgNbdParams } from "./bg-nbd-likelihood";
import { groupRecency, type Recency } from "./customer-groups";
import { MIN_REPEAT_CUSTOMERS } from "./fit-limits";
import { minimizeLogParams } from "./fit-log-params";
import { scaledHyp2f1 } from "./hypergeometric";
import { modelFail } from "./model-error";
import { notConverged, runsAway } from "./not-converged";

/**
 * While active, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out
 * for good with probability p ~ Beta(a, b). Times are in weeks.
 */
export type { BgNbdParams } from "./bg-nbd-likelihood";
export { bgNbdLogLikelihood } from "./bg-nbd-likelihood";

export interface BgNbdFit {
  readonly params: BgNbdParams;
  readonly logLikelihood: number;
  readonly evaluations: number;
  /** BFGS normally; Nelder–Mead when BFGS stalled and the derivative-free method finished the fit. */
  readonly method: "BFGS" | "Nelder-Mead";
}

/**
 * Where the fit starts, in (ln r, ln α, ln a, ln b): r = a = b = 1, and α, a time scale, at the observed
 * weeks per repeat purchase rather than at 1 week.
 */
export function bgNbdStart(customers: readonly Recency[]): number[] {
  let sumX = 0;
  let sumT = 0;
  for (const c of customers) {
    sumX += c.x;
    sumT += c.T;
  }
  return [0, Math.log(Math.max(sumT, 1e-9) / Math.max(sumX, 1)), 0, 0];
}

/** Maximum-likelihood fit on log parameters, which keeps all four positive without constraints. */
export function fitBgNbd(customers: readonly Recency[]): BgNbdFit {
  let repeaters = 0;
  for (const c of customers) if (c.x > 0) repeaters++;
  if (repeaters < MIN_REPEAT_CUSTOMERS) {
    modelFail(
      `only ${repeaters} customer(s) bought again on a later day; fitting the purchase model needs at least ${MIN_REPEAT_CUSTOMERS} repeat customers`,
    );
  }
  const result = minimizeLogParams(makeBgNbdObjective(groupRecency(customers)), bgNbdStart(customers), runsAway);
  const params: BgNbdParams = {
    r: Math.exp(result.x[0]),
    alpha: Math.exp(result.x[1]),
    a: Math.exp(result.x[2]),
    b: Math.exp(result.x[3]),
  };
  if (!result.converged || runsAway(result.x) || !Object.values(params).every((p) => Number.isFinite(p) && p > 0)) {
    modelFail(notConverged("purchase model (BG/NBD)", result.x, result.evaluations));
  }
  return { params, logLikelihood: -result.value, evaluations: result.evaluations, method: result.method };
}

/** P(alive | x, t_x, T), eq. 13: 1 for a customer who never came back, since dropping out follows a purchase. */
export function probabilityAlive(params: BgNbdParams, customer: Recency): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** Width of the window around a = 1 where eq. 10's 0/0 form is replaced by the average of its two sides. */
const NEAR_ONE = 1e-5;

/** E[X(t) | x, t_x, T]: expected purchases in the next t weeks of a customer with this history, eq. 10. */
export function expectedPurchases(params: BgNbdParams, t: number, customer: Recency): number {
  return expectedPurchasesIfAlive(params, t, customer) * probabilityAlive(params, customer);
}

/**
 * Eq. 10 without its denominator (which is 1/P(alive)): the expected purchases of a customer known to be
 * still active. It depends on x and T only, not on t_x, so callers predicting for many customers can
 * share it between everyone with the same x and T.
 */
export function expectedPurchasesIfAlive(
  params: BgNbdParams,
  t: number,
  customer: Pick<Recency, "x" | "T">,
): number {
  if (t <= 0) return 0;
  if (Math.abs(params.a - 1) < NEAR_ONE) {
    // Eq. 10 is 0/0 at a = 1 and loses digits near it; the function itself is smooth there.
    const below = seriesFormIfAlive({ ...params, a: 1 - NEAR_ONE }, t, customer);
    const above = seriesFormIfAlive({ ...params, a: 1 + NEAR_ONE }, t, customer);
    return (below + above) / 2;
  }
  return seriesFormIfAlive(params, t, customer);
}

function seriesFormIfAlive(params: BgNbdParams, t: number, customer: Pick<Recency, "x" | "T">): number {
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const series = scaledHyp2f1(r + x, b + x, c, z);
  // ((α+T)/(α+T+t))^(r+x) · c·₂F₁, combined in logs because each factor alone can over- or underflow.
  const logPower = (r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t));
  const discounted = series.mantissa * Math.exp(series.logScale + logPower);
  return Math.max(0, (c - discounted) / (a - 1));
}

/** E[X(t)] for a customer who has just made a first purchase, eq. 9 (eq. 10 with no history). */
export function expectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  return expectedPurchases(params, t, { x: 0, tx: 0, T: 0 });
}

/** P(X(t) = n) for a customer who has just made a first purchase, eq. 8. */
export function probabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = params;
  const logStay = Math.log(alpha) - Math.log(alpha + t);
  const logGo = Math.log(t) - Math.log(alpha + t);
  const logNbd = (j: number): number => gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * logStay + j * logGo;
  const stillActive = Math.exp(betaln(a, b + n) - betaln(a, b) + logNbd(n));
  if (n === 0) return stillActive;
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(logNbd(j));
  return stillActive + Math.exp(betaln(a + 1, b + n - 1) - betaln(a, b)) * Math.max(0, 1 - below);
}
