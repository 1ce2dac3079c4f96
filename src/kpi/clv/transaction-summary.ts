// Turns an order log into the per-customer recency/frequency/monetary summary the CLV models are fitted on.
import { modelFail } from "./model-error";

/** The models count time in weeks, as Fader, Hardie & Lee do for CDNOW. */
export const DAYS_PER_TIME_UNIT = 7;

export interface OrderLog {
  readonly customerIds: readonly string[];
  /** Spreadsheet date serials (days since 1899-12-30); a time of day is ignored. */
  readonly orderDates: readonly number[];
  /** One value per order, or undefined when only frequency is modelled; null marks an unknown value. */
  readonly orderValues?: readonly (number | null)[];
  /** How errors name each entry ("row 7"); defaults to its 1-based position, for callers that skipped rows. */
  readonly rowNumbers?: readonly number[];
}

/** The row number errors use for the entry at `index`. */
export function rowNumberOf(log: Pick<OrderLog, "rowNumbers">, index: number): number {
  return log.rowNumbers?.[index] ?? index + 1;
}

export interface CustomerSummary {
  readonly id: string;
  /** Purchase occasions (distinct order days) up to asOf, first one included. */
  readonly orders: number;
  /** Repeat purchase occasions: orders − 1. */
  readonly x: number;
  /** Time of the last purchase, in weeks since the first purchase. */
  readonly tx: number;
  /** Length of observation, in weeks from the first purchase to asOf. */
  readonly T: number;
  /** Value of all purchase occasions; null without values or when one of the customer's values is unknown. */
  readonly totalValue: number | null;
  /** Mean value of the repeat purchases only (the first is left out, as in the literature); 0 when x = 0. */
  readonly zbar: number | null;
}

interface Accumulator {
  id: string;
  firstDay: number;
  lastDay: number;
  orders: number;
  firstDayValue: number;
  totalValue: number;
  valuesKnown: boolean;
}

/**
 * One summary per customer, in order of first appearance in the log. Orders of one customer on the same
 * day are one purchase occasion (their values add up), because the models describe purchase occasions
 * and a split basket is not a second visit. Orders after asOf are left out.
 */
export function summarizeTransactions(log: OrderLog, asOf: number): CustomerSummary[] {
  const { customerIds, orderDates, orderValues } = log;
  if (customerIds.length !== orderDates.length) {
    modelFail(`customer_ids has ${customerIds.length} rows but order_dates has ${orderDates.length}; they must match`,
    );
  }
  if (orderValues !== undefined && orderValues.length !== orderDates.length) {
    modelFail(`order_values has ${orderValues.length} rows but order_dates has ${orderDates.length}; they must match`,
    );
  }
  if (!Number.isFinite(asOf)) modelFail("as_of is not a date");
  const asOfDay = Math.floor(asOf);

  // Each customer's days are collected first: the log need not be sorted by date.
  const daysByCustomer = new Map<string, Map<number, number>>();
  const firstSeen: string[] = [];
  for (let row = 0; row < customerIds.length; row++) {
    const id = customerIds[row];
    const date = orderDates[row];
    if (typeof id !== "string" || id === "") {
      modelFail(`row ${rowNumberOf(log, row)} has no customer id`);
    }
    if (typeof date !== "number" || !Number.isFinite(date)) {
      modelFail(`row ${rowNumberOf(log, row)} has no valid order date`);
    }
    const day = Math.floor(date);
    if (day > asOfDay) continue;
    let days = daysByCustomer.get(id);
    if (days === undefined) {
      days = new Map();
      daysByCustomer.set(id, days);
      firstSeen.push(id);
    }
    const value = orderValues === undefined ? 0 : orderValues[row];
    // NaN marks an unknown value and survives any sum, so a customer with one is flagged below.
    const amount = value === null || typeof value !== "number" ? NaN : value;
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  if (firstSeen.length === 0) {
    modelFail("there are no orders on or before as_of");
  }

  return firstSeen.map((id) => {
    const acc = accumulate(id, daysByCustomer.get(id) as Map<number, number>);
    const x = acc.orders - 1;
    const withValues = orderValues !== undefined && acc.valuesKnown;
    return {
      id,
      orders: acc.orders,
      x,
      tx: (acc.lastDay - acc.firstDay) / DAYS_PER_TIME_UNIT,
      T: (asOfDay - acc.firstDay) / DAYS_PER_TIME_UNIT,
      totalValue: withValues ? acc.totalValue : null,
      zbar: withValues ? (x === 0 ? 0 : (acc.totalValue - acc.firstDayValue) / x) : null,
    };
  });
}

function accumulate(id: string, days: Map<number, number>): Accumulator {
  const acc: Accumulator = {
    id,
    firstDay: Infinity,
    lastDay: -Infinity,
    orders: 0,
    firstDayValue: 0,
    totalValue: 0,
    valuesKnown: true,
  };
  for (const [day, value] of days) {
    acc.orders++;
    acc.totalValue += value;
    if (Number.isNaN(value)) acc.valuesKnown = false;
    if (day < acc.firstDay) {
      acc.firstDay = day;
      acc.firstDayValue = value;
    }
    if (day > acc.lastDay) acc.lastDay = day;
  }
  return acc;
}
