// Fits the purchase (BG/NBD) and spend (Gamma-Gamma) models on an order log and reports their parameters.
import { fitBgNbd, type BgNbdParams } from "./bg-nbd";
import { modelFail } from "./model-error";
import { fitGammaGamma, type GammaGammaParams } from "./gamma-gamma";
import { requireUsableOrderValues } from "./order-values";
import { summarizeTransactions, type CustomerSummary, type OrderLog } from "./transaction-summary";

/** What CLV_MODEL shows: the fitted parameters and the data they came from. */
export interface ClvModel {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  readonly bgNbdLogLikelihood: number;
  /** Spend-model fields are null when the log has no order values. */
  readonly p: number | null;
  readonly q: number | null;
  readonly gamma: number | null;
  readonly gammaGammaLogLikelihood: number | null;
  readonly customers: number;
  /** Customers with at least one purchase on a later day than their first. */
  readonly repeatCustomers: number;
  readonly asOf: number;
  readonly timeUnit: "weeks";
}

export interface FittedClv {
  readonly model: ClvModel;
  readonly bgNbd: BgNbdParams;
  readonly gammaGamma: GammaGammaParams | null;
  readonly summaries: readonly CustomerSummary[];
}

/** The date the models look back from when the caller gives none: the last order in the log. */
export function latestOrderDate(orderDates: readonly number[]): number {
  let latest = -Infinity;
  for (const d of orderDates) if (typeof d === "number" && d > latest) latest = d;
  if (!Number.isFinite(latest)) modelFail("there are no order dates");
  return latest;
}

export function fitClvModel(log: OrderLog, asOfInput: number | undefined): FittedClv {
  if (log.orderDates.length === 0) modelFail("the order log is empty");
  const asOf = asOfInput ?? latestOrderDate(log.orderDates);
  const summaries = summarizeTransactions(log, asOf);
  if (log.orderValues !== undefined) {
    requireUsableOrderValues({ ...log, orderValues: log.orderValues }, summaries, asOf);
  }
  const bg = fitBgNbd(summaries);
  const gg =
    log.orderValues === undefined
      ? null
      : fitGammaGamma(summaries.map((s) => ({ x: s.x, zbar: s.zbar ?? NaN })));
  return {
    model: {
      ...bg.params,
      bgNbdLogLikelihood: bg.logLikelihood,
      p: gg?.params.p ?? null,
      q: gg?.params.q ?? null,
      gamma: gg?.params.gamma ?? null,
      gammaGammaLogLikelihood: gg?.logLikelihood ?? null,
      customers: summaries.length,
      repeatCustomers: summaries.filter((s) => s.x > 0).length,
      asOf,
      timeUnit: "weeks",
    },
    bgNbd: bg.params,
    gammaGamma: gg?.params ?? null,
    summaries,
  };
}
