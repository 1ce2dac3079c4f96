// Catalogue entries for predictive CLV from an order log: CLV_PREDICT (per customer) and CLV_MODEL (fitted parameters).
import type { CellInput, CellOutput } from "../../cells";
import { isBlank, isRange } from "../../cells";
import { singleDate, singleNumber, singleValue } from "../../coerce";
import { serialToIsoDate } from "../../dates";
import { fitClvModel } from "../../clv/clv-model";
import { predictClv } from "../../clv/clv-predict";
import { MIN_REPEAT_CUSTOMERS } from "../../clv/fit-limits";
import { readOrderLog } from "../../clv/order-log-cells";
import type { CatalogueEntry, ExampleCell } from "../entry-types";

const BG_NBD = "Fader, Hardie & Lee, \"Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model\", Marketing Science 24(2), 2005 (BG/NBD)";
const GAMMA_GAMMA = "Fader, Hardie & Lee, \"RFM and CLV: Using Iso-Value Curves for Customer Base Analysis\", Journal of Marketing Research 42(4), 2005, and Fader & Hardie, \"The Gamma-Gamma Model of Monetary Value\" (2013) (spend)";

/** What both entries say about when the models fit and when they do not. */
const MODEL_NOTES: readonly string[] = [
  "What the models assume. Purchases: while a customer is active they buy at their own steady rate (customers differ, and the spread is estimated); after any repeat purchase they may leave for good with their own fixed probability; leaving is never observed, only inferred from silence. Spend: each customer has their own average order value, individual orders scatter around it, and it does not depend on how often they buy.",
  "When not to use them. Subscriptions and contracts, where a cancellation is observed: use LTV with the churn rate instead. Logs of fewer than a few hundred customers: the estimates swing with each customer (the functions refuse below " + `${MIN_REPEAT_CUSTOMERS} repeat customers, and fail with a reason when customers are too alike to tell apart). Businesses where buying is seasonal, or where big spenders buy more often, break the steady-rate or the independence assumption.`,
  "An order is a purchase occasion: a customer's orders on the same day count as one, with their values added. Time is measured in weeks (days ÷ 7), as in the papers; orders after as_of are ignored. Rows blank in every range are skipped.",
  "Validated against the published CDNOW results (2,357 customers): r 0.243, α 4.414, a 0.793, b 2.426, log-likelihood −9582.4; p 6.25, q 3.74, γ 15.44.",
];

const ORDER_ARGS = [
  { name: "customer_ids", kind: "range", description: "The customer of each order: a column of ids, one row per order." },
  { name: "order_dates", kind: "range", description: "The date of each order, same size as customer_ids." },
] as const;

function asOfArg(input: CellInput, fn: string): number | undefined {
  const ref = { fn, arg: "as_of" };
  if (input === undefined || isBlank(singleValue(ref, input))) return undefined;
  return singleDate(ref, input);
}

const PREDICT = "CLV_PREDICT";

function runPredict(args: readonly CellInput[]): CellOutput {
  const [ids, dates, values, horizon, asOf, rate] = args;
  const log = readOrderLog(PREDICT, ids, dates, values);
  const { customers } = predictClv(
    log,
    {
      horizonDays: singleNumber({ fn: PREDICT, arg: "horizon_days" }, horizon, 365),
      asOf: asOfArg(asOf, PREDICT),
      annualDiscountRate: singleNumber({ fn: PREDICT, arg: "annual_discount_rate" }, rate, 0),
    },
    PREDICT,
  );
  return customers.map((c): ExampleCell[] => [
    log.idCells.get(c.id) ?? c.id, c.orders, c.probabilityAlive, c.expectedOrders, c.expectedOrderValue, c.clv,
  ]);
}

const MODEL = "CLV_MODEL";

