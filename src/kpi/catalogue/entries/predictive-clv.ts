// Catalogue entries for predictive CLV from an order log: CLV_PREDICT (per customer) and CLV_MODEL (fitted parameters).
import type { CellInput, CellOutput } from "../../cells";
import { isBlank, isRange } from "../../cells";
import { singleDate, singleNumber, singleValue } from "../../coerce";
import { serialToIsoDate } from "../../dates";
import { fitClvModel } from "../../clv/clv-model";
import { holdoutCheck, OPEN_ROW, type HoldoutCheck } from "../../clv/holdout-check";
import { predictClv } from "../../clv/clv-predict";
import { MIN_REPEAT_CUSTOMERS } from "../../clv/fit-limits";
import { asFunction } from "../../clv/model-error";
import { readOrderLog } from "../../clv/order-log-cells";
import { fail } from "../../kpi-error";
import type { CatalogueEntry, ExampleCell } from "../entry-types";

const BG_NBD = "Fader, Hardie & Lee, \"Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model\", Marketing Science 24(2), 2005 (BG/NBD)";
const GAMMA_GAMMA = "Fader, Hardie & Lee, \"RFM and CLV: Using Iso-Value Curves for Customer Base Analysis\", Journal of Marketing Research 42(4), 2005, and Fader & Hardie, \"The Gamma-Gamma Model of Monetary Value\" (2013) (spend)";

/** What both entries say about when the models fit and when they do not. */
const MODEL_NOTES: readonly string[] = [
  "Which model to use. Purchases that can happen at any time with no cancellation to observe (shops, marketplaces, donations): these BG/NBD and Gamma-Gamma functions, on the order log. Subscriptions and contracts, where a cancellation is observed at a renewal date: the sBG functions RETENTION_MODEL, RETENTION_FORECAST and LTV_RETENTION, on a cohort's active counts.",
  "What the models assume. Purchases: while a customer is active they buy at their own steady rate (customers differ, and the spread is estimated); after any repeat purchase they may leave for good with their own fixed probability; leaving is never observed, only inferred from silence. Spend: each customer has their own average order value, individual orders scatter around it, and it does not depend on how often they buy.",
  "When not to use them. Logs of fewer than a few hundred customers: the estimates swing with each customer (the functions refuse below " + `${MIN_REPEAT_CUSTOMERS} repeat customers, and fail with a reason when customers are too alike to tell apart). Businesses where buying is seasonal, or where big spenders buy more often, break the steady-rate or the independence assumption. Check a model on your own log first with CLV_MODEL's holdout_end.`,
  "An order is a purchase occasion: a customer's orders on the same day count as one, with their values added. Time is measured in weeks (days ÷ 7), as in the papers; orders after as_of are ignored. Rows blank in every range are skipped.",
  "Validated against the published CDNOW results (2,357 customers): r 0.243, α 4.414, a 0.793, b 2.426, log-likelihood −9582.4; p 6.25, q 3.74, γ 15.44. The fit is maximum likelihood by BFGS with analytic gradients (Nelder–Mead only as a fallback), on customers grouped by identical history; [predictive-clv.md](predictive-clv.md) has the figures and timings.",
];

const ORDER_ARGS = [
  { name: "customer_ids", kind: "range", description: "The customer of each order: a column of ids, one row per order." },
  { name: "order_dates", kind: "range", description: "The date of each order, same size as customer_ids." },
] as const;

/** An optional date argument: undefined when omitted or blank. */
function optionalDate(input: CellInput, fn: string, arg: string): number | undefined {
  const ref = { fn, arg };
  if (input === undefined || isBlank(singleValue(ref, input))) return undefined;
  return singleDate(ref, input);
}

const asOfArg = (input: CellInput, fn: string): number | undefined => optionalDate(input, fn, "as_of");

const PREDICT = "CLV_PREDICT";

