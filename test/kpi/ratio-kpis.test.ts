// Known answers for the ratio KPIs, each with its textbook source, and every edge case that makes a KPI undefined.
import { describe, expect, it } from "vitest";
import { call, column, row } from "./call";

describe("CAC: spend ÷ new customers (Skok, SaaS Metrics 2.0; Farris et al., Marketing Metrics ch. 5)", () => {
  it("divides total spend by total new customers over ranges", () => {
    expect(call("CAC", 12000, 80)).toBe(150);
    expect(call("CAC", column(5000, "", "$7,000"), column(30, 50, ""))).toBe(150);
    expect(call("CAC", row(1000, 2000), row(10, 20))).toBe(100);
  });
  it("is undefined with no new customers", () => {
    expect(() => call("CAC", 100, 0)).toThrow("CAC: new customers total is 0, so CAC is undefined");
    expect(() => call("CAC", 100, column("", ""))).toThrow("CAC: new customers total is 0, so CAC is undefined");
  });
  it("refuses negative counts, negative spend totals, text and missing arguments", () => {
    expect(() => call("CAC", 100, column(5, -1))).toThrow("CAC: new_customers row 2 is -1, and a count cannot be negative");
    expect(() => call("CAC", -100, 5)).toThrow("CAC: spend total is -100, which cannot be negative");
    expect(() => call("CAC", column(1, 2, 3, "n/a"), 5)).toThrow('CAC: spend row 4 is "n/a", not a number');
    expect(() => call("CAC", 100)).toThrow("CAC: new_customers is missing; the function is CAC(spend, new_customers)");
    expect(() => call("CAC", 100, 2, 3)).toThrow("CAC: takes at most 2 arguments");
  });
  it("refuses a result no cell can show, from a denominator that is nearly 0", () => {
    expect(() => call("CAC", 6, 5e-324)).toThrow("CAC: the result is too large to show; check for a value that is nearly 0");
    expect(() => call("ROAS", 1e300, 1e-300)).toThrow("ROAS: the result is too large to show");
  });
  it("lets refunds lower spend as long as the total stays non-negative", () => {
    expect(call("CAC", column(500, -100), 4)).toBe(100);
  });
});

describe("CPA: spend ÷ acquisitions (Farris et al., ch. 9)", () => {
  it("known answer and zero denominator", () => {
    expect(call("CPA", 2500, 125)).toBe(20);
    expect(() => call("CPA", 2500, 0)).toThrow("CPA: acquisitions total is 0, so CPA is undefined");
  });
});

describe("conversion rates are fractions of their base (Farris et al., ch. 9)", () => {
  it.each([
    ["CONVERSION_RATE", 45, 1500, 0.03],
    ["LEAD_GEN_RATE", 120, 4000, 0.03],
    ["LEAD_TO_CUSTOMER_RATE", 18, 120, 0.15],
    ["CTR", 84, 12000, 0.007],
    ["ENGAGEMENT_RATE", 240, 8000, 0.03],
  ])("%s(%d, %d) = %d", (name, part, whole, expected) => {
    expect(call(name, part, whole)).toBeCloseTo(expected, 12);
  });
  it("says why a rate is undefined or impossible", () => {
    expect(() => call("CONVERSION_RATE", 5, 0)).toThrow("CONVERSION_RATE: total is 0, so CONVERSION_RATE is undefined");
    expect(() => call("CONVERSION_RATE", 120, 100)).toThrow("CONVERSION_RATE: conversions (120) exceed total (100), so the rate would be above 100%");
    expect(() => call("LEAD_GEN_RATE", 10, 0)).toThrow("LEAD_GEN_RATE: visits total is 0, so LEAD_GEN_RATE is undefined");
    expect(() => call("LEAD_TO_CUSTOMER_RATE", 30, 20)).toThrow("LEAD_TO_CUSTOMER_RATE: customers (30) exceed leads (20)");
    expect(() => call("CTR", 5, -1)).toThrow("CTR: impressions is -1, and a count cannot be negative");
  });
  it("lets engagement exceed reach, since one person can engage several times", () => {
    expect(call("ENGAGEMENT_RATE", 150, 100)).toBe(1.5);
  });
});

