// The BFGS minimiser and the fit strategy around it: known minima, runaway objectives, stalls that fall back to Nelder–Mead.
import { describe, expect, it } from "vitest";
import { minimizeBfgs, type ObjectiveWithGradient } from "../../src/kpi/clv/bfgs";
import { minimizeLogParams } from "../../src/kpi/clv/fit-log-params";

const rosenbrock: ObjectiveWithGradient = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const u = x[i + 1] - x[i] * x[i];
    f += 100 * u * u + (1 - x[i]) ** 2;
    g[i] += -400 * x[i] * u - 2 * (1 - x[i]);
    g[i + 1] += 200 * u;
  }
  return f;
};

describe("minimizeBfgs", () => {
  it("finds the 4-dimensional Rosenbrock minimum at (1, 1, 1, 1) in far fewer evaluations than Nelder–Mead needs", () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1, -1.2, 1]);
    expect(result.stop).toBe("optimum");
    for (const v of result.x) expect(v).toBeCloseTo(1, 8);
    expect(result.evaluations).toBeLessThan(200);
  });

  it("minimises a badly scaled quadratic exactly", () => {
    const scales = [1e-2, 1, 1e3];
    const f: ObjectiveWithGradient = (x, g) => {
      let s = 0;
      x.forEach((v, i) => {
        s += scales[i] * (v - i) ** 2;
        g[i] = 2 * scales[i] * (v - i);
      });
      return s;
    };
    const result = minimizeBfgs(f, [5, 5, 5]);
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(i, 7));
  });

  it("stops with 'runaway' when the objective keeps falling as a coordinate grows", () => {
    const result = minimizeBfgs((x, g) => {
      g[0] = -Math.exp(-x[0]);
      g[1] = 2 * x[1];
      return Math.exp(-x[0]) + x[1] * x[1];
    }, [0, 1]);
    expect(result.stop).toBe("runaway");
    expect(result.converged).toBe(false);
  });

  it("steps back from points where the objective is undefined", () => {
    // ln-barrier at x = 0: the line search must not accept the infinite side.
    const result = minimizeBfgs((x, g) => {
      if (x[0] <= 0) {
        g[0] = NaN;
        return NaN;
      }
      g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    }, [8]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
  });

  it("is deterministic", () => {
    expect(minimizeBfgs(rosenbrock, [0, 0, 0])).toEqual(minimizeBfgs(rosenbrock, [0, 0, 0]));
  });
});

describe("minimizeLogParams", () => {
  it("uses BFGS when the gradient is right", () => {
    const result = minimizeLogParams(rosenbrock, [-1.2, 1]);
    expect(result).toMatchObject({ method: "BFGS", converged: true });
  });

  it("falls back to Nelder–Mead when a wrong gradient makes BFGS stall, and still finds the minimum", () => {
    const misleading: ObjectiveWithGradient = (x, g) => {
      const f = rosenbrock(x, g);
      g[0] = -g[0];
      return f;
    };
    const result = minimizeLogParams(misleading, [-1.2, 1]);
    expect(result.method).toBe("Nelder-Mead");
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(v).toBeCloseTo(1, 4);
  });
});
