// Catalogue entries for what a customer is worth: CLV, LTV, LTV:CAC, CAC payback and average deal size.
import { avgDealSize, cacPayback, clv, ltv, ltvCacRatio } from "../../definitions/customer-value";
import { numericEntry } from "../numeric-entry";
import { FARRIS, SKOK } from "./sources";

export const CLV = numericEntry({
  name: "CLV",
  category: "Customer value",
  summary: "Customer lifetime value: order value × purchases per period × periods × margin, optionally discounted.",
  formula: "Σ over periods t = 1..lifespan of average_order_value × purchase_frequency × gross_margin ÷ (1 + discount_rate)^t",
  source: `${FARRIS}, ch. 5 (customer lifetime value)`,
  args: [
    { name: "average_order_value", kind: "number", description: "Average value of one purchase." },
    { name: "purchase_frequency", kind: "number", description: "Purchases per customer per period (e.g. per year)." },
    { name: "lifespan", kind: "number", description: "Periods a customer stays; a fractional last period counts pro rata." },
    { name: "gross_margin", kind: "rate", description: "Share of revenue kept as gross margin, 0 to 1.", optional: true, defaultValue: 1 },
    { name: "discount_rate", kind: "rate", description: "Discount rate per period, e.g. 0.1 for 10% a year.", optional: true, defaultValue: 0 },
  ],
  returns: { kind: "number", description: "Value of one customer over the lifespan." },
  examples: [
    { formula: "=CLV(50, 4, 3)", result: 600, explanation: "50 per order, 4 orders a year, 3 years: 600." },
    { formula: "=CLV(50, 4, 3, 0.4)", result: 240, explanation: "With a 40% gross margin: 240." },
    { formula: "=CLV(100, 1, 2, 1, 0.1)", result: 173.55371900826455, explanation: "100 a year for 2 years at 10%: 100/1.1 + 100/1.21." },
  ],
  notes: ["Without a discount rate this is the undiscounted textbook CLV; the predictive CLV_PREDICT estimates frequency and lifespan from a transaction log instead."],
  compute: ([aov, frequency, lifespan, margin, discount]) => clv(aov, frequency, lifespan, margin, discount),
});

export const LTV = numericEntry({
  name: "LTV",
  category: "Customer value",
  summary: "Subscription lifetime value: ARPA × gross margin ÷ churn rate.",
  formula: "arpa × gross_margin ÷ churn_rate",
  source: SKOK,
  args: [
    { name: "arpa", kind: "number", description: "Average revenue per account per period (e.g. per month)." },
    { name: "churn_rate", kind: "rate", description: "Share of accounts lost per period, 0 to 1 (same period as arpa)." },
    { name: "gross_margin", kind: "rate", description: "Gross margin, 0 to 1.", optional: true, defaultValue: 1 },
  ],
  returns: { kind: "number", description: "Lifetime gross-margin value of one account." },
  examples: [{ formula: "=LTV(100, 0.025, 0.8)", result: 3200, explanation: "100 a month at 80% margin and 2.5% monthly churn: 3,200." }],
  notes: [
    "A churn rate of 0 means an unbounded lifetime: LTV is undefined and the function says so.",
    "One churn rate for every customer undervalues the ones who stay; with a cohort's retention by period, LTV_RETENTION uses the shifted-beta-geometric model instead.",
  ],
  compute: ([arpa, churn, margin]) => ltv(arpa, churn, margin),
});

export const LTV_CAC_RATIO = numericEntry({
  name: "LTV_CAC_RATIO",
  category: "Customer value",
  summary: "LTV ÷ CAC: how many times a customer pays back what it cost to win (3 or more is the usual target).",
  formula: "ltv ÷ cac",
  source: SKOK,
  args: [
    { name: "ltv", kind: "number", description: "Lifetime value of a customer (see LTV or CLV)." },
    { name: "cac", kind: "number", description: "Customer acquisition cost (see CAC)." },
  ],
  returns: { kind: "number", description: "A ratio; 3 or more is Skok's rule of thumb." },
  examples: [{ formula: "=LTV_CAC_RATIO(3200, 800)", result: 4, explanation: "A 3,200 LTV on an 800 CAC is 4:1." }],
  compute: ([ltvValue, cacValue]) => ltvCacRatio(ltvValue, cacValue),
});

export const CAC_PAYBACK = numericEntry({
  name: "CAC_PAYBACK",
  category: "Customer value",
  summary: "CAC payback: periods of gross-margin revenue needed to earn back CAC (within 12 months is the usual target).",
  formula: "cac ÷ (arpa × gross_margin)",
  source: SKOK,
  args: [
    { name: "cac", kind: "number", description: "Customer acquisition cost." },
    { name: "arpa", kind: "number", description: "Average revenue per account per period (the period of the result)." },
    { name: "gross_margin", kind: "rate", description: "Gross margin, 0 to 1.", optional: true, defaultValue: 1 },
  ],
  returns: { kind: "number", description: "Periods (e.g. months) to pay back." },
  examples: [{ formula: "=CAC_PAYBACK(800, 100, 0.8)", result: 10, explanation: "800 CAC, 100 a month at 80% margin: 10 months." }],
  notes: ["A gross margin or ARPA of 0 means CAC is never paid back: the function says so."],
  compute: ([cacValue, arpa, margin]) => cacPayback(cacValue, arpa, margin),
});

export const AVG_DEAL_SIZE = numericEntry({
  name: "AVG_DEAL_SIZE",
  category: "Customer value",
  summary: "Average deal size: revenue ÷ deals won.",
  formula: "sum of revenue ÷ sum of deals",
  source: `${FARRIS}, ch. 6 (average transaction size)`,
  args: [
    { name: "revenue", kind: "amount", description: "Revenue from won deals: totalled." },
    { name: "deals", kind: "count", description: "Deals won: totalled." },
  ],
  returns: { kind: "number", description: "Revenue per deal." },
  examples: [{ formula: "=AVG_DEAL_SIZE(90000, 12)", result: 7500, explanation: "90,000 over 12 deals is 7,500 each." }],
  compute: ([revenue, deals]) => avgDealSize(revenue, deals),
});
