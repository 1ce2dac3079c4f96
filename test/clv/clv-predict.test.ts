// CLV_PREDICT's engine end to end on the raw CDNOW log: the same fit as the papers, predictions, discounting and errors.
import { describe, expect, it } from "vitest";
import { expectedPurchases } from "../../src/kpi/clv/bg-nbd";
import { fitClvModel } from "../../src/kpi/clv/clv-model";
import { predictClv } from "../../src/kpi/clv/clv-predict";
import { ModelError } from "../../src/kpi/clv/model-error";
import { CDNOW_CALIBRATION_END, loadCdnowLog, serialOf } from "../fixtures/cdnow/load-cdnow";

const round = (v: number, decimals: number): number => Number(v.toFixed(decimals));
const log = loadCdnowLog();
const asOf = CDNOW_CALIBRATION_END;
const undiscounted = predictClv(log, { horizonDays: 39 * 7, asOf, annualDiscountRate: 0 });
const discounted = predictClv(log, { horizonDays: 365, asOf, annualDiscountRate: 0.1 });

describe("CLV model fitted on the raw CDNOW log as of 1997-09-30", () => {
  it("gives the published BG/NBD parameters r 0.243, α 4.414, a 0.793, b 2.426 and log-likelihood −9582.4", () => {
    const m = undiscounted.model;
    expect([round(m.r, 3), round(m.alpha, 3), round(m.a, 3), round(m.b, 3)]).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(round(m.bgNbdLogLikelihood, 1)).toBe(-9582.4);
  });

  it("gives the published Gamma-Gamma parameters p 6.25, q 3.74, γ 15.44", () => {
    const m = undiscounted.model;
    expect([round(m.p ?? NaN, 2), round(m.q ?? NaN, 2), round(m.gamma ?? NaN, 2)]).toEqual([6.25, 3.74, 15.44]);
  });

  it("describes its data", () => {
    expect(undiscounted.model).toMatchObject({ customers: 2357, repeatCustomers: 946, asOf, timeUnit: "weeks" });
  });

  it("predicts 1.226 orders in the next 39 weeks for customer 1 (x = 2, t_x = 30.43, T = 38.86)", () => {
    const first = undiscounted.customers[0];
    expect(first.id).toBe("0001");
    expect(first.orders).toBe(3);
    expect(Math.abs(first.expectedOrders - 1.226)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(first.expectedOrderValue - 24.65)).toBeLessThan(0.005);
  });

  it("without discounting, CLV is expected orders times expected order value", () => {
    for (const c of undiscounted.customers.slice(0, 50)) {
      expect(c.clv).toBeCloseTo(c.expectedOrders * c.expectedOrderValue, 10);
      expect(c.probabilityAlive).toBeGreaterThan(0);
      expect(c.probabilityAlive).toBeLessThanOrEqual(1);
    }
  });

  it("discounts month by month at the monthly equivalent of the annual rate, like lifetimes", () => {
    const c = discounted.customers[0];
    const params = discounted.model;
    const history = { x: 2, tx: 213 / 7, T: 272 / 7 };
    const month = 365.25 / 12;
    let previous = 0;
    let expected = 0;
    for (let k = 1; k <= 12; k++) {
      const endDays = Math.min(k * month, 365);
      const cumulative = expectedPurchases(params, endDays / 7, history);
      expected += (cumulative - previous) / Math.pow(1.1, endDays / 365.25);
      previous = cumulative;
    }
    expect(c.clv).toBeCloseTo(expected * c.expectedOrderValue, 10);
    expect(c.clv).toBeLessThan(c.expectedOrders * c.expectedOrderValue);
    expect(c.expectedOrders).toBeCloseTo(previous, 12);
  });

  it("looks back from the last order when as_of is omitted", () => {
    const summaryEnd = fitClvModel({ customerIds: log.customerIds, orderDates: log.orderDates }, undefined);
    expect(summaryEnd.model.asOf).toBe(serialOf(1998, 6, 30));
    expect(summaryEnd.model.p).toBeNull();
  });

  it("is deterministic", () => {
    expect(predictClv(log, { horizonDays: 39 * 7, asOf, annualDiscountRate: 0 })).toEqual(undiscounted);
  });
});

describe("CLV model errors say the cause (the catalogue entry adds its name)", () => {
  const d = (day: number): number => serialOf(2024, 1, 1) + day;
  const predict = (
    ids: string[],
    dates: number[],
    values: (number | null)[] | undefined,
    horizonDays = 365,
    annualDiscountRate = 0,
  ) => () => predictClv({ customerIds: ids, orderDates: dates, orderValues: values }, { horizonDays, annualDiscountRate });
  // 12 customers, 8 of them buying again: enough rows to reach the fit, too few repeat buyers to pass it.
  const ids = ["a", "a", "b", "b", "c", "c", "d", "d", "e", "e", "f", "f", "g", "g", "h", "h", "i", "j", "k", "l"];
  const dates = ids.map((_, i) => d(i % 2 === 0 || i >= 16 ? i : i + 20));
  const values = ids.map(() => 10);

  it("an empty log", () => {
    expect(predict([], [], [])).toThrow(/^the order log is empty$/);
  });

  it("mismatched lengths", () => {
    expect(predict(["a", "b"], [d(1)], [1])).toThrow(/^customer_ids has 2 rows but order_dates has 1/);
    expect(predict(["a"], [d(1)], [1, 2])).toThrow(/^order_values has 2 rows but order_dates has 1/);
  });

  it("too few repeat customers", () => {
    expect(predict(ids, dates, values)).toThrow(ModelError);
    expect(predict(ids, dates, values)).toThrow(/^only 8 customer\(s\) bought again on a later day; .* at least 10 repeat customers/);
  });

  it("a negative order value, naming its row", () => {
    const refund = values.map((v, i) => (i === 6 ? -4 : v));
    expect(predict(ids, dates, refund)).toThrow(/^order_values row 7 is -4; .*positive order values/);
  });

  it("a blank order value, naming its row", () => {
    const blank = values.map((v, i) => (i === 3 ? null : v));
    expect(predict(ids, dates, blank)).toThrow(/^order_values row 4 is blank/);
  });

  it("a repeat customer whose repeat orders are worth nothing", () => {
    const free = values.map((v, i) => (i === 5 ? 0 : v));
    expect(predict(ids, dates, free)).toThrow(/^customer c \(first seen on row 5\) has repeat orders worth 0/);
  });

  it("missing values, a bad horizon or a negative discount rate", () => {
    expect(predict(ids, dates, undefined)).toThrow(/^order_values are needed/);
    expect(predict(ids, dates, values, 0)).toThrow(/^horizon_days must be/);
    expect(predict(ids, dates, values, 365, -0.1)).toThrow(/^annual_discount_rate must be 0 or more/);
  });
});