function runPredict(args: readonly CellInput[]): CellOutput {
  const [ids, dates, values, horizon, asOf, rate] = args;
  const log = readOrderLog(PREDICT, ids, dates, values);
  const options = {
    horizonDays: singleNumber({ fn: PREDICT, arg: "horizon_days" }, horizon, 365),
    asOf: asOfArg(asOf, PREDICT),
    annualDiscountRate: singleNumber({ fn: PREDICT, arg: "annual_discount_rate" }, rate, 0),
  };
  const { customers } = asFunction(PREDICT, () => predictClv(log, options));
  return customers.map((c): ExampleCell[] => [
    log.idCells.get(c.id) ?? c.id, c.orders, c.probabilityAlive, c.expectedOrders, c.expectedOrderValue, c.clv,
  ]);
}

const MODEL = "CLV_MODEL";

function runModel(args: readonly CellInput[]): CellOutput {
  const [ids, dates, values, asOf, holdoutEnd] = args;
  const omitted = values === undefined || (!isRange(values) && isBlank(values));
  const log = readOrderLog(MODEL, ids, dates, omitted ? undefined : values);
  const asOfDate = asOfArg(asOf, MODEL);
  const holdoutEndDate = optionalDate(holdoutEnd, MODEL, "holdout_end");
  if (holdoutEndDate !== undefined) {
    if (asOfDate === undefined) {
      fail(MODEL, "holdout_end needs as_of: the model is fitted on the orders up to as_of and checked on those after it");
    }
    return holdoutTable(asFunction(MODEL, () => holdoutCheck(log, asOfDate, holdoutEndDate)));
  }
  const { model } = asFunction(MODEL, () => fitClvModel(log, asOfDate));
  const spend = (v: number | null): ExampleCell => v ?? "needs order_values";
  return [
    ["r", model.r],
    ["alpha", model.alpha],
    ["a", model.a],
    ["b", model.b],
    ["BG/NBD log-likelihood", model.bgNbdLogLikelihood],
    ["p", spend(model.p)],
    ["q", spend(model.q)],
    ["gamma", spend(model.gamma)],
    ["Gamma-Gamma log-likelihood", spend(model.gammaGammaLogLikelihood)],
    ["customers", model.customers],
    ["repeat customers", model.repeatCustomers],
    ["as of", serialToIsoDate(model.asOf)],
    ["time unit", model.timeUnit],
  ];
}

const HOLDOUT_HEADER = [
  "repeat purchases by as_of", "customers", "predicted purchases per customer, holdout", "actual purchases per customer, holdout",
];

/** Header, rows 0 … 6 and 7+, then all customers; an empty row shows its count 0 and blank means. */
function holdoutTable(check: HoldoutCheck): ExampleCell[][] {
  const mean = (v: number | null): ExampleCell => v ?? "";
  return [
    HOLDOUT_HEADER,
    ...check.rows.map((row): ExampleCell[] => [
      row.repeatPurchases === OPEN_ROW ? `${OPEN_ROW}+` : row.repeatPurchases,
      row.customers,
      mean(row.meanPredicted),
      mean(row.meanActual),
    ]),
    ["all", check.all.customers, mean(check.all.meanPredicted), mean(check.all.meanActual)],
  ];
}

// A toy log of 14 customers and 35 orders, drawn from the models themselves: enough to show the layout,
// far too few for estimates worth using.
const EXAMPLE_IDS = '{"A";"A";"B";"B";"B";"C";"D";"D";"E";"E";"F";"F";"G";"G";"G";"G";"G";"G";"G";"G";"H";"I";"J";"J";"J";"K";"K";"L";"M";"M";"N";"N";"N";"N";"N"}';
const EXAMPLE_DATES = '{"2024-01-21";"2024-04-12";"2024-01-16";"2024-01-29";"2024-03-07";"2024-03-01";"2024-03-23";"2024-11-27";"2024-02-23";"2025-01-29";"2024-01-18";"2024-12-27";"2024-02-18";"2024-05-29";"2024-06-17";"2024-08-29";"2025-01-05";"2025-01-05";"2025-02-18";"2025-03-24";"2024-01-15";"2024-01-06";"2024-03-14";"2024-09-12";"2024-11-18";"2024-02-17";"2025-02-09";"2024-01-09";"2024-03-12";"2024-04-10";"2024-01-07";"2024-02-15";"2024-09-12";"2024-12-11";"2025-01-11"}';
const EXAMPLE_VALUES = "{14.8;15.17;27.01;15.43;22.52;12.58;21.73;46.93;112.27;39.41;43.71;50.91;10.67;19.51;22.65;23.87;21.43;12.3;8.92;7.34;12.89;10.43;71.4;50.19;51.23;28.51;17.89;7.65;29.58;37.78;28.02;13.57;17.39;33.79;23.38}";
const EXAMPLE_LOG = `${EXAMPLE_IDS}, ${EXAMPLE_DATES}, ${EXAMPLE_VALUES}`;

