// Catalogue entries for subscription retention with the sBG model: RETENTION_MODEL, RETENTION_FORECAST and LTV_RETENTION.
import type { CellInput, CellOutput } from "../../cells";
import { singleNumber } from "../../coerce";
import { show } from "../../definitions/guards";
import { fail } from "../../kpi-error";
import { asFunction } from "../../clv/model-error";
import { readActiveByPeriod } from "../../retention/active-by-period-cells";
import { RELATIVE_TOLERANCE } from "../../retention/discounted-payments";
import { MIN_PERIODS, ShiftedBetaGeometric, type FittedShiftedBetaGeometric } from "../../retention/shifted-beta-geometric";
import type { CatalogueEntry, ExampleCell } from "../entry-types";

const SBG_2007 = "Fader & Hardie, \"How to Project Customer Retention\", Journal of Interactive Marketing 21(1), 2007 (the shifted-beta-geometric model)";
const SBG_2010 = "Fader & Hardie, \"Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity\", Marketing Science 29(1), 2010 (expected lifetime value)";

/** RETENTION_FORECAST projects at most this many periods past the data: ten years of months. */
export const MAX_PERIODS_AHEAD = 120;

const ACTIVE_ARG = {
  name: "active_by_period",
  kind: "range",
  description: `Customers of one cohort still active at the start of each period, period 0 (the cohort's size) first: a row or a column of at least ${MIN_PERIODS + 1} counts. Percentages of the cohort work too.`,
} as const;

/** What the three entries say about when the model fits. */
const SBG_NOTES: readonly string[] = [
  "Which model to use. Subscriptions and contracts, where each customer renews or cancels at set dates (monthly plans, annual memberships, insurance): these sBG functions, on one cohort's active counts. Purchases that can happen at any time with no cancellation to observe (shops, marketplaces, donations): the BG/NBD and Gamma-Gamma models of CLV_MODEL and CLV_PREDICT, on the order log. A single churn rate (LTV = ARPA ÷ churn) assumes every customer is alike; when retention rises with tenure, as it almost always does, it undervalues the customers who stay.",
  "What the model assumes. Each customer has their own fixed chance of cancelling at every renewal; the chances differ across customers and follow a Beta(alpha, beta) distribution. So the cohort's retention rate rises over time as the customers likeliest to cancel leave first: a cohort whose retention falls with tenure is refused, with the constant churn rate that fits it instead. A cohort is customers who started in the same period; all periods must be equally long (months or years).",
  "Active counts must not rise from one period to the next, and a blank is allowed only after the last count (an open range like B2:B). Counts may be percentages of the cohort (100, 63.1, …): alpha and beta come out the same, only the log-likelihood is on that scale.",
  "Validated against Fader & Hardie (2007): fitted on years 0–7, the regular cohort gives alpha 0.704, beta 1.182 and the high-end cohort alpha 0.668, beta 3.806, the published estimates. [predictive-clv.md](predictive-clv.md) shows the projection for years 8–12 beside the paper's actuals.",
];

function fitted(fn: string, active: CellInput): FittedShiftedBetaGeometric {
  const counts = readActiveByPeriod(fn, active);
  return asFunction(fn, () => ShiftedBetaGeometric.fit(counts));
}

/** A whole number within [min, max], or an error naming the argument. */
function wholeNumber(fn: string, arg: string, input: CellInput, defaultValue: number | undefined, max: number): number {
  const n = singleNumber({ fn, arg }, input, defaultValue);
  if (!(Number.isInteger(n) && n >= 0 && n <= max)) {
    fail(fn, `${arg} is ${show(n)}; it must be a whole number of periods from 0 to ${max}`);
  }
  return n;
}

// The two cohorts of Fader & Hardie (2007), table 1: percentage of 1,000 customers still active, years 0–7.
const REGULAR = "{100;63.1;46.8;38.2;32.6;28.9;26.2;24.1}";
const HIGH_END = "{100;86.9;74.3;65.3;59.3;55.1;51.7;49.1}";

const MODEL = "RETENTION_MODEL";

