// CLV_MODEL's calibration-versus-holdout table on the CDNOW sample, against figures this test computes on its own.
import { describe, expect, it } from "vitest";
import { holdoutCheck } from "../../src/kpi/clv/holdout-check";
import { ModelError } from "../../src/kpi/clv/model-error";
import { call, column } from "../kpi/call";
import { CDNOW_CALIBRATION_END, loadCdnowLog, loadCdnowSummary, serialOf } from "../fixtures/cdnow/load-cdnow";

const HOLDOUT_END = serialOf(1998, 6, 30);
const HOLDOUT_WEEKS = 39;
// Published BG/NBD estimates for the CDNOW calibration period (Fader, Hardie & Lee 2005, section 5).
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** ₂F₁(a, b; c; z) by its series; the CDNOW arguments have z < 0.5, so it converges quickly. */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; Math.abs(term) > 1e-16 * Math.abs(sum); k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
  }
  return sum;
}

/** Eq. 10 of "Counting Your Customers the Easy Way": E[Y(t) | X = x, t_x, T], written out as printed. */
function conditionalExpectation(x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = PUBLISHED;
  const numerator =
    ((a + b + x - 1) / (a - 1)) *
    (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
  const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
  return numerator / denominator;
}

/** Per row 0 … 6, 7+: customers, mean of eq. 10 over the summary file, mean holdout purchase days from the raw log. */
function independentTable(): { customers: number; predicted: number; actual: number }[] {
  const summary = loadCdnowSummary();
  const log = loadCdnowLog();
  const holdoutDays = new Map<number, Set<number>>();
  log.customerIds.forEach((id, i) => {
    const day = log.orderDates[i];
    if (day <= CDNOW_CALIBRATION_END || day > HOLDOUT_END) return;
    const key = Number(id);
    if (!holdoutDays.has(key)) holdoutDays.set(key, new Set());
    holdoutDays.get(key)?.add(day);
  });
  const rows = Array.from({ length: 8 }, () => ({ customers: 0, predicted: 0, actual: 0 }));
  for (const c of summary) {
    const row = rows[Math.min(c.x, 7)];
    row.customers++;
    row.predicted += conditionalExpectation(c.x, c.tx, c.T, HOLDOUT_WEEKS);
    row.actual += holdoutDays.get(c.id)?.size ?? 0;
  }
  return rows.map((r) => ({ customers: r.customers, predicted: r.predicted / r.customers, actual: r.actual / r.customers }));
}

const log = loadCdnowLog();
const ids = column(...log.customerIds.map(Number));
const dates = column(...log.orderDates.map((serial) => {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}));

describe("CLV_MODEL holdout table on the CDNOW sample, calibration to 1997-09-30 and holdout to 1998-06-30", () => {
  const table = call("CLV_MODEL", ids, dates, undefined, new Date(1997, 8, 30), new Date(1998, 5, 30)) as (string | number)[][];
  const expected = independentTable();

  it("has a header, rows 0 … 6 and 7+, then all customers", () => {
    expect(table[0]).toEqual([
      "repeat purchases by as_of", "customers", "predicted purchases per customer, holdout", "actual purchases per customer, holdout",
    ]);
    expect(table.slice(1).map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, "7+", "all"]);
  });

  it("counts the customers of each row as the summary file does (1,411 never came back)", () => {
    expect(table.slice(1, 9).map((r) => r[1])).toEqual(expected.map((r) => r.customers));
    expect(table[1][1]).toBe(1411);
    expect(table[9][1]).toBe(2357);
  });

  it("gives each row's mean actual holdout purchases, counted from the raw log", () => {
    table.slice(1, 9).forEach((r, i) => expect(r[3]).toBeCloseTo(expected[i].actual, 12));
    const total = expected.reduce((s, r) => s + r.actual * r.customers, 0);
    expect((table[9][3] as number) * 2357).toBeCloseTo(total, 9);
  });

  it("predicts each row's mean within 0.5% of eq. 10 with the published (rounded) estimates on the summary file", () => {
    table.slice(1, 9).forEach((r, i) => {
      expect(Math.abs((r[2] as number) / expected[i].predicted - 1), `row ${r[0]}`).toBeLessThan(0.005);
    });
  });

  it("tracks the actuals within 0.4 purchases per customer in every row and 0.1 overall", () => {
    for (const r of table.slice(1)) expect(Math.abs((r[2] as number) - (r[3] as number)), `row ${r[0]}`).toBeLessThan(0.4);
    expect(Math.abs((table[9][2] as number) - (table[9][3] as number))).toBeLessThan(0.1);
  });
});

describe("holdout errors", () => {
  const asOf = CDNOW_CALIBRATION_END;

  it("holdout_end needs as_of, and must come after it", () => {
    expect(() => call("CLV_MODEL", ids, dates, undefined, undefined, new Date(1998, 5, 30))).toThrow(
      /^CLV_MODEL: holdout_end needs as_of: the model is fitted on the orders up to as_of/,
    );
    expect(() => call("CLV_MODEL", ids, dates, undefined, new Date(1997, 8, 30), new Date(1997, 8, 30))).toThrow(
      /^CLV_MODEL: holdout_end must be a date after as_of/,
    );
    expect(() => holdoutCheck(log, asOf, asOf - 10)).toThrow(ModelError);
  });

  it("leaves an empty row in place with blank means", () => {
    const check = holdoutCheck(log, asOf, HOLDOUT_END);
    expect(check.holdoutWeeks).toBe(39);
    const trimmed = { ...log, customerIds: log.customerIds.slice(0, 400), orderDates: log.orderDates.slice(0, 400) };
    const small = call("CLV_MODEL", column(...trimmed.customerIds), column(...trimmed.orderDates), "", asOf, HOLDOUT_END) as (string | number)[][];
    const empty = small.slice(1, 9).filter((r) => r[1] === 0);
    for (const r of empty) expect([r[2], r[3]]).toEqual(["", ""]);
  });
});
