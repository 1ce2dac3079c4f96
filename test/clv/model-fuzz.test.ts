// Property tests with cohort- and log-shaped random input, which reach the fits the generic cell fuzzing rarely does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellInput } from "../../src/kpi/cells";
import { KpiError } from "../../src/kpi/kpi-error";
import { call, column } from "../kpi/call";

/** Runs a catalogue function; a KpiError naming it is an acceptable answer, anything else thrown fails. */
function attempt<T>(name: string, run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiError);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    return null;
  }
}

/** S(t) = Π (β+j−1)/(α+β+j−1): the sBG survival the cohorts below are drawn around. */
const survival = (alpha: number, beta: number, t: number): number => {
  let s = 1;
  for (let j = 1; j <= t; j++) s *= (beta + j - 1) / (alpha + beta + j - 1);
  return s;
};

// Cohorts shaped like real ones: the sBG curve of random α and β, rounded counts with a few percent of
// noise (kept non-increasing); sometimes as percentages, sometimes with a stray cell, sometimes flat or
// geometric (which the model must refuse with a reason).
const cohort: fc.Arbitrary<CellInput> = fc
  .tuple(
    fc.double({ min: 0.1, max: 6, noNaN: true }),
    fc.double({ min: 0.1, max: 30, noNaN: true }),
    fc.integer({ min: 20, max: 20000 }),
    fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 1, maxLength: 14 }),
    fc.constantFrom("counts", "percent", "stray", "flat", "geometric", "counts", "counts"),
  )
  .map(([alpha, beta, size, noise, shape]) => {
    let previous = size;
    const counts = noise.map((e, t) => {
      const expected = shape === "flat" ? size : shape === "geometric" ? size * 0.8 ** t : size * survival(alpha, beta, t);
      const n = t === 0 ? size : Math.min(previous, Math.max(0, Math.round(expected * (1 + e))));
      previous = n;
      return n;
    });
    const cells: (number | string)[] = shape === "percent" ? counts.map((n) => (100 * n) / size) : counts;
    if (shape === "stray") cells.splice(Math.floor(cells.length / 2), 0, "n/a");
    return column(...cells);
  });

describe("sBG functions on random cohorts", () => {
  it("RETENTION_MODEL gives positive finite alpha and beta and a log-likelihood ≤ 0, or an error naming it", () => {
    fc.assert(
      fc.property(cohort, (active) => {
        const rows = attempt("RETENTION_MODEL", () => call("RETENTION_MODEL", active) as [string, number][]);
        if (rows === null) return;
        const [[, alpha], [, beta], [, ll]] = rows;
        for (const v of [alpha, beta]) expect(v > 0 && Number.isFinite(v)).toBe(true);
        expect(ll).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it("RETENTION_FORECAST's survival falls and its retention rate rises, both within [0, 1]", () => {
    const ahead = fc.oneof(fc.integer({ min: -2, max: 130 }), fc.double({ min: 0, max: 10, noNaN: true }));
    fc.assert(
      fc.property(cohort, ahead, (active, periods) => {
        const rows = attempt("RETENTION_FORECAST", () => call("RETENTION_FORECAST", active, periods) as (string | number)[][]);
        if (rows === null) return;
        const body = rows.slice(1);
        body.forEach((r, i) => {
          const survival = r[2] as number;
          expect(survival).toBeGreaterThanOrEqual(0);
          expect(survival).toBeLessThanOrEqual(1);
          if (i === 0) return;
          expect(survival).toBeLessThanOrEqual(body[i - 1][2] as number);
          const rate = r[3] as number;
          expect(rate > 0 && rate <= 1).toBe(true);
          if (i > 1) expect(rate).toBeGreaterThanOrEqual((body[i - 1][3] as number) - 1e-15);
        });
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it("LTV_RETENTION lies between one payment and the never-churning customer's value, and grows with tenure", () => {
    const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 3, noNaN: true }), fc.constant(-0.05));
    fc.assert(
      fc.property(cohort, fc.double({ min: 0, max: 1000, noNaN: true }), rate, fc.integer({ min: 0, max: 60 }), (active, value, d, n) => {
        const ltv = attempt("LTV_RETENTION", () => call("LTV_RETENTION", active, value, d, n) as number);
        if (ltv === null) return;
        expect(Number.isFinite(ltv)).toBe(true);
        expect(ltv).toBeGreaterThanOrEqual(value * (1 - 1e-12));
        if (d > 0) expect(ltv).toBeLessThanOrEqual((value * (1 + d)) / d * (1 + 1e-12));
        const later = call("LTV_RETENTION", active, value, d, n + 1) as number;
        expect(later).toBeGreaterThanOrEqual(ltv * (1 - 1e-12));
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});

describe("CLV_MODEL's holdout table on random order logs", () => {
  // Customers with their own buying rate and drop-out chance, a first order in the first 90 days and
  // exponential gaps after it: the BG/NBD story, with uniforms from fast-check.
  // Uniforms come from integers: fast-check's doubles crowd near 0, which would end every customer early.
  const uniform = fc.integer({ min: 0, max: 999 }).map((k) => k / 1000);
  const customer = fc.tuple(
    fc.integer({ min: 2, max: 100 }).map((k) => k / 1000),
    fc.integer({ min: 0, max: 80 }).map((k) => k / 100),
    fc.integer({ min: 0, max: 90 }),
    fc.array(uniform, { minLength: 12, maxLength: 12 }),
  );
  const toOrders = (customers: [number, number, number, number[]][]): [string, number][] =>
    customers.flatMap(([rate, drop, first, uniforms], id) => {
      const days: number[] = [first];
      for (let k = 0; k + 1 < uniforms.length; k += 2) {
        if (days.length > 1 && uniforms[k] < drop) break;
        const next = days[days.length - 1] + Math.ceil(-Math.log(1 - uniforms[k + 1]) / rate);
        if (next > 540) break;
        days.push(next);
      }
      return days.map((d): [string, number] => [`C${id}`, 45292 + d]);
    });

  it("has its 10 rows with counts adding up and non-negative means, or an error naming CLV_MODEL", () => {
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 20, maxLength: 80 }),
        fc.integer({ min: 150, max: 450 }),
        fc.integer({ min: -30, max: 200 }),
        (customers, asOfDay, holdoutDays) => {
          const orders = toOrders(customers);
          const start = 45292; // 2024-01-01
          const table = attempt("CLV_MODEL", () =>
            call("CLV_MODEL", column(...orders.map((o) => o[0])), column(...orders.map((o) => o[1])), "", start + asOfDay, start + asOfDay + holdoutDays) as (string | number)[][],
          );
          if (table === null) return;
          expect(table).toHaveLength(10);
          const rows = table.slice(1, 9);
          expect(rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(table[9][1]);
          for (const r of table.slice(1)) {
            if (r[1] === 0) expect([r[2], r[3]]).toEqual(["", ""]);
            else for (const v of [r[2], r[3]]) expect(v as number).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 150, seed: 18 },
    );
  });
});
