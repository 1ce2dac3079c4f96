// The one fitting strategy of the CLV and retention models: BFGS on log-parameters, Nelder–Mead when BFGS stalls.
import { minimizeBfgs, type ObjectiveWithGradient } from "./bfgs";
import { minimize } from "./optimizer";

export interface LogParamFit {
  readonly x: number[];
  readonly value: number;
  readonly converged: boolean;
  /** Objective evaluations over both methods. */
  readonly evaluations: number;
  readonly method: "BFGS" | "Nelder-Mead";
}

/**
 * Minimises a negative log-likelihood over log-parameters (which keeps every parameter positive without
 * constraints). BFGS with the analytic gradient needs a few dozen evaluations where Nelder–Mead needs
 * hundreds. If BFGS stalls (no acceptable step far from an optimum) Nelder–Mead, which needs no
 * gradient, carries on from its best point. A run that went past the runaway bound, or stopped where
 * `runsAway` says a parameter is heading for a limit, is not retried: the likelihood kept improving as
 * a parameter grew, which is an answer about the data, not the method (and Nelder–Mead would spend
 * thousands of evaluations finding the same).
 */
export function minimizeLogParams(
  objective: ObjectiveWithGradient,
  start: readonly number[],
  runsAway: (x: readonly number[]) => boolean = () => false,
): LogParamFit {
  const quasiNewton = minimizeBfgs(objective, start);
  if (quasiNewton.converged || quasiNewton.stop === "runaway" || runsAway(quasiNewton.x)) {
    return { ...quasiNewton, method: "BFGS" };
  }
  const scratch = new Float64Array(start.length);
  const from = Number.isFinite(quasiNewton.value) ? quasiNewton.x : start;
  const simplex = minimize((v) => objective(Float64Array.from(v), scratch), from);
  return {
    x: simplex.x,
    value: simplex.value,
    converged: simplex.converged,
    evaluations: quasiNewton.evaluations + simplex.evaluations,
    method: "Nelder-Mead",
  };
}
