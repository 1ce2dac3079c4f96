// LTV_RETENTION and the sBG discounted payments against independent sums, the 2F1 form and the published DERL figure.
import betaln from "@stdlib/math-base-special-betaln";
import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/kpi/clv/model-error";
import { expectedDiscountedPayments } from "../../src/kpi/retention/discounted-payments";
import { ShiftedBetaGeometric } from "../../src/kpi/retention/shifted-beta-geometric";
import { call, column, row } from "../kpi/call";

/** Σ_{t≥n} S(t)/S(n)/(1+d)^(t−n), term by term from S(t) = B(α, β+t)/B(α, β), until a term is below 1e−17 of the sum. */
function bruteForce(alpha: number, beta: number, d: number, n: number): number {
  let sum = 0;
  for (let t = n; ; t++) {
    const term = Math.exp(betaln(alpha, beta + t) - betaln(alpha, beta + n) - (t - n) * Math.log1p(d));
    sum += term;
    if (term < 1e-17 * sum) return sum;
  }
}

/** ₂F₁(1, b; c; z) by its series Σ (b)ₖ/(c)ₖ zᵏ: the closed form of Fader & Hardie (2010), E(CLV) = ₂F₁(1, β; α+β; 1/(1+d)). */
function hyp2f1WithA1(b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; term > 1e-18 * sum; k++) {
    term *= ((b + k) / (c + k)) * z;
    sum += term;
  }
  return sum;
}

const cases: [alpha: number, beta: number, d: number, n: number][] = [
  [0.704, 1.182, 0.1, 0], [0.668, 3.806, 0.1, 0], [0.668, 3.806, 0.1, 7], [2.5, 4, 0.01, 3], [0.3, 0.4, 0.05, 0],
  [100, 1000, 0.02, 0], [0.05, 0.05, 0.2, 0], [5, 50, 1, 10], [1.2, 0.8, 0.003, 40], [0.9, 12, 0.08, 240],
];

describe("sBG expected discounted payments", () => {
  it.each(cases)("α %f, β %f, d %f, n %i: equals the term-by-term sum and the ₂F₁ form to 1e−12", (alpha, beta, d, n) => {
    const computed = new ShiftedBetaGeometric(alpha, beta).discountedPayments(d, n);
    expect(Math.abs(computed / bruteForce(alpha, beta, d, n) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(computed / hyp2f1WithA1(beta + n, alpha + beta + n, 1 / (1 + d)) - 1)).toBeLessThan(1e-12);
  });

  it("without discounting is E[1/θ] = (α+β+n−1)/(α−1) when α > 1, and the discounted value tends to it", () => {
    expect(expectedDiscountedPayments(2.5, 4 + 3, 0)).toBeCloseTo(8.5 / 1.5, 14);
    // The gap closes like d^(α−1): 1e−8 for α = 2 at d = 1e−8.
    const limit = expectedDiscountedPayments(2, 5, 0);
    expect(Math.abs(expectedDiscountedPayments(2, 5, 1e-8) - limit)).toBeLessThan(1e-6 * limit);
    // A long partial sum approaches the closed form from below.
    let partial = 0;
    for (let t = 0; t < 200_000; t++) partial += Math.exp(betaln(2, 5 + t) - betaln(2, 5));
    expect(partial).toBeLessThan(limit);
    expect(partial).toBeGreaterThan(limit * (1 - 1e-4));
  });

  it("refuses to sum without discounting when α ≤ 1, where the expected lifetime is infinite", () => {
    expect(() => expectedDiscountedPayments(0.704, 1.182, 0)).toThrow(ModelError);
    expect(() => expectedDiscountedPayments(1, 3, 0)).toThrow(/sum diverges: the fitted alpha is 1\.00 \(≤ 1\)/);
  });

  it("stays finite for tiny discount rates with α < 1, growing like d^(α−1)", () => {
    const small = expectedDiscountedPayments(0.5, 2, 1e-6);
    const smaller = expectedDiscountedPayments(0.5, 2, 1e-8);
    expect(Number.isFinite(smaller)).toBe(true);
    expect(smaller / small).toBeGreaterThan(9);
    expect(smaller / small).toBeLessThan(11);
  });
});

// The high-end cohort of Fader & Hardie (2007), years 0–7.
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];

describe("LTV_RETENTION in cells", () => {
  it("reproduces the discounted expected residual lifetime 7.530 of a high-end customer after 7 years at 10%", () => {
    // DERL (Fader & Hardie 2010) counts the payments after the current one, each a period later: DERL = (1+d)(value − 1).
    const value = call("LTV_RETENTION", column(...HIGH_END), 1, 0.1, 7) as number;
    expect(Number(((value - 1) * 1.1).toFixed(3))).toBe(7.53);
  });

  it("is value_per_period × discounted payments, for a row or a column with trailing blanks", () => {
    const fitted = ShiftedBetaGeometric.fit(REGULAR);
    const expected = 250 * bruteForce(fitted.model.alpha, fitted.model.beta, 0.08, 2);
    expect(call("LTV_RETENTION", column(...REGULAR, "", ""), 250, 0.08, 2)).toBeCloseTo(expected, 9);
    expect(call("LTV_RETENTION", row(...REGULAR), 250, 0.08, 2)).toBeCloseTo(expected, 9);
    expect(call("LTV_RETENTION", column(...REGULAR), "$250", "8%", 2)).toBeCloseTo(expected, 9);
  });

  it("values a customer more the longer they have stayed (retention rises with tenure)", () => {
    const at = (n: number) => call("LTV_RETENTION", column(...REGULAR), 100, 0.1, n) as number;
    expect(at(0)).toBeLessThan(at(1));
    expect(at(1)).toBeLessThan(at(5));
    expect(at(5)).toBeLessThan(at(50));
  });

  it("refuses the undiscounted sum for the paper's cohorts, whose α is below 1", () => {
    expect(() => call("LTV_RETENTION", column(...REGULAR), 100)).toThrow(
      /^LTV_RETENTION: with a discount rate of 0 the sum diverges: the fitted alpha is 0\.704 \(≤ 1\).*give a discount rate above 0$/,
    );
  });

  it("names the argument that is wrong", () => {
    const ltv = (...args: Parameters<typeof call>[1][]) => () => call("LTV_RETENTION", ...args);
    expect(ltv(column(...REGULAR), -5, 0.1)).toThrow(/^LTV_RETENTION: value_per_period is -5, which cannot be negative$/);
    expect(ltv(column(...REGULAR), 100, -0.1)).toThrow(/^LTV_RETENTION: discount_rate is -0\.1; it must be 0 or more/);
    expect(ltv(column(...REGULAR), 100, 0.1, 2.5)).toThrow(/^LTV_RETENTION: periods_active is 2\.5; it must be a whole number of periods from 0 to 1200$/);
    expect(ltv(column(...REGULAR), "n/a", 0.1)).toThrow(/^LTV_RETENTION: value_per_period is "n\/a", not a number$/);
  });
});