function runModel(args: readonly CellInput[]): CellOutput {
  const [ids, dates, values, asOf] = args;
  const omitted = values === undefined || (!isRange(values) && isBlank(values));
  const log = readOrderLog(MODEL, ids, dates, omitted ? undefined : values);
  const { model } = fitClvModel(log, asOfArg(asOf, MODEL), MODEL);
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

// A toy log of 14 customers and 35 orders, drawn from the models themselves: enough to show the layout,
// far too few for estimates worth using.
const EXAMPLE_IDS = '{"A";"A";"B";"B";"B";"C";"D";"D";"E";"E";"F";"F";"G";"G";"G";"G";"G";"G";"G";"G";"H";"I";"J";"J";"J";"K";"K";"L";"M";"M";"N";"N";"N";"N";"N"}';
const EXAMPLE_DATES = '{"2024-01-21";"2024-04-12";"2024-01-16";"2024-01-29";"2024-03-07";"2024-03-01";"2024-03-23";"2024-11-27";"2024-02-23";"2025-01-29";"2024-01-18";"2024-12-27";"2024-02-18";"2024-05-29";"2024-06-17";"2024-08-29";"2025-01-05";"2025-01-05";"2025-02-18";"2025-03-24";"2024-01-15";"2024-01-06";"2024-03-14";"2024-09-12";"2024-11-18";"2024-02-17";"2025-02-09";"2024-01-09";"2024-03-12";"2024-04-10";"2024-01-07";"2024-02-15";"2024-09-12";"2024-12-11";"2025-01-11"}';
const EXAMPLE_VALUES = "{14.8;15.17;27.01;15.43;22.52;12.58;21.73;46.93;112.27;39.41;43.71;50.91;10.67;19.51;22.65;23.87;21.43;12.3;8.92;7.34;12.89;10.43;71.4;50.19;51.23;28.51;17.89;7.65;29.58;37.78;28.02;13.57;17.39;33.79;23.38}";
const EXAMPLE_LOG = `${EXAMPLE_IDS}, ${EXAMPLE_DATES}, ${EXAMPLE_VALUES}`;

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
        ["A", 2, 0.2074779813339534, 0.1721673642723877, 20.3570522190572, 3.338278047227351],
        ["B", 3, 0.1060905996088785, 0.1317323705040723, 21.33952174821429, 2.677692008228109],
        ["C", 1, 1, 0.4286400354242446, 31.48374151467271, 12.85352810577814],
        ["D", 2, 0.4356404018765236, 0.3900444587627369, 42.01876922682715, 15.61341527801707],
        ["E", 2, 0.5053278204472356, 0.4363148494265256, 36.88979844916878, 15.33225577136833],
        ["F", 2, 0.483335372534152, 0.3996626895989146, 44.73330429266231, 17.02854823465921],
        ["G", 7, 0.7177836675823023, 2.166182034927262, 20.21241335396948, 41.71504636191499],
        ["H", 1, 1, 0.405330080348798, 31.48374151467271, 12.15295164534085],
        ["I", 1, 1, 0.4010659265887033, 31.48374151467271, 12.02481224416758],
        ["J", 3, 0.4572279621170232, 0.6089863570393448, 47.07566905855234, 27.31282556178124],
        ["K", 2, 0.5162056504666671, 0.4424466728929369, 22.21221186204002, 9.36147866261467],
        ["L", 1, 1, 0.4024772013529265, 31.48374151467271, 12.06722092289709],
        ["M", 2, 0.1673980154763584, 0.1478050999806129, 35.77806675135186, 5.037684734745825],
        ["N", 5, 0.5801156482323793, 1.189972871260107, 23.0190229464584, 26.09332346558274],
      ],
      explanation: "A toy log of 14 customers (A to N) and 35 orders, one year ahead of 2025-06-30 at 10% a year. G's two orders on 2025-01-05 count as one, so G has 7 orders so far. C, H, I and L never came back: certainly active, each gets the average order value. In real use, point the ranges at an order log of hundreds of customers or more.",
    },
  ],
  notes: [
    ...MODEL_NOTES,
    "Orders so far counts purchase occasions up to as_of; expected orders are not discounted, the CLV is. A customer who never came back counts as certainly active (the models let customers leave only after a repeat purchase) and gets the average order value of all customers.",
    "Fitting takes a second or two for tens of thousands of customers; the whole log is refitted whenever a cell it reads changes.",
  ],
  run: runPredict,
  spillBound: ([ids]) => ({ rows: ids ? ids.rows * ids.columns : 1, columns: 6 }),
};

export const CLV_MODEL: CatalogueEntry = {
  name: MODEL,
  category: "Predictive CLV",
  summary: "The fitted BG/NBD purchase model and Gamma-Gamma spend model behind CLV_PREDICT, as label/value rows.",
  formula: "maximum-likelihood estimates: r, alpha (buying rates ~ Gamma(r, alpha) per week), a, b (drop-out chances ~ Beta(a, b)); p, q, gamma (order values); with the log-likelihoods and the data counts",
  source: `${BG_NBD}; ${GAMMA_GAMMA}`,
  args: [
    ...ORDER_ARGS,
    { name: "order_values", kind: "range", description: "The value of each order; without it only the purchase model is fitted.", optional: true },
    { name: "as_of", kind: "date", description: "The date the history ends; the last order date if omitted.", optional: true },
  ],
  returns: {
    kind: "table",
    description: "Spills 13 [label, value] rows: r, alpha, a, b, BG/NBD log-likelihood, p, q, gamma, Gamma-Gamma log-likelihood, customers, repeat customers, as of (a date as text), time unit (\"weeks\").",
  },
  examples: [
    {
      formula: `=CLV_MODEL(${EXAMPLE_LOG}, DATE(2025,6,30))`,
      result: [
        ["r", 0.9505506887005412],
        ["alpha", 28.57309326390228],
        ["a", 0.8891414442638481],
        ["b", 1.472234306618206],
        ["BG/NBD log-likelihood", -95.55068009859149],
        ["p", 12.9827929474283],
        ["q", 7.052332655146081],
        ["gamma", 14.67712514919043],
        ["Gamma-Gamma log-likelihood", -39.94971327370431],
        ["customers", 14],
        ["repeat customers", 10],
        ["as of", "2025-06-30"],
        ["time unit", "weeks"],
      ],
      explanation: "The models fitted on CLV_PREDICT's toy log: active customers buy about 0.95 ÷ 28.6 ≈ 0.03 times a week, leave after a purchase with chance about 0.89 ÷ 2.36 ≈ 38%, and spend about 12.98 × 14.68 ÷ 6.05 ≈ 31.48 an order.",
    },
  ],
  notes: [
    ...MODEL_NOTES,
    "r/alpha is the average buying rate per week of active customers; a/(a+b) the average chance of leaving after a purchase; p·gamma/(q−1) the average order value.",
  ],
  run: runModel,
  spillBound: () => ({ rows: 13, columns: 2 }),
};
