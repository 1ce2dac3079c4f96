// The Nelder–Mead minimiser: finds known minima, reports a spent budget, and repeats itself exactly.
import { describe, expect, it } from "vitest";
import { minimize } from "../../src/kpi/clv/optimizer";

const rosenbrock = (v: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i + 1 < v.length; i++) s += 100 * (v[i + 1] - v[i] ** 2) ** 2 + (1 - v[i]) ** 2;
  return s;
};

describe("minimize", () => {
  it("finds the Rosenbrock minimum in 4 dimensions", () => {
    const result = minimize(rosenbrock, [-1.2, 1, -1.2, 1]);
    expect(result.converged).toBe(true);
    for (const x of result.x) expect(x).toBeCloseTo(1, 5);
  });

  it("reports non-convergence when the budget runs out", () => {
    const result = minimize(rosenbrock, [-1.2, 1, -1.2, 1], { maxEvaluations: 50 });
    expect(result.converged).toBe(false);
  });

  it("treats NaN as an infinitely bad point", () => {
    const result = minimize((v) => (v[0] < 0 ? NaN : (v[0] - 2) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(2, 6);
  });

  it("is deterministic", () => {
    expect(minimize(rosenbrock, [0, 0, 0])).toEqual(minimize(rosenbrock, [0, 0, 0]));
  });
});
