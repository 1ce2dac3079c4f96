// Deterministic BFGS quasi-Newton minimiser with a strong-Wolfe line search, for smooth objectives with analytic gradients.

/** Returns f(x) and writes ∇f(x) into `gradient`; may return a non-finite value for a point outside the domain. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface BfgsOptions {
  /** Converged when the quasi-Newton step still to go, −H∇f, is below this in every coordinate. */
  readonly stepTolerance?: number;
  readonly maxIterations?: number;
  /** The first trial step of an iteration moves no coordinate further than this (log units for the fits). */
  readonly maxTrialStep?: number;
  /** A coordinate beyond ±this is a parameter running off to a limit: the run stops as not converged. */
  readonly runawayBound?: number;
}

export interface BfgsResult {
  readonly x: number[];
  readonly value: number;
  readonly gradient: number[];
  readonly converged: boolean;
  /** Why the run stopped: at an optimum, a coordinate past runawayBound, no acceptable step, or out of iterations. */
  readonly stop: "optimum" | "runaway" | "stalled" | "iterations";
  readonly iterations: number;
  /** Objective evaluations (each with its gradient). */
  readonly evaluations: number;
}

const DEFAULTS: Required<BfgsOptions> = {
  // Log-parameters within 1e−10 of the optimum are parameters within a relative 1e−10: far below any
  // digit the functions show, and still above the rounding noise of a sum over tens of thousands of terms.
  stepTolerance: 1e-10,
  maxIterations: 200,
  maxTrialStep: 2,
  runawayBound: 40,
};

// Nocedal & Wright's usual constants for quasi-Newton methods: sufficient decrease and curvature.
const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH_EVALUATIONS = 40;
// A sum of tens of thousands of likelihood terms carries rounding of about 1e−13 of its size; a predicted
// decrease below this share of f is noise to a line search.
const ROUNDING = 1e-12;

interface Trial {
  step: number;
  value: number;
  slope: number;
  x: Float64Array;
  gradient: Float64Array;
}

const dot = (u: Float64Array, v: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
};
const maxAbs = (u: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < u.length; i++) m = Math.max(m, Math.abs(u[i]));
  return m;
};

/**
 * Minimises f from x0. The inverse-Hessian estimate starts as a scaled identity and is updated only when
 * the step's curvature is positive, which the strong-Wolfe line search guarantees in exact arithmetic.
 * Every choice is a pure function of the inputs, so a run repeats bit for bit.
 */
export function minimizeBfgs(f: ObjectiveWithGradient, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const opts = { ...DEFAULTS, ...options };
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    const v = f(x, gradient);
    return Number.isFinite(v) && gradient.every(Number.isFinite) ? v : Infinity;
  };

  let x: Float64Array = Float64Array.from(x0);
  let gradient: Float64Array = new Float64Array(n);
  let value = evaluate(x, gradient);
  const done = (stop: BfgsResult["stop"], iterations: number): BfgsResult => ({
    x: Array.from(x), value, gradient: Array.from(gradient), converged: stop === "optimum", stop, iterations, evaluations,
  });
  if (!Number.isFinite(value)) return done("stalled", 0);

  const H = identity(n, 1 / Math.max(1, maxAbs(gradient)));
  let scaled = false;
  // The remaining-step test trusts H only once it has learnt the curvature along n independent steps.
  let updates = 0;
  const direction = new Float64Array(n);
  for (let iteration = 1; iteration <= opts.maxIterations; iteration++) {
    multiply(H, gradient, direction, -1);
    if (maxAbs(gradient) === 0 || (updates >= n && maxAbs(direction) <= opts.stepTolerance)) {
      return done("optimum", iteration - 1);
    }
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Rounding can make H lose positive definiteness; steepest descent is always downhill.
      resetIdentity(H, 1 / Math.max(1, maxAbs(gradient)));
      multiply(H, gradient, direction, -1);
      slope = dot(direction, gradient);
      if (!(slope < 0)) return done("stalled", iteration - 1);
    }
    let accepted: Trial | null;
    if (updates >= n && -slope <= ROUNDING * Math.max(1, Math.abs(value))) {
      // The step's predicted decrease, −½∇f·d, is below what f can resolve, so a line search on f would
      // be steered by rounding noise. The gradient is still exact to many more digits: take the full
      // quasi-Newton step when it makes the gradient smaller.
      accepted = gradientStep(evaluate, x, gradient, direction);
      if (accepted === null) {
        return done(maxAbs(direction) <= Math.sqrt(opts.stepTolerance) ? "optimum" : "stalled", iteration);
      }
    } else {
      const firstStep = Math.min(1, opts.maxTrialStep / maxAbs(direction));
      accepted = lineSearch(evaluate, x, value, slope, direction, firstStep);
    }
    if (accepted === null) {
      // No decrease is possible along the quasi-Newton direction: either rounding noise near the optimum
      // (the remaining step is tiny) or a poor inverse-Hessian estimate, which a fresh start can fix once.
      if (updates >= n && maxAbs(direction) <= Math.sqrt(opts.stepTolerance)) return done("optimum", iteration);
      if (!scaled) return done("stalled", iteration);
      resetIdentity(H, 1 / Math.max(1, maxAbs(gradient)));
      scaled = false;
      updates = 0;
      continue;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = accepted.x[i] - x[i];
      y[i] = accepted.gradient[i] - gradient[i];
    }
    x = accepted.x;
    gradient = accepted.gradient;
    value = accepted.value;
    if (maxAbs(x) > opts.runawayBound) return done("runaway", iteration);
    const sy = dot(s, y);
    if (sy > 0) {
      if (!scaled) {
        // Nocedal & Wright (6.20): size the first estimate by the curvature just observed.
        resetIdentity(H, sy / dot(y, y));
        scaled = true;
      }
      updateInverseHessian(H, s, y, sy);
      updates++;
    }
  }
  return done("iterations", opts.maxIterations);
}