// Drawn from a BG/NBD-like process for 22 customers over 2024-01 .. 2025-06, sorted by date as an export would be.
const HOLDOUT_IDS = '{"U";"D";"I";"C";"A";"D";"G";"M";"Q";"Q";"O";"V";"E";"V";"T";"L";"N";"A";"P";"P";"S";"F";"H";"B";"R";"J";"K";"V";"E";"K";"L";"F";"O";"U";"R";"O";"G";"G";"G";"G";"I";"J";"K";"G";"S";"K";"B";"C";"U";"I";"C";"R";"H";"R";"T";"U";"R";"H";"C"}';
const HOLDOUT_DATES = '{"2024-01-09";"2024-01-24";"2024-01-24";"2024-01-31";"2024-02-01";"2024-02-05";"2024-02-06";"2024-02-10";"2024-02-15";"2024-02-15";"2024-02-18";"2024-02-19";"2024-02-22";"2024-02-24";"2024-02-26";"2024-02-29";"2024-02-29";"2024-03-01";"2024-03-02";"2024-03-05";"2024-03-09";"2024-03-10";"2024-03-13";"2024-03-19";"2024-03-21";"2024-03-26";"2024-03-27";"2024-04-11";"2024-04-17";"2024-04-18";"2024-05-09";"2024-05-10";"2024-05-10";"2024-05-15";"2024-05-22";"2024-05-31";"2024-06-16";"2024-07-11";"2024-07-20";"2024-07-22";"2024-08-09";"2024-08-26";"2024-09-06";"2024-09-27";"2024-10-24";"2024-11-07";"2024-11-12";"2024-11-16";"2024-11-16";"2024-11-25";"2024-12-22";"2025-01-04";"2025-01-24";"2025-01-24";"2025-02-11";"2025-02-23";"2025-03-31";"2025-05-15";"2025-05-26"}';
const HOLDOUT_LOG = `${HOLDOUT_IDS}, ${HOLDOUT_DATES}`;

