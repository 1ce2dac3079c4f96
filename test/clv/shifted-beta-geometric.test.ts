// The sBG retention model against Fader & Hardie (2007), "How to Project Customer Retention": estimates, projections, errors.
import betaln from "@stdlib/math-base-special-betaln";
import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/kpi/clv/model-error";
import { ShiftedBetaGeometric } from "../../src/kpi/retention/shifted-beta-geometric";

// Table 1 of the paper (from Berry & Linoff 2004): % of a cohort of 1,000 still active at the start of years 0–12.
const REGULAR = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3];
const HIGH_END = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4];
const calibration = (cohort: number[]): number[] => cohort.slice(0, 8).map((pct) => Math.round(pct * 10));
const round = (v: number, decimals: number): number => Number(v.toFixed(decimals));

/** The paper's likelihood, written out from P(T = t) = B(α+1, β+t−1)/B(α, β) and S(t) = B(α, β+t)/B(α, β). */
function paperLogLikelihood(alpha: number, beta: number, active: number[]): number {
  let ll = 0;
  for (let t = 1; t < active.length; t++) ll += (active[t - 1] - active[t]) * (betaln(alpha + 1, beta + t - 1) - betaln(alpha, beta));
  const T = active.length - 1;
  return ll + active[T] * (betaln(alpha, beta + T) - betaln(alpha, beta));
}

describe("sBG fitted on the two cohorts' years 0–7 (Fader & Hardie 2007)", () => {
  const regular = ShiftedBetaGeometric.fit(calibration(REGULAR));
  const highEnd = ShiftedBetaGeometric.fit(calibration(HIGH_END));

  it("estimates regular α = 0.704, β = 1.182 and high end α = 0.668, β = 3.806, as published", () => {
    expect([round(regular.model.alpha, 3), round(regular.model.beta, 3)]).toEqual([0.704, 1.182]);
    expect([round(highEnd.model.alpha, 3), round(highEnd.model.beta, 3)]).toEqual([0.668, 3.806]);
    expect(regular.periods).toBe(7);
  });

  it("reaches the maximum of the paper's likelihood: no better than the published rounded values, and a zero gradient", () => {
    const counts = calibration(REGULAR);
    expect(regular.logLikelihood).toBeCloseTo(paperLogLikelihood(regular.model.alpha, regular.model.beta, counts), 9);
    expect(regular.logLikelihood).toBeGreaterThanOrEqual(paperLogLikelihood(0.704, 1.182, counts));
    const { alpha, beta } = regular.model;
    const h = 1e-6;
    expect(Math.abs(paperLogLikelihood(alpha * (1 + h), beta, counts) - paperLogLikelihood(alpha * (1 - h), beta, counts)) / (2 * h)).toBeLessThan(1e-4);
    expect(Math.abs(paperLogLikelihood(alpha, beta * (1 + h), counts) - paperLogLikelihood(alpha, beta * (1 - h), counts)) / (2 * h)).toBeLessThan(1e-4);
  });

  it("projects years 8–12 within 1 point (regular) and 2 points (high end) of the paper's actuals", () => {
    for (let t = 8; t <= 12; t++) {
      expect(Math.abs(100 * regular.model.survival(t) - REGULAR[t]), `regular year ${t}`).toBeLessThan(1);
      expect(Math.abs(100 * highEnd.model.survival(t) - HIGH_END[t]), `high end year ${t}`).toBeLessThan(2);
    }
    // The projection the docs print, to one decimal.
    expect([8, 9, 10, 11, 12].map((t) => round(100 * regular.model.survival(t), 1))).toEqual([22.0, 20.4, 19.1, 18.0, 17.0]);
    expect([8, 9, 10, 11, 12].map((t) => round(100 * highEnd.model.survival(t), 1))).toEqual([46.0, 43.6, 41.4, 39.5, 37.8]);
  });

  it("has S(t) = Π retention rates and retention rising with tenure (eq. 8 of the paper)", () => {
    const { model } = highEnd;
    let product = 1;
    for (let t = 1; t <= 30; t++) {
      product *= model.retentionRate(t);
      expect(model.survival(t)).toBeCloseTo(product, 13);
      if (t > 1) expect(model.retentionRate(t)).toBeGreaterThan(model.retentionRate(t - 1));
    }
    expect(model.survival(0)).toBe(1);
  });

  it("gives the same α and β from counts, percentages or shares: only the log-likelihood scales", () => {
    const shares = ShiftedBetaGeometric.fit(calibration(REGULAR).map((n) => n / 1000));
    const percent = ShiftedBetaGeometric.fit(REGULAR.slice(0, 8));
    for (const other of [shares, percent]) {
      expect(other.model.alpha).toBeCloseTo(regular.model.alpha, 8);
      expect(other.model.beta).toBeCloseTo(regular.model.beta, 8);
    }
    expect(percent.logLikelihood).toBeCloseTo(regular.logLikelihood / 10, 6);
  });

  it("is deterministic", () => {
    expect(ShiftedBetaGeometric.fit(calibration(HIGH_END))).toEqual(highEnd);
  });
});

describe("sBG refusals say what is wrong with the cohort", () => {
  const fit = (counts: number[]) => () => ShiftedBetaGeometric.fit(counts);

  it("too few periods, a growing cohort, an empty cohort, no churn", () => {
    expect(fit([1000, 600])).toThrow(ModelError);
    expect(fit([1000, 600])).toThrow(/^needs the active count of at least periods 0 to 2/);
    expect(fit([1000, 600, 650])).toThrow(/^period 2 has 650 active, more than the 600 of period 1/);
    expect(fit([0, 0, 0])).toThrow(/^period 0 \(the cohort's size\) is 0/);
    expect(fit([500, 500, 500])).toThrow(/^no customer left in any period/);
    expect(fit([500, -1, 0])).toThrow(/^the count of period 1 is -1/);
  });

  it("a cohort whose retention does not rise gets the constant churn rate that describes it", () => {
    // 20% churn every period: a geometric cohort, the limit of the sBG as α and β grow together.
    expect(fit([10000, 8000, 6400, 5120, 4096])).toThrow(
      /^the retention rate does not rise steadily from period to period \(80%, 80%, 80%, 80%\).*constant churn rate of 20\.0% a period/,
    );
  });

  it("accepts a cohort that empties completely", () => {
    const { model } = ShiftedBetaGeometric.fit([1000, 300, 100, 40, 15, 5, 0]);
    expect(model.alpha).toBeGreaterThan(0);
    expect(model.survival(6)).toBeLessThan(0.01);
  });
});