/** The full step x + d, when the objective is defined there and its largest gradient component shrinks. */
function gradientStep(
  evaluate: (x: Float64Array, gradient: Float64Array) => number,
  x: Float64Array,
  gradient: Float64Array,
  direction: Float64Array,
): Trial | null {
  const point = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) point[i] = x[i] + direction[i];
  const trialGradient = new Float64Array(x.length);
  const v = evaluate(point, trialGradient);
  if (!Number.isFinite(v) || !(maxAbs(trialGradient) < maxAbs(gradient))) return null;
  return { step: 1, value: v, slope: dot(trialGradient, direction), x: point, gradient: trialGradient };
}

/** Strong-Wolfe line search (Nocedal & Wright, algorithms 3.5 and 3.6); null when no acceptable step exists. */
function lineSearch(
  evaluate: (x: Float64Array, gradient: Float64Array) => number,
  x: Float64Array,
  value: number,
  slope: number,
  direction: Float64Array,
  firstStep: number,
): Trial | null {
  let budget = MAX_LINE_SEARCH_EVALUATIONS;
  const at = (step: number): Trial => {
    budget--;
    const point = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) point[i] = x[i] + step * direction[i];
    const gradient = new Float64Array(x.length);
    const v = evaluate(point, gradient);
    return { step, value: v, slope: Number.isFinite(v) ? dot(gradient, direction) : NaN, x: point, gradient };
  };
  const decreases = (t: Trial): boolean => t.value <= value + C1 * t.step * slope;
  const flatEnough = (t: Trial): boolean => Math.abs(t.slope) <= -C2 * slope;

  let previous: Trial = { step: 0, value, slope, x, gradient: new Float64Array(0) };
  let step = firstStep;
  for (let i = 0; budget > 0; i++) {
    const trial = at(step);
    if (!decreases(trial) || (i > 0 && trial.value >= previous.value)) return zoom(previous, trial);
    if (flatEnough(trial)) return trial;
    if (trial.slope >= 0) return zoom(trial, previous);
    previous = trial;
    step *= 2;
  }
  return previous.step > 0 ? previous : null;

  /** Narrows [lo, hi] (lo the best point with sufficient decrease so far) to a step meeting both conditions. */
  function zoom(lo: Trial, hi: Trial): Trial | null {
    while (budget > 0) {
      const width = hi.step - lo.step;
      if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(lo.step))) break;
      const step = interpolate(lo, hi);
      const trial = at(step);
      if (!decreases(trial) || trial.value >= lo.value) {
        hi = trial;
        continue;
      }
      if (flatEnough(trial)) return trial;
      if (trial.slope * (hi.step - lo.step) >= 0) hi = lo;
      lo = trial;
    }
    return lo.step > 0 ? lo : null;
  }
}

/**
 * The minimiser of the cubic through both ends' values and slopes, kept inside the middle 80% of the
 * interval; bisection when an end is outside the domain or the cubic has no minimum there.
 */
function interpolate(lo: Trial, hi: Trial): number {
  const a = lo.step;
  const b = hi.step;
  const low = Math.min(a, b) + 0.1 * Math.abs(b - a);
  const high = Math.max(a, b) - 0.1 * Math.abs(b - a);
  if (Number.isFinite(hi.value) && Number.isFinite(hi.slope) && Number.isFinite(lo.slope)) {
    const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (a - b);
    const radicand = d1 * d1 - lo.slope * hi.slope;
    if (radicand >= 0) {
      const d2 = Math.sign(b - a) * Math.sqrt(radicand);
      const candidate = b - (b - a) * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
      if (Number.isFinite(candidate)) return Math.min(high, Math.max(low, candidate));
    }
  }
  return (a + b) / 2;
}

/** A dense n×n matrix as rows; n is 2 to 4 here, so nothing cleverer pays. */
type Matrix = Float64Array[];

function identity(n: number, scale: number): Matrix {
  const m = Array.from({ length: n }, () => new Float64Array(n));
  resetIdentity(m, scale);
  return m;
}

function resetIdentity(m: Matrix, scale: number): void {
  for (let i = 0; i < m.length; i++) {
    m[i].fill(0);
    m[i][i] = scale;
  }
}

function multiply(m: Matrix, v: Float64Array, out: Float64Array, sign: number): void {
  for (let i = 0; i < m.length; i++) out[i] = sign * dot(m[i], v);
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs), written out to stay symmetric. */
function updateInverseHessian(H: Matrix, s: Float64Array, y: Float64Array, sy: number): void {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  multiply(H, y, Hy, 1);
  const yHy = dot(y, Hy);
  const factor = (1 + rho * yHy) * rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = H[i][j] + factor * s[i] * s[j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
}
