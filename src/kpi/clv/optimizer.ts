// Deterministic Nelder–Mead minimiser with restarts: the derivative-free fallback of the CLV and retention fits when BFGS stalls.

export interface MinimizeOptions {
  /** Edge length of the first simplex, in the units of x (log units for the CLV fits). */
  readonly initialStep?: number;
  /** Edge length of the simplex of each restart: smaller, as it only has to escape a false stop nearby. */
  readonly restartStep?: number;
  /** Stop a run when every vertex is within this distance of the best one, coordinate by coordinate. */
  readonly xTolerance?: number;
  /** ...and every vertex's value is within this relative distance of the best value. */
  readonly fTolerance?: number;
  readonly maxEvaluations?: number;
  readonly maxRestarts?: number;
}

export interface MinimizeResult {
  readonly x: number[];
  readonly value: number;
  /** True when a restart from the optimum could not improve it; false when a budget ran out first. */
  readonly converged: boolean;
  readonly evaluations: number;
  readonly restarts: number;
}

const DEFAULTS = {
  initialStep: 0.5,
  restartStep: 0.1,
  // A 1e−7 spread in log parameters is a relative error of 1e−7, far below the third decimal.
  xTolerance: 1e-7,
  fTolerance: 1e-12,
  // The CDNOW fits need under 1,000; a fit still wandering after 5,000 is heading for a boundary, and
  // stopping there keeps a large log inside Apps Script's 30 s limit with a clear error instead.
  maxEvaluations: 5_000,
  maxRestarts: 30,
};

/**
 * Minimises f from x0. Nelder–Mead alone can collapse its simplex on a slope of a long narrow valley
 * (the BG/NBD and Gamma-Gamma likelihoods both have one), so each converged run is restarted from its
 * best point with a fresh simplex until a restart no longer improves the value.
 */
export function minimize(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const opts = { ...DEFAULTS, ...options };
  // NaN would break every comparison below; an undefined objective is simply a bad point.
  const safe = (x: readonly number[]): number => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const budget = { used: 0 };
  let best = [...x0];
  let bestValue = safe(best);
  budget.used++;
  for (let restart = 0; restart <= opts.maxRestarts; restart++) {
    const run = nelderMead(safe, best, restart === 0 ? opts.initialStep : opts.restartStep, opts, budget);
    const improvement = bestValue - run.value;
    const improved = run.value < bestValue;
    if (improved) {
      best = run.x;
      bestValue = run.value;
    }
    if (!run.finished) {
      return { x: best, value: bestValue, converged: false, evaluations: budget.used, restarts: restart };
    }
    if (restart > 0 && improvement <= opts.fTolerance * (1 + Math.abs(bestValue))) {
      return {
        x: best,
        value: bestValue,
        converged: Number.isFinite(bestValue),
        evaluations: budget.used,
        restarts: restart,
      };
    }
  }
  return { x: best, value: bestValue, converged: false, evaluations: budget.used, restarts: opts.maxRestarts };
}

interface Run {
  readonly x: number[];
  readonly value: number;
  /** False when the evaluation budget ran out before the tolerances were met. */
  readonly finished: boolean;
}

/** One Nelder–Mead run with the dimension-adaptive coefficients of Gao & Han (2012). */
function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  opts: typeof DEFAULTS,
  budget: { used: number },
): Run {
  const n = start.length;
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;

  const vertices: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const v = [...start];
    v[i] += step;
    vertices.push(v);
  }
  const values = vertices.map((v) => f(v));
  budget.used += n + 1;
  const order = vertices.map((_, i) => i);
  const centroid = new Array<number>(n);
  const along = (from: readonly number[], to: readonly number[], t: number): number[] =>
    from.map((c, j) => c + t * (to[j] - c));

  for (;;) {
    // Stable on ties (index order), so the run is reproducible bit for bit.
    order.sort((i, j) => values[i] - values[j] || i - j);
    const bestV = vertices[order[0]];
    const bestF = values[order[0]];
    let spreadX = 0;
    let spreadF = 0;
    for (let k = 1; k <= n; k++) {
      const v = vertices[order[k]];
      spreadF = Math.max(spreadF, Math.abs(values[order[k]] - bestF));
      for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(v[j] - bestV[j]));
    }
    if (spreadX <= opts.xTolerance && spreadF <= opts.fTolerance * (1 + Math.abs(bestF))) {
      return { x: [...bestV], value: bestF, finished: true };
    }
    if (budget.used >= opts.maxEvaluations) return { x: [...bestV], value: bestF, finished: false };

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const v = vertices[order[k]];
      for (let j = 0; j < n; j++) centroid[j] += v[j] / n;
    }
    const worstIndex = order[n];
    const worst = vertices[worstIndex];
    const worstF = values[worstIndex];
    const secondWorstF = values[order[n - 1]];

    const reflected = along(centroid, worst, -reflect);
    const reflectedF = f(reflected);
    budget.used++;
    if (reflectedF < bestF) {
      const expanded = along(centroid, worst, -reflect * expand);
      const expandedF = f(expanded);
      budget.used++;
      if (expandedF < reflectedF) {
        vertices[worstIndex] = expanded;
        values[worstIndex] = expandedF;
      } else {
        vertices[worstIndex] = reflected;
        values[worstIndex] = reflectedF;
      }
      continue;
    }
    if (reflectedF < secondWorstF) {
      vertices[worstIndex] = reflected;
      values[worstIndex] = reflectedF;
      continue;
    }
    const outside = reflectedF < worstF;
    const contracted = outside
      ? along(centroid, reflected, contract)
      : along(centroid, worst, contract);
    const contractedF = f(contracted);
    budget.used++;
    if (contractedF < (outside ? reflectedF : worstF)) {
      vertices[worstIndex] = contracted;
      values[worstIndex] = contractedF;
      continue;
    }
    for (let k = 1; k <= n; k++) {
      const i = order[k];
      vertices[i] = along(bestV, vertices[i], shrink);
      values[i] = f(vertices[i]);
    }
    budget.used += n;
  }
}