export const CLV_PREDICT: CatalogueEntry = {
  name: PREDICT,
  category: "Predictive CLV",
  summary: "Predicted lifetime value of each customer from an order log: chance still active, expected orders and spend over a horizon (BG/NBD + Gamma-Gamma).",
  formula: "per customer: expected orders in the horizon (BG/NBD, given their number of repeat orders, last and first order dates) × expected value per order (Gamma-Gamma, their average pulled towards everyone's); with a discount rate, each month's expected orders are discounted at the month's end, as lifetimes' customer_lifetime_value does",
  source: `${BG_NBD}; ${GAMMA_GAMMA}`,
  args: [
    ...ORDER_ARGS,
    { name: "order_values", kind: "range", description: "The value of each order (0 allowed, negative refused), same size as customer_ids." },
    { name: "horizon_days", kind: "number", description: "How many days ahead to predict from as_of.", optional: true, defaultValue: 365 },
    { name: "as_of", kind: "date", description: "The date the history ends and the prediction starts; the last order date if omitted.", optional: true },
    { name: "annual_discount_rate", kind: "rate", description: "Yearly discount rate, e.g. 0.1 for 10%, applied month by month.", optional: true, defaultValue: 0 },
  ],
  returns: {
    kind: "table",
    description: "Spills one row per customer in order of first appearance: [id, orders so far, probability still active, expected orders in the horizon, expected value per order, predicted CLV]. CLV is future value only, in the currency of order_values (revenue, not margin).",
  },
  examples: [
    {
      formula: `=CLV_PREDICT(${EXAMPLE_LOG}, 365, DATE(2025,6,30), 0.1)`,
      result: [
        ["A", 2, 0.20747799857931673, 0.17216737637014268, 20.357052987722344, 3.3382784075037475],
        ["B", 3, 0.1060906020309778, 0.1317323732143721, 21.339522154623594, 2.677692114140587],
        ["C", 1, 1, 0.42864001485939013, 31.48374090221089, 12.85352723677978],
        ["D", 2, 0.4356404270118827, 0.3900444770438323, 42.01876811991894, 15.613415596831963],
        ["E", 2, 0.5053278454261677, 0.43631486583985746, 36.889797786351, 15.332256071040154],
        ["F", 2, 0.4833353979293175, 0.39966270542535476, 44.73330295071688, 17.028548396381026],
        ["G", 7, 0.7177836685592152, 2.1661820579938573, 20.212413531100943, 41.71504717160475],
        ["H", 1, 1, 0.4053300602109246, 31.48374090221089, 12.152950803051958],
        ["I", 1, 1, 0.4010659065373981, 31.48374090221089, 12.024811407017248],
        ["J", 3, 0.45722797514523666, 0.6089863740418835, 47.07566814017062, 27.31282578970597],
        ["K", 2, 0.5162056752976172, 0.4424466888629316, 22.212212470076715, 9.361479255791833],
        ["L", 1, 1, 0.40247718127267307, 31.48374090221089, 12.067220084037206],
        ["M", 2, 0.16739802879948998, 0.14780511008742, 35.77806618479304, 5.037684998910201],
        ["N", 5, 0.5801156526227658, 1.1899728865524246, 23.019023123134666, 26.093324000517157],
      ],
      explanation: "A toy log of 14 customers (A to N) and 35 orders, one year ahead of 2025-06-30 at 10% a year. G's two orders on 2025-01-05 count as one, so G has 7 orders so far. C, H, I and L never came back: certainly active, each gets the average order value. In real use, point the ranges at an order log of hundreds of customers or more.",
    },
  ],
  notes: [
    ...MODEL_NOTES,
    "Orders so far counts purchase occasions up to as_of; expected orders are not discounted, the CLV is. A customer who never came back counts as certainly active (the models let customers leave only after a repeat purchase) and gets the average order value of all customers.",
    "Fitting a log the size of the full CDNOW data (23,570 customers, 69,659 orders) takes well under a second (npm run bench prints the figures); the whole log is refitted whenever a cell it reads changes.",
  ],
  run: runPredict,
  spillBound: ([ids]) => ({ rows: ids ? ids.rows * ids.columns : 1, columns: 6 }),
};

