// BG/NBD against the published CDNOW results of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way".
import { describe, expect, it } from "vitest";
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
} from "../../src/kpi/clv/bg-nbd";
import { makeBgNbdObjective } from "../../src/kpi/clv/bg-nbd-likelihood";
import { groupRecency } from "../../src/kpi/clv/customer-groups";
import { ModelError } from "../../src/kpi/clv/model-error";
import { loadCdnowSummary } from "../fixtures/cdnow/load-cdnow";

const customers = loadCdnowSummary();
const fit = fitBgNbd(customers);
const { params } = fit;

const round = (v: number, decimals: number): number => Number(v.toFixed(decimals));

describe("BG/NBD on the CDNOW summary (FHL 2005, section 5)", () => {
  it("fits r = 0.243, α = 4.414, a = 0.793, b = 2.426 (third decimal)", () => {
    expect(customers).toHaveLength(2357);
    expect(round(params.r, 3)).toBe(0.243);
    expect(round(params.alpha, 3)).toBe(4.414);
    expect(round(params.a, 3)).toBe(0.793);
    expect(round(params.b, 3)).toBe(2.426);
  });

  it("agrees to 1e−6 with scipy's Nelder–Mead restarted to 1e−13 on the same likelihood, which it matches or beats", () => {
    // From python3 with scipy 1.17: six restarts of Nelder–Mead (xatol = fatol = 1e−13) on the summary file.
    const scipy = { r: 0.24259291, alpha: 4.41353155, a: 0.7928861, b: 2.42575363, logLikelihood: -9582.42556056736 };
    for (const k of ["r", "alpha", "a", "b"] as const) expect(Math.abs(params[k] / scipy[k] - 1), k).toBeLessThan(1e-6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(scipy.logLikelihood - 1e-9);
  });

  it("stops where the gradient vanishes, by BFGS, in a few dozen evaluations", () => {
    const gradient = new Float64Array(4);
    makeBgNbdObjective(groupRecency(customers))(
      Float64Array.of(Math.log(params.r), Math.log(params.alpha), Math.log(params.a), Math.log(params.b)),
      gradient,
    );
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
    expect(fit.method).toBe("BFGS");
    expect(fit.evaluations).toBeLessThan(60);
  });

  it("reaches the published log-likelihood −9582.4", () => {
    expect(round(fit.logLikelihood, 1)).toBe(-9582.4);
    // The grouped likelihood equals the plain per-customer sum.
    const perCustomer = customers.reduce((s, c) => s + bgNbdLogLikelihood(params, groupRecency([c])), 0);
    expect(bgNbdLogLikelihood(params, groupRecency(customers))).toBeCloseTo(perCustomer, 6);
  });

  it("expects 1.226 purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86 (eq. 10)", () => {
    const e = expectedPurchases(params, 39, { x: 2, tx: 30.43, T: 38.86 });
    expect(Math.abs(e - 1.226)).toBeLessThanOrEqual(0.001);
  });

  it("gives E[X(t)] = 0.0532, 0.1506, 1.858 for t = 1, 3, 78 weeks (eq. 9)", () => {
    const published: [number, number][] = [[1, 0.0532], [3, 0.1506], [78, 1.858]];
    for (const [t, expected] of published) {
      expect(Math.abs(expectedPurchasesNewCustomer(params, t) - expected)).toBeLessThanOrEqual(0.001);
    }
  });

  it("gives P(X(39) = 0) = 0.574 for a new customer (eq. 8)", () => {
    expect(Math.abs(probabilityOfPurchases(params, 39, 0) - 0.574)).toBeLessThanOrEqual(0.001);
  });

  it("has eq. 8 summing to 1 with mean equal to eq. 9", () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const pn = probabilityOfPurchases(params, 39, n);
      total += pn;
      mean += n * pn;
    }
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(expectedPurchasesNewCustomer(params, 39), 8);
  });

  it("treats never-returning customers as alive and recent buyers as likelier alive than lapsed ones", () => {
    expect(probabilityAlive(params, { x: 0, tx: 0, T: 38 })).toBe(1);
    const recent = probabilityAlive(params, { x: 3, tx: 37, T: 38 });
    const lapsed = probabilityAlive(params, { x: 3, tx: 5, T: 38 });
    expect(recent).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
  });

  it("stays finite and continuous at a = 1, where eq. 10 is 0/0", () => {
    const history = { x: 2, tx: 30.43, T: 38.86 };
    const at = (a: number): number => expectedPurchases({ ...params, a }, 39, history);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-3) + at(1 + 1e-3)) / 2, 5);
  });

  it("handles a + b < 1, where the series' c = a + b − 1 is negative", () => {
    const small = { r: 0.5, alpha: 3, a: 0.3, b: 0.4 };
    const e = expectedPurchasesNewCustomer(small, 10);
    let mean = 0;
    for (let n = 0; n < 400; n++) mean += n * probabilityOfPurchases(small, 10, n);
    expect(e).toBeCloseTo(mean, 6);
  });

  it("is deterministic: two fits give identical numbers", () => {
    expect(fitBgNbd(customers)).toEqual(fit);
  });

  it("refuses to fit with fewer than 10 repeat customers, saying why", () => {
    const few = [...customers.filter((c) => c.x === 0), ...customers.filter((c) => c.x > 0).slice(0, 9)];
    expect(() => fitBgNbd(few)).toThrow(ModelError);
    expect(() => fitBgNbd(few)).toThrow(/^only 9 customer\(s\) bought again.*at least 10 repeat customers/);
  });
});
