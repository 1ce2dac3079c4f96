// ψ(x) against its known values, its recurrence and the derivative of ln Γ, since every fitted gradient rests on it.
import gammaln from "@stdlib/math-base-special-gammaln";
import { describe, expect, it } from "vitest";
import { digamma } from "../../src/kpi/clv/digamma";

const EULER_GAMMA = 0.5772156649015329;

describe("digamma", () => {
  it("gives ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2 and ψ(1/4) = −γ − π/2 − 3 ln 2 (Abramowitz & Stegun 6.3.2–6.3.4)", () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 14);
    expect(digamma(0.25)).toBeCloseTo(-EULER_GAMMA - Math.PI / 2 - 3 * Math.LN2, 13);
  });

  it("satisfies ψ(x + 1) = ψ(x) + 1/x across the recurrence's switch at 10", () => {
    for (const x of [1e-3, 0.1, 0.7, 2.5, 9.5, 9.99, 10, 12.3, 150, 1e5]) {
      expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, x < 1 ? 9 : 12);
    }
  });

  it("is the derivative of ln Γ (central differences)", () => {
    for (const x of [0.05, 0.3, 1.7, 8, 11, 40, 2500]) {
      const h = 1e-5 * Math.max(1, x);
      const numeric = (gammaln(x + h) - gammaln(x - h)) / (2 * h);
      expect(Math.abs(digamma(x) - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
    }
  });

  it("is NaN outside x > 0, where no likelihood calls it", () => {
    expect(digamma(0)).toBeNaN();
    expect(digamma(-1)).toBeNaN();
  });
});
