// The analytic gradients of the BG/NBD, Gamma-Gamma and sBG likelihoods against central finite differences.
import { describe, expect, it } from "vitest";
import type { ObjectiveWithGradient } from "../../src/kpi/clv/bfgs";
import { makeBgNbdObjective } from "../../src/kpi/clv/bg-nbd-likelihood";
import { groupRecency } from "../../src/kpi/clv/customer-groups";
import { makeGammaGammaObjective } from "../../src/kpi/clv/gamma-gamma-likelihood";
import { makeSbgObjective } from "../../src/kpi/retention/shifted-beta-geometric";
import { loadCdnowSummary } from "../fixtures/cdnow/load-cdnow";

/**
 * Compares ∇f with (f(x + h eᵢ) − f(x − h eᵢ)) / 2h. The difference quotient's own error is O(h²|f‴|)
 * for truncation plus O(ε|f|/h) for rounding: with h = 1e−5 and |f| up to 1e4 both stay below 1e−6 of
 * the larger of |f| and 1, far below what a wrong or missing term would cost.
 */
function expectGradientMatches(f: ObjectiveWithGradient, at: readonly number[]): void {
  const x = Float64Array.from(at);
  const analytic = new Float64Array(x.length);
  const value = f(x, analytic);
  expect(Number.isFinite(value)).toBe(true);
  const scratch = new Float64Array(x.length);
  const h = 1e-5;
  for (let i = 0; i < x.length; i++) {
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[i] += h;
    down[i] -= h;
    const numeric = (f(up, scratch) - f(down, scratch)) / (2 * h);
    const tolerance = 1e-7 * Math.max(1, Math.abs(value), Math.abs(numeric));
    expect(Math.abs(analytic[i] - numeric), `∂/∂x${i} at ${at.join(", ")}: ${analytic[i]} vs ${numeric}`).toBeLessThan(tolerance);
  }
}

const cdnow = loadCdnowSummary();

describe("BG/NBD gradient in (ln r, ln α, ln a, ln b)", () => {
  const objective = makeBgNbdObjective(groupRecency(cdnow));
  const points: number[][] = [
    [Math.log(0.243), Math.log(4.414), Math.log(0.793), Math.log(2.426)], // the CDNOW optimum
    [0, Math.log(3.7), 0, 0], // the fit's start
    [1.2, 3, -2, 0.5], // far from both
    [-2, 0.1, 0.2, -1.5], // b < 1, where b + x − 1 gets small for x = 1
  ];
  for (const p of points) it(`matches finite differences at (${p.map((v) => v.toFixed(3)).join(", ")})`, () => expectGradientMatches(objective, p));

  it("holds for customers with one purchase only, whose term has no drop-out part", () => {
    const oneTimers = makeBgNbdObjective(groupRecency([{ x: 0, tx: 0, T: 30 }, { x: 0, tx: 0, T: 12.5 }, { x: 3, tx: 20, T: 30 }]));
    expectGradientMatches(oneTimers, [0.3, 1, -0.4, 0.8]);
  });
});

describe("Gamma-Gamma gradient in (ln p, ln q, ln γ)", () => {
  const buyers = cdnow.filter((c) => c.x > 0);
  const objective = makeGammaGammaObjective(buyers);
  for (const p of [[Math.log(6.25), Math.log(3.74), Math.log(15.44)], [0, Math.log(2), Math.log(30)], [-1, 2.5, 6]]) {
    it(`matches finite differences at (${p.map((v) => v.toFixed(3)).join(", ")})`, () => expectGradientMatches(objective, p));
  }
});

describe("sBG gradient in (ln α, ln β)", () => {
  const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
  const withEmptyPeriods = [500, 500, 420, 420, 300, 0];
  for (const [cohort, p] of [[regular, [Math.log(0.704), Math.log(1.182)]], [regular, [0, 0]], [regular, [2, -1]], [withEmptyPeriods, [0.5, 1.5]]] as const) {
    it(`matches finite differences for [${cohort.join(", ")}] at (${p.map((v) => v.toFixed(3)).join(", ")})`, () => {
      expectGradientMatches(makeSbgObjective(cohort), p);
    });
  }
});
