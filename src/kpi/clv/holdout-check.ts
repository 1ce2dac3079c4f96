// The calibration-versus-holdout check: the purchase model fitted up to as_of, its predictions against what happened next.
import { expectedPurchasesIfAlive, probabilityAlive } from "./bg-nbd";
import { fitClvModel, type ClvModel } from "./clv-model";
import { modelFail } from "./model-error";
import { DAYS_PER_TIME_UNIT, type OrderLog } from "./transaction-summary";

/** Rows 0, 1, …, 6 repeat purchases, then one row for 7 or more, as in Fader, Hardie & Lee (2005), figure 4. */
export const OPEN_ROW = 7;

export interface HoldoutRow {
  /** Repeat purchases in the calibration period; OPEN_ROW stands for "7 or more". */
  readonly repeatPurchases: number;
  readonly customers: number;
  /** Mean of E[X(t) | x, t_x, T] over the row's customers; null for an empty row. */
  readonly meanPredicted: number | null;
  /** Mean purchase occasions after as_of up to holdout_end; null for an empty row. */
  readonly meanActual: number | null;
}

export interface HoldoutCheck {
  readonly model: ClvModel;
  /** Length of the holdout period in the model's time unit (weeks). */
  readonly holdoutWeeks: number;
  readonly rows: readonly HoldoutRow[];
  /** Every calibration customer together. */
  readonly all: Omit<HoldoutRow, "repeatPurchases">;
}

/**
 * Fits BG/NBD on the orders up to as_of and compares, per number of repeat purchases by then, the
 * expected and the actual purchases between as_of and holdout_end. Only customers whose first order
 * is on or before as_of take part (the model knows nothing of later ones); purchases are counted as
 * distinct days, as in the fit. Order values play no part: this checks the purchase model.
 */
export function holdoutCheck(log: OrderLog, asOf: number, holdoutEnd: number): HoldoutCheck {
  const asOfDay = Math.floor(asOf);
  const endDay = Math.floor(holdoutEnd);
  if (!(endDay > asOfDay)) {
    modelFail("holdout_end must be a date after as_of: the holdout period runs from the day after as_of to holdout_end");
  }
  const fitted = fitClvModel({ customerIds: log.customerIds, orderDates: log.orderDates, rowNumbers: log.rowNumbers }, asOf);
  const holdoutWeeks = (endDay - asOfDay) / DAYS_PER_TIME_UNIT;

  const holdoutDays = new Map<string, Set<number>>();
  for (const s of fitted.summaries) holdoutDays.set(s.id, new Set());
  log.customerIds.forEach((id, row) => {
    const day = Math.floor(log.orderDates[row]);
    if (day > asOfDay && day <= endDay) holdoutDays.get(id)?.add(day);
  });

  const predicted = new Float64Array(OPEN_ROW + 1);
  const actual = new Float64Array(OPEN_ROW + 1);
  const counts = new Float64Array(OPEN_ROW + 1);
  // E[X(t) | x, t_x, T] = E[X(t) | alive, x, T] · P(alive | x, t_x, T): the series is shared per (x, T).
  const ifAliveByHistory = new Map<string, number>();
  for (const s of fitted.summaries) {
    const key = `${s.x}|${s.T}`;
    let ifAlive = ifAliveByHistory.get(key);
    if (ifAlive === undefined) {
      ifAlive = expectedPurchasesIfAlive(fitted.bgNbd, holdoutWeeks, s);
      ifAliveByHistory.set(key, ifAlive);
    }
    const row = Math.min(s.x, OPEN_ROW);
    counts[row]++;
    predicted[row] += ifAlive * probabilityAlive(fitted.bgNbd, s);
    actual[row] += holdoutDays.get(s.id)?.size ?? 0;
  }
  const means = (n: number, sumPredicted: number, sumActual: number): Omit<HoldoutRow, "repeatPurchases"> => ({
    customers: n,
    meanPredicted: n > 0 ? sumPredicted / n : null,
    meanActual: n > 0 ? sumActual / n : null,
  });
  const sum = (v: Float64Array): number => v.reduce((s, e) => s + e, 0);
  return {
    model: fitted.model,
    holdoutWeeks,
    rows: Array.from(counts, (n, x) => ({ repeatPurchases: x, ...means(n, predicted[x], actual[x]) })),
    all: means(sum(counts), sum(predicted), sum(actual)),
  };
}