export const RETENTION_MODEL: CatalogueEntry = {
  name: MODEL,
  category: "Predictive CLV",
  summary: "Fits the shifted-beta-geometric (sBG) retention model to one cohort's active counts: alpha, beta, log-likelihood and periods used.",
  formula: "maximum-likelihood alpha and beta of churn chances θ ~ Beta(alpha, beta): Σₜ (lostₜ × ln P(churn in period t)) + still active at the end × ln S(T), with S(t) = B(alpha, beta + t) ÷ B(alpha, beta)",
  source: SBG_2007,
  args: [ACTIVE_ARG],
  returns: {
    kind: "table",
    description: "Spills 4 [label, value] rows: alpha, beta, log-likelihood, periods (the counts after period 0). alpha ÷ (alpha + beta) is the churn chance of period 1; the smaller alpha and beta, the more customers differ.",
  },
  examples: [
    {
      formula: `=RETENTION_MODEL(${REGULAR})`,
      result: [
        ["alpha", 0.7040772984768693],
        ["beta", 1.1820430262174002],
        ["log-likelihood", -168.0265188463287],
        ["periods", 7],
      ],
      explanation: "The regular cohort of Fader & Hardie (2007), years 0–7 as percentages: alpha 0.704 and beta 1.182, as published. A new customer cancels in year 1 with chance 0.704 ÷ 1.886 ≈ 37%.",
    },
    {
      formula: `=RETENTION_MODEL(${HIGH_END})`,
      result: [
        ["alpha", 0.6680883511062626],
        ["beta", 3.8060949640564465],
        ["log-likelihood", -161.1158147391157],
        ["periods", 7],
      ],
      explanation: "The high-end cohort: alpha 0.668 and beta 3.806, as published; about 15% cancel in year 1.",
    },
  ],
  notes: SBG_NOTES,
  run: ([active]) => {
    const { model, logLikelihood, periods } = fitted(MODEL, active);
    return [
      ["alpha", model.alpha],
      ["beta", model.beta],
      ["log-likelihood", logLikelihood],
      ["periods", periods],
    ];
  },
  spillBound: () => ({ rows: 4, columns: 2 }),
};

const FORECAST = "RETENTION_FORECAST";
const FORECAST_HEADER = ["period", "observed share active", "model share active", "retention rate"];

function runForecast(args: readonly CellInput[]): CellOutput {
  const [active, ahead] = args;
  const counts = readActiveByPeriod(FORECAST, active);
  const periodsAhead = wholeNumber(FORECAST, "periods_ahead", ahead, undefined, MAX_PERIODS_AHEAD);
  const { model } = asFunction(FORECAST, () => ShiftedBetaGeometric.fit(counts));
  const rows: ExampleCell[][] = [FORECAST_HEADER];
  for (let t = 0; t < counts.length + periodsAhead; t++) {
    rows.push([
      t,
      t < counts.length ? counts[t] / counts[0] : "",
      model.survival(t),
      t === 0 ? "" : model.retentionRate(t),
    ]);
  }
  return rows;
}

export const RETENTION_FORECAST: CatalogueEntry = {
  name: FORECAST,
  category: "Predictive CLV",
  summary: "Projects one cohort's retention with the sBG model: per period, the observed and the model's share still active, and the retention rate.",
  formula: "S(t) = B(alpha, beta + t) ÷ B(alpha, beta), the share of the cohort still active at the start of period t; retention rate S(t) ÷ S(t − 1) = (beta + t − 1) ÷ (alpha + beta + t − 1); alpha and beta fitted as RETENTION_MODEL does",
  source: SBG_2007,
  args: [
    ACTIVE_ARG,
    { name: "periods_ahead", kind: "number", description: `How many periods to project past the last count, 0 to ${MAX_PERIODS_AHEAD}.` },
  ],
  returns: {
    kind: "table",
    description: "Spills a header row, then one row per period from 0 to the last observed period + periods_ahead: [period, observed share active (blank beyond the data), model share active S(t), retention rate S(t) ÷ S(t − 1) (blank for period 0)]. Format the last three columns as %.",
  },
  examples: [
    {
      formula: `=RETENTION_FORECAST(${HIGH_END}, 5)`,
      result: [
        ["period", "observed share active", "model share active", "retention rate"],
        [0, 1, 1, ""],
        [1, 0.8690000000000001, 0.8506792627735762, 0.8506792627735759],
        [2, 0.743, 0.7468594099724288, 0.877956525632645],
        [3, 0.653, 0.6697889831051391, 0.8968073162924531],
        [4, 0.593, 0.6099191353313935, 0.9106138660325703],
        [5, 0.551, 0.5618342811009436, 0.9211619189413967],
        [6, 0.517, 0.5222155692849103, 0.9294832779900895],
        [7, 0.491, 0.4889064197209046, 0.9362157095208445],
        [8, "", 0.46043967182042683, 0.9417746489875748],
        [9, "", 0.4357795900051706, 0.9464423173664458],
        [10, "", 0.41417239787170046, 0.9504171543848263],
        [11, "", 0.39505534315829466, 0.9538427601364982],
        [12, "", 0.3779990715974088, 0.9568256147998698],
      ],
      explanation: "The high-end cohort fitted on years 0–7 and projected to year 12. The paper's actuals for years 8–12 are 46.8%, 44.5%, 42.7%, 40.9% and 39.4%; the projection stays within 2 points. Retention rises from 85% in year 1 towards 95%: the customers left are the loyal ones.",
    },
  ],
  notes: [
    ...SBG_NOTES,
    `The table has (number of counts + periods_ahead) rows below its header; periods_ahead is capped at ${MAX_PERIODS_AHEAD}.`,
  ],
  run: runForecast,
  spillBound: ([active]) => ({
    rows: 1 + (active ? active.rows * active.columns : 1) + MAX_PERIODS_AHEAD,
    columns: FORECAST_HEADER.length,
  }),
};

