// Checks the order values the spend model will see, naming the row that makes it unusable.
import { modelFail } from "./model-error";
import { rowNumberOf, type CustomerSummary } from "./transaction-summary";

/**
 * The Gamma-Gamma model describes positive amounts. A blank or a refund (negative value) is reported by
 * its row. A $0 order is allowed, because real logs have them (CDNOW has eight, and the published
 * summaries count them as purchases), but a repeat customer whose repeat purchases average $0 or less
 * is reported, naming the customer's first row, since the model has no density there. Orders after
 * asOf are not used and not checked.
 */
export function requireUsableOrderValues(
  log: {
    readonly customerIds: readonly string[];
    readonly orderDates: readonly number[];
    readonly orderValues: readonly (number | null)[];
    readonly rowNumbers?: readonly number[];
  },
  summaries: readonly CustomerSummary[],
  asOf: number,
): void {
  const asOfDay = Math.floor(asOf);
  const { customerIds, orderDates, orderValues } = log;
  for (let row = 0; row < orderValues.length; row++) {
    if (Math.floor(orderDates[row]) > asOfDay) continue;
    const value = orderValues[row];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      modelFail(`order_values row ${rowNumberOf(log, row)} is blank or not a number; the spend model needs a value for every order`,
      );
    }
    if (value < 0) {
      modelFail(`order_values row ${rowNumberOf(log, row)} is ${value}; the spend model needs positive order values (leave refunds out)`,
      );
    }
  }
  for (const s of summaries) {
    if (s.x > 0 && !((s.zbar ?? 0) > 0)) {
      const row = rowNumberOf(log, customerIds.indexOf(s.id));
      modelFail(`customer ${s.id} (first seen on row ${row}) has repeat orders worth 0 on average; the spend model needs positive order values`,
      );
    }
  }
}
