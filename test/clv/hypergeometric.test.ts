// The c·₂F₁ series against closed forms (Abramowitz & Stegun 15.1.3, 15.1.8).
import { describe, expect, it } from "vitest";
import { scaledHyp2f1 } from "../../src/kpi/clv/hypergeometric";
import { ModelError } from "../../src/kpi/clv/model-error";

const value = (a: number, b: number, c: number, z: number): number => {
  const s = scaledHyp2f1(a, b, c, z);
  return s.mantissa * Math.exp(s.logScale);
};

describe("scaledHyp2f1", () => {
  it("matches 2·₂F₁(1, 1; 2; z) = −2 ln(1 − z)/z, including close to z = 1", () => {
    for (const z of [0.001, 0.3, 0.9, 0.999]) {
      expect(value(1, 1, 2, z) / (-2 * Math.log(1 - z) / z)).toBeCloseTo(1, 13);
    }
  });

  it("matches c·₂F₁(a, b; b; z) = c(1 − z)^−a for c = b", () => {
    expect(value(2.5, 0.7, 0.7, 0.6) / (0.7 * Math.pow(0.4, -2.5))).toBeCloseTo(1, 13);
  });

  it("stays finite as c → 0 and for c < 0, where ₂F₁ itself has a pole", () => {
    // c·₂F₁(a, b; c; z) → a·b·z·₂F₁(a+1, b+1; 2; z) as c → 0.
    const limit = 0.5 * 2 * 0.3 * (value(1.5, 3, 2, 0.3) / 2);
    expect(value(0.5, 2, 1e-12, 0.3)).toBeCloseTo(limit, 9);
    expect(Number.isFinite(value(0.5, 2, -0.4, 0.3))).toBe(true);
  });

  it("rescales instead of overflowing", () => {
    const s = scaledHyp2f1(300, 300, 2, 0.99);
    expect(s.logScale).toBeGreaterThan(0);
    expect(Number.isFinite(s.mantissa)).toBe(true);
  });

  it("refuses arguments outside its domain with a ModelError", () => {
    expect(() => scaledHyp2f1(1, 1, 2, 1)).toThrow(ModelError);
  });
});
