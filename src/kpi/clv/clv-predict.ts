// Predicts each customer's purchases, order value and discounted lifetime value over a horizon.
import { expectedPurchasesIfAlive, probabilityAlive, type BgNbdParams } from "./bg-nbd";
import { fitClvModel, type ClvModel } from "./clv-model";
import { modelFail } from "./model-error";
import { expectedOrderValue } from "./gamma-gamma";
import { DAYS_PER_TIME_UNIT, type OrderLog } from "./transaction-summary";

export interface ClvPredictOptions {
  readonly horizonDays: number;
  /** Spreadsheet serial to look back from; defaults to the last order date. */
  readonly asOf?: number;
  /** 0.1 for 10% a year; 0 for no discounting. */
  readonly annualDiscountRate: number;
}

export interface CustomerPrediction {
  readonly id: string;
  /** Purchase occasions so far (orders on the same day count once). */
  readonly orders: number;
  readonly probabilityAlive: number;
  /** Expected purchase occasions within the horizon, undiscounted. */
  readonly expectedOrders: number;
  readonly expectedOrderValue: number;
  /** Value of the expected future purchases within the horizon, discounted; past purchases not included. */
  readonly clv: number;
}

export interface ClvPrediction {
  readonly model: ClvModel;
  readonly customers: CustomerPrediction[];
}

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
// Ten years: predictions that far out are already extrapolations well beyond any calibration period, and
// the hypergeometric series (one per customer group and month) slows as the horizon grows.
const MAX_HORIZON_DAYS = 3653;

export function predictClv(log: OrderLog, options: ClvPredictOptions): ClvPrediction {
  const { horizonDays, annualDiscountRate } = options;
  if (!(Number.isFinite(horizonDays) && horizonDays > 0 && horizonDays <= MAX_HORIZON_DAYS)) {
    modelFail(`horizon_days must be a number of days above 0 and at most ${MAX_HORIZON_DAYS} (ten years)`);
  }
  if (!(Number.isFinite(annualDiscountRate) && annualDiscountRate >= 0)) {
    modelFail("annual_discount_rate must be 0 or more (0.1 for 10% a year)");
  }
  if (log.orderValues === undefined) {
    modelFail("order_values are needed to predict customer lifetime value");
  }
  const fitted = fitClvModel(log, options.asOf);
  const spend = fitted.gammaGamma;
  if (spend === null) modelFail("internal: spend model missing");

  // Expected purchases of an active customer depend on x and T only; P(alive) brings in t_x per customer.
  const schedule = discountSchedule(horizonDays, annualDiscountRate);
  const byHistory = new Map<string, { total: number; discounted: number }>();
  const customers = fitted.summaries.map((s): CustomerPrediction => {
    const key = `${s.x}|${s.T}`;
    let ifAlive = byHistory.get(key);
    if (ifAlive === undefined) {
      ifAlive = discountedPurchasesIfAlive(fitted.bgNbd, s, schedule);
      byHistory.set(key, ifAlive);
    }
    const alive = probabilityAlive(fitted.bgNbd, s);
    const value = expectedOrderValue(spend, { x: s.x, zbar: s.zbar ?? NaN });
    return {
      id: s.id,
      orders: s.orders,
      probabilityAlive: alive,
      expectedOrders: ifAlive.total * alive,
      expectedOrderValue: value,
      clv: ifAlive.discounted * alive * value,
    };
  });
  return { model: fitted.model, customers };
}

interface Schedule {
  /** Ends of the sub-periods, in weeks from asOf; the last one is the horizon. */
  readonly ends: Float64Array;
  /** Discount factor applied to the purchases of each sub-period. */
  readonly factors: Float64Array;
}

/**
 * Discounting follows lifetimes' `customer_lifetime_value`: the horizon is cut into months, each
 * month's expected purchases are E[X(end)] − E[X(start)], and they are discounted at the month's end.
 * The annual rate is turned into its equivalent monthly rate, (1 + annual)^(1/12) − 1, so twelve
 * months compound to exactly the annual rate; a last partial month is discounted at its own end.
 * With no discount the horizon is one period and the factor is 1.
 */
function discountSchedule(horizonDays: number, annualDiscountRate: number): Schedule {
  const periods = annualDiscountRate === 0 ? 1 : Math.ceil(horizonDays / DAYS_PER_MONTH - 1e-9);
  const ends = new Float64Array(periods);
  const factors = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    const endDays = k === periods - 1 ? horizonDays : (k + 1) * DAYS_PER_MONTH;
    ends[k] = endDays / DAYS_PER_TIME_UNIT;
    factors[k] = Math.pow(1 + annualDiscountRate, -endDays / DAYS_PER_YEAR);
  }
  return { ends, factors };
}

function discountedPurchasesIfAlive(
  params: BgNbdParams,
  history: { x: number; T: number },
  schedule: Schedule,
): { total: number; discounted: number } {
  let previous = 0;
  let discounted = 0;
  for (let k = 0; k < schedule.ends.length; k++) {
    const cumulative = expectedPurchasesIfAlive(params, schedule.ends[k], history);
    discounted += (cumulative - previous) * schedule.factors[k];
    previous = cumulative;
  }
  return { total: previous, discounted };
}
