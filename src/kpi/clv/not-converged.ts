// The reason a CLV fit gives when its optimiser stops without an optimum, in words a spreadsheet user can act on.

/** Beyond e^9 ≈ 8,000 a log-scale parameter is not an estimate but a parameter running off to a limit. */
export const RUNAWAY_LOG = 9;

/** True when any log-parameter is past RUNAWAY_LOG: the fit followed a ridge towards a limit, not to an optimum. */
export function runsAway(logParams: readonly number[]): boolean {
  return logParams.some((v) => Math.abs(v) > RUNAWAY_LOG || !Number.isFinite(v));
}

/**
 * The usual failure on a small or very uniform log is not numerical: the likelihood keeps improving as
 * a pair of parameters grows without bound (all customers alike: no spread to estimate), so the
 * message says that rather than blaming the optimiser. A fit that stops far along such a ridge, where
 * the likelihood is too flat to tell it from an optimum, is the same case. Pass only parameters without
 * a unit: a scale such as Gamma-Gamma's γ (in currency) may legitimately be large.
 */
export function notConverged(model: string, logParams: readonly number[], evaluations: number): string {
  if (runsAway(logParams)) {
    return `the ${model} fit found no optimum: the customers look too much alike for it to estimate how they differ (a parameter grows without bound); it needs a larger, more varied log, a few hundred customers or more`;
  }
  return `the ${model} fit did not converge after ${evaluations} evaluations; try a larger log or a different as_of`;
}