const LTV = "LTV_RETENTION";
/** Tenure beyond this many periods (a century of months) is a data error rather than a customer. */
const MAX_PERIODS_ACTIVE = 1200;

function runLtv(args: readonly CellInput[]): CellOutput {
  const [active, value, rate, periodsActive] = args;
  const counts = readActiveByPeriod(LTV, active);
  const perPeriod = singleNumber({ fn: LTV, arg: "value_per_period" }, value);
  if (perPeriod < 0) fail(LTV, `value_per_period is ${show(perPeriod)}, which cannot be negative`);
  const discountRate = singleNumber({ fn: LTV, arg: "discount_rate" }, rate, 0);
  if (!(discountRate >= 0)) fail(LTV, `discount_rate is ${show(discountRate)}; it must be 0 or more (0.1 for 10% a period)`);
  const n = wholeNumber(LTV, "periods_active", periodsActive, 0, MAX_PERIODS_ACTIVE);
  const { model } = asFunction(LTV, () => ShiftedBetaGeometric.fit(counts));
  const payments = asFunction(LTV, () => model.discountedPayments(discountRate, n));
  const result = perPeriod * payments;
  if (!Number.isFinite(result)) fail(LTV, "the result is too large to show; check value_per_period and discount_rate");
  return result;
}

export const LTV_RETENTION: CatalogueEntry = {
  name: LTV,
  category: "Predictive CLV",
  summary: "Expected discounted value of a subscriber under the sBG model, for a new customer or one active for some periods already.",
  formula: "Σ over t ≥ n of value_per_period × S(t) ÷ S(n) ÷ (1 + discount_rate)^(t − n), with n = periods_active and S the fitted sBG survival; in closed form ₂F₁(1, beta + n; alpha + beta + n; 1 ÷ (1 + discount_rate)) × value_per_period",
  source: `${SBG_2010}; ${SBG_2007}`,
  args: [
    ACTIVE_ARG,
    { name: "value_per_period", kind: "number", description: "What an active customer pays (or earns you, as margin) at the start of each period." },
    { name: "discount_rate", kind: "rate", description: "Discount rate per period, e.g. 0.1 for 10% a year with yearly periods.", optional: true, defaultValue: 0 },
    { name: "periods_active", kind: "number", description: `Periods the customer has already been active (their renewals so far), 0 to ${MAX_PERIODS_ACTIVE}; 0 is a new customer.`, optional: true, defaultValue: 0 },
  ],
  returns: {
    kind: "number",
    description: "Value of the payments still to come, the one due now included, in the currency of value_per_period.",
  },
  examples: [
    {
      formula: `=LTV_RETENTION(${HIGH_END}, 100, 0.1)`,
      result: 592.2253495783174,
      explanation: "A new high-end customer paying 100 a year, at 10% a year: 5.92 discounted payments. A constant churn rate of 14.9% (the model's year 1) would give 100 × 1.1 ÷ (0.1 + 0.149) ≈ 441, a quarter less, because it ignores that the customers who stay churn less and less.",
    },
    {
      formula: `=LTV_RETENTION(${HIGH_END}, 100, 0.1, 7)`,
      result: 784.5116414155527,
      explanation: "A high-end customer who has renewed 7 times is worth more: those still there after 7 years rarely cancel. Without the 100 due now this is 1.1 × (7.8451 − 1) ≈ 7.530 payments, the discounted expected residual lifetime of Fader & Hardie (2010).",
    },
  ],
  notes: [
    ...SBG_NOTES,
    "A customer pays at the start of each period while active, the first payment now (undiscounted). periods_active = 0 gives E(CLV) of Fader & Hardie (2010); n > 0 gives a current customer's residual value, the payment due now included.",
    `With discount_rate 0 the value is value_per_period × (alpha + beta + n − 1) ÷ (alpha − 1), finite only when alpha > 1: with alpha ≤ 1 enough customers almost never cancel that the expected lifetime is infinite, and the function refuses (both cohorts of the 2007 paper have alpha < 1, so give them a discount rate). With a discount rate it is (1 + d) × E[1/(θ + d)] over the customer's churn chance θ ~ Beta(alpha, beta + n), computed by the trapezoid rule in the logit of θ, the step halved until two results agree to ${RELATIVE_TOLERANCE} relative.`,
  ],
  run: runLtv,
};