export const CLV_MODEL: CatalogueEntry = {
  name: MODEL,
  category: "Predictive CLV",
  summary: "The fitted BG/NBD purchase model and Gamma-Gamma spend model behind CLV_PREDICT as label/value rows, or with holdout_end the calibration-versus-holdout check.",
  formula: "maximum-likelihood estimates: r, alpha (buying rates ~ Gamma(r, alpha) per week), a, b (drop-out chances ~ Beta(a, b)); p, q, gamma (order values); with the log-likelihoods and the data counts",
  source: `${BG_NBD}; ${GAMMA_GAMMA}`,
  args: [
    ...ORDER_ARGS,
    { name: "order_values", kind: "range", description: "The value of each order; without it only the purchase model is fitted.", optional: true },
    { name: "as_of", kind: "date", description: "The date the history ends; the last order date if omitted. With holdout_end: the end of the calibration period.", optional: true },
    { name: "holdout_end", kind: "date", description: "Turns the result into the holdout check: the model is fitted on the orders up to as_of and its predictions for the days after as_of up to holdout_end are set beside what happened.", optional: true },
  ],
  returns: {
    kind: "table",
    description: "Without holdout_end: 13 [label, value] rows: r, alpha, a, b, BG/NBD log-likelihood, p, q, gamma, Gamma-Gamma log-likelihood, customers, repeat customers, as of (a date as text), time unit (\"weeks\"). With holdout_end: a header and one row per number of repeat purchases by as_of (0 to 6, then 7+), then all customers: [repeat purchases, customers, mean predicted purchases after as_of up to holdout_end, mean actual purchases in that period]; an empty row shows 0 customers and blank means.",
  },
  examples: [
    {
      formula: `=CLV_MODEL(${EXAMPLE_LOG}, DATE(2025,6,30))`,
      result: [
        ["r", 0.9505506125230545],
        ["alpha", 28.57309126086645],
        ["a", 0.8891414498575],
        ["b", 1.4722344515505759],
        ["BG/NBD log-likelihood", -95.5506800985915],
        ["p", 12.982791301793196],
        ["q", 7.052333536132751],
        ["gamma", 14.677128860497541],
        ["Gamma-Gamma log-likelihood", -39.9497132737049],
        ["customers", 14],
        ["repeat customers", 10],
        ["as of", "2025-06-30"],
        ["time unit", "weeks"],
      ],
      explanation: "The models fitted on CLV_PREDICT's toy log: active customers buy about 0.95 ÷ 28.6 ≈ 0.03 times a week, leave after a purchase with chance about 0.89 ÷ 2.36 ≈ 38%, and spend about 12.98 × 14.68 ÷ 6.05 ≈ 31.48 an order.",
    },
    {
      formula: `=CLV_MODEL(${HOLDOUT_LOG}, , DATE(2024,12,31), DATE(2025,6,30))`,
      result: [
        ["repeat purchases by as_of", "customers", "predicted purchases per customer, holdout", "actual purchases per customer, holdout"],
        [0, 5, 0.5272949071807771, 0.6],
        [1, 10, 0.19316677957284506, 0.3],
        [2, 5, 0.3985291997645023, 0.4],
        [3, 1, 0.7050692008437154, 0],
        [4, 0, "", ""],
        [5, 1, 0.7720799779991298, 0],
        [6, 0, "", ""],
        ["7+", 0, "", ""],
        ["all", 22, 0.36536079587716785, 0.36363636363636365],
      ],
      explanation: "A toy log of 22 customers (A to V): the purchase model fitted on 2024 and checked on the first half of 2025 (about 26 weeks). Row 1 says the 10 customers with one repeat purchase in 2024 were expected to buy about 0.19 times each in 2025 and bought 0.30 times; with so few customers per row, differences of this size are noise. Rows without customers stay in place so a chart of the table keeps its shape.",
    },
  ],
  notes: [
    ...MODEL_NOTES,
    "r/alpha is the average buying rate per week of active customers; a/(a+b) the average chance of leaving after a purchase; p·gamma/(q−1) the average order value.",
    "How to read the holdout table. Hold back the last part of your log: as_of ends the calibration period, holdout_end the holdout (the papers use 39 weeks of each). Each row compares, for customers with that many repeat purchases by as_of, what the model expected them to buy in the holdout (E[X(t) | x, t_x, T], eq. 10 of the BG/NBD paper) with what they did buy (purchase occasions). Close means in every row, the 7+ row included, mean the model describes both light and heavy buyers; predictions that are too high for the heavy rows usually mean buying slowed down (seasonality, a change in the business) and the model's steady-rate assumption does not hold. Only customers whose first order is on or before as_of are counted, and order_values are not used (this checks the purchase model).",
  ],
  run: runModel,
  // The holdout table is 4 columns wide; the parameter rows need 2, and reserving more would block neighbours.
  spillBound: (shapes) => ({ rows: 13, columns: shapes.length >= 5 ? 4 : 2 }),
};
