// Gamma-Gamma spend model against Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value", on CDNOW.
import { describe, expect, it } from "vitest";
import { expectedOrderValue, fitGammaGamma, populationMeanOrderValue } from "../../src/kpi/clv/gamma-gamma";
import { summarizeTransactions } from "../../src/kpi/clv/transaction-summary";
import { ModelError } from "../../src/kpi/clv/model-error";
import { CDNOW_CALIBRATION_END, loadCdnowLog, loadCdnowSummary } from "../fixtures/cdnow/load-cdnow";

const round = (v: number, decimals: number): number => Number(v.toFixed(decimals));

const summaryFile = loadCdnowSummary();
const fromFile = fitGammaGamma(summaryFile);

const rawSummary = summarizeTransactions(loadCdnowLog(), CDNOW_CALIBRATION_END);
const fromLog = fitGammaGamma(rawSummary.map((s) => ({ x: s.x, zbar: s.zbar ?? NaN })));

describe("Gamma-Gamma on the 946 CDNOW repeat buyers", () => {
  it("uses exactly the 946 customers with x > 0", () => {
    expect(fromFile.customers).toBe(946);
    expect(fromLog.customers).toBe(946);
  });

  it("fits p = 6.25, q = 3.74, γ = 15.44 from the unrounded log (two decimals)", () => {
    expect(round(fromLog.params.p, 2)).toBe(6.25);
    expect(round(fromLog.params.q, 2)).toBe(3.74);
    expect(round(fromLog.params.gamma, 2)).toBe(15.44);
  });

  it("fits the same to within 0.01 from the summary file, whose z̄ is rounded to cents", () => {
    // The file's rounding moves γ to 15.448 (lifetimes reports 15.45 on the same file); p and q round as published.
    expect(round(fromFile.params.p, 2)).toBe(6.25);
    expect(round(fromFile.params.q, 2)).toBe(3.74);
    expect(Math.abs(fromFile.params.gamma - 15.44)).toBeLessThanOrEqual(0.01);
  });

  it("agrees to 1e−6 with scipy's Nelder–Mead restarted to 1e−13 on the summary file, and matches or beats its likelihood", () => {
    const scipy = { p: 6.24880175, q: 3.74458836, gamma: 15.44774935, logLikelihood: -4055.92324350286 };
    for (const k of ["p", "q", "gamma"] as const) expect(Math.abs(fromFile.params[k] / scipy[k] - 1), k).toBeLessThan(1e-6);
    expect(fromFile.logLikelihood).toBeGreaterThanOrEqual(scipy.logLikelihood - 1e-9);
    expect(fromFile.method).toBe("BFGS");
  });

  it("expects customer 1 (x = 2, z̄ = 22.35) to spend 24.65 per order", () => {
    const first = rawSummary[0];
    expect(first).toMatchObject({ id: "0001", x: 2 });
    expect(round(first.zbar ?? NaN, 2)).toBe(22.35);
    expect(Math.abs(expectedOrderValue(fromLog.params, { x: 2, zbar: first.zbar ?? NaN }) - 24.65)).toBeLessThan(0.005);
    // From the rounded file the same customer comes out at 24.6586, the value lifetimes prints.
    expect(Math.abs(expectedOrderValue(fromFile.params, { x: 2, zbar: 22.35 }) - 24.65)).toBeLessThanOrEqual(0.01);
  });

  it("gives a customer without repeat purchases the population mean pγ/(q − 1)", () => {
    const { p, q, gamma } = fromLog.params;
    expect(expectedOrderValue(fromLog.params, { x: 0, zbar: 0 })).toBeCloseTo((p * gamma) / (q - 1), 12);
    expect(populationMeanOrderValue(fromLog.params)).toBeCloseTo((p * gamma) / (q - 1), 12);
  });

  it("is deterministic", () => {
    expect(fitGammaGamma(summaryFile)).toEqual(fromFile);
  });

  it("refuses a repeat buyer without a positive mean value", () => {
    const bad = [...summaryFile.slice(0, 50), { x: 3, zbar: 0 }];
    expect(() => fitGammaGamma(bad)).toThrow(ModelError);
    expect(() => fitGammaGamma(bad)).toThrow(/^.*positive values/);
  });

  it("refuses fewer than 10 repeat buyers", () => {
    const few = summaryFile.filter((c) => c.x > 0).slice(0, 4);
    expect(() => fitGammaGamma(few)).toThrow(/^only 4 customer\(s\).*at least 10/);
  });
});