describe("customer value (Farris et al., ch. 5; Skok, SaaS Metrics 2.0)", () => {
  it("CLV undiscounted, with margin, discounted, and with a fractional last period", () => {
    expect(call("CLV", 50, 4, 3)).toBe(600);
    expect(call("CLV", 50, 4, 3, 0.4)).toBeCloseTo(240, 10);
    expect(call("CLV", 100, 1, 2, 1, 0.1)).toBeCloseTo(100 / 1.1 + 100 / 1.21, 10);
    expect(call("CLV", 100, 1, 2.5, 1, 0.1)).toBeCloseTo(100 / 1.1 + 100 / 1.21 + 50 / 1.331, 10);
    expect(call("CLV", 100, 1, 2.5)).toBe(250);
  });
  it("CLV discounts a very long lifespan in closed form, tending to the perpetuity value ÷ rate", () => {
    expect(call("CLV", 100, 1, 1e9, 1, 0.1)).toBeCloseTo(1000, 9);
    expect(call("CLV", 100, 1, 3, 1, 0.1)).toBeCloseTo(100 / 1.1 + 100 / 1.21 + 100 / 1.331, 10);
  });
  it("CLV rejects out-of-range margin and negative discount", () => {
    expect(() => call("CLV", 50, 4, 3, 1.5)).toThrow("CLV: gross_margin is 1.5, outside 0 to 1");
    expect(() => call("CLV", 50, 4, 3, 1, -0.1)).toThrow("CLV: discount_rate is -0.1, which cannot be negative");
    expect(() => call("CLV", column(50, 60), 4, 3)).toThrow("CLV: average_order_value must be a single value, not a range of 2 cells");
  });
  it("LTV = ARPA × margin ÷ churn, unbounded at zero churn", () => {
    expect(call("LTV", 100, 0.025, 0.8)).toBeCloseTo(3200, 9);
    expect(call("LTV", 100, "5%")).toBeCloseTo(2000, 9);
    expect(() => call("LTV", 100, 0)).toThrow("LTV: churn_rate is 0, so the customer lifetime is unbounded and LTV is undefined");
    expect(() => call("LTV", 100, 1.2)).toThrow("LTV: churn_rate is 1.2, outside 0 to 1");
  });
  it("LTV:CAC and CAC payback", () => {
    expect(call("LTV_CAC_RATIO", 3200, 800)).toBe(4);
    expect(() => call("LTV_CAC_RATIO", 3200, 0)).toThrow("LTV_CAC_RATIO: cac total is 0, so LTV_CAC_RATIO is undefined");
    expect(call("CAC_PAYBACK", 800, 100, 0.8)).toBeCloseTo(10, 10);
    expect(() => call("CAC_PAYBACK", 800, 100, 0)).toThrow("CAC_PAYBACK: arpa × gross_margin is 0, so CAC is never paid back");
    expect(() => call("CAC_PAYBACK", 800, -5)).toThrow("CAC_PAYBACK: arpa × gross_margin is -5, so CAC is never paid back");
  });
  it("average deal size", () => {
    expect(call("AVG_DEAL_SIZE", column(40000, 50000), column(5, 7))).toBe(7500);
    expect(() => call("AVG_DEAL_SIZE", 1000, 0)).toThrow("AVG_DEAL_SIZE: deals total is 0, so AVG_DEAL_SIZE is undefined");
  });
});

describe("return on spend (Farris et al., ch. 10; Google Ads Help for ROAS)", () => {
  it("ROI, ROMI, ROAS and MER known answers", () => {
    expect(call("ROI", 15000, 10000)).toBe(0.5);
    expect(call("ROI", 8000, 10000)).toBeCloseTo(-0.2, 12);
    expect(call("ROMI", 50000, 10000, 0.4)).toBeCloseTo(1, 12);
    expect(call("ROMI", 50000, 10000)).toBe(4);
    expect(call("ROAS", 20000, 5000)).toBe(4);
    expect(call("MER", 250000, 50000)).toBe(5);
  });
  it("undefined without spend", () => {
    expect(() => call("ROI", 100, 0)).toThrow("ROI: cost total is 0, so ROI is undefined");
    expect(() => call("ROMI", 100, 0)).toThrow("ROMI: marketing spend total is 0, so ROMI is undefined");
    expect(() => call("ROAS", 100, 0)).toThrow("ROAS: ad spend total is 0, so ROAS is undefined");
    expect(() => call("MER", 100, 0)).toThrow("MER: marketing spend total is 0, so MER is undefined");
  });
});

describe("retention and churn (Farris et al., ch. 5)", () => {
  it("known answers", () => {
    expect(call("RETENTION_RATE", 1100, 200, 1000)).toBe(0.9);
    expect(call("CHURN_RATE", 25, 1000)).toBe(0.025);
  });
  it("impossible inputs are named", () => {
    expect(() => call("RETENTION_RATE", 100, 200, 1000)).toThrow("RETENTION_RATE: new_customers (200) exceed customers_end (100), so retention would be negative");
    expect(() => call("RETENTION_RATE", 1300, 100, 1000)).toThrow("above 100%");
    expect(() => call("RETENTION_RATE", 10, 1, 0)).toThrow("RETENTION_RATE: customers_start total is 0, so RETENTION_RATE is undefined");
    expect(() => call("CHURN_RATE", 30, 20)).toThrow("CHURN_RATE: customers lost (30) exceed customers at the start (20)");
  });
});

describe("growth (Farris et al., ch. 2)", () => {
  it("known answers and undefined bases", () => {
    expect(call("GROWTH_RATE", 1250, 1000)).toBe(0.25);
    expect(call("GROWTH_RATE", 500, 1000)).toBe(-0.5);
    expect(() => call("GROWTH_RATE", 5, 0)).toThrow("GROWTH_RATE: previous total is 0, so GROWTH_RATE is undefined");
    expect(() => call("GROWTH_RATE", 5, -2)).toThrow("GROWTH_RATE: previous is -2; growth from a negative base is not meaningful");
  });
});
