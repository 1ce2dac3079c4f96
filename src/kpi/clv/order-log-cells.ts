// Reads the customer-id, order-date and order-value ranges of a CLV custom function into an order log.
import type { CellInput, CellValue } from "../cells";
import { isBlank } from "../cells";
import {
  cellSequence, cellToDateSerial, cellToNumber, describeCell, describeValue, isSpreadsheetError, type CellSequence,
} from "../coerce";
import { dateToSerial, serialToIsoDate } from "../dates";
import { fail } from "../kpi-error";
import type { OrderLog } from "./transaction-summary";

/** The log, plus each id as the sheet held it, so numeric ids spill back as numbers that lookups still match. */
export interface OrderLogFromCells extends OrderLog {
  readonly idCells: ReadonlyMap<string, string | number>;
}

type Position = ReturnType<CellSequence["position"]>;

/** A customer id as text, so 1001 the number and "1001" the text are one customer. */
function idText(fn: string, value: CellValue, position: () => Position): string {
  if (typeof value === "string") {
    // Only text starting with "#" can be an error value; most ids skip the lookup.
    if (value.includes("#") && isSpreadsheetError(value)) {
      return fail(fn, `${describeCell("customer_ids", position())} is ${describeValue(value)}, not a customer id`);
    }
    return value.trim();
  }
  if (value instanceof Date) return serialToIsoDate(dateToSerial(value));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/**
 * One order per row of the three ranges, which must have the same number of cells. Rows blank in every
 * range are skipped, so open-ended ranges like A2:A work; a row with some cells filled must have an id
 * and a date. Values may be blank here: whether that is acceptable is the spend model's call, and it
 * names the row by its number within the range. Cells are read in place, without copying the ranges:
 * an order log can fill a good part of a sheet.
 */
export function readOrderLog(
  fn: string,
  customerIds: CellInput,
  orderDates: CellInput,
  orderValues: CellInput | undefined,
): OrderLogFromCells {
  const ids = cellSequence(customerIds);
  const dates = cellSequence(orderDates);
  const values = orderValues === undefined ? undefined : cellSequence(orderValues);
  if (dates.length !== ids.length) {
    fail(fn, `order_dates has ${dates.length} cells but customer_ids has ${ids.length}; give ranges of the same size`);
  }
  if (values !== undefined && values.length !== ids.length) {
    fail(fn, `order_values has ${values.length} cells but customer_ids has ${ids.length}; give ranges of the same size`);
  }
  const log = {
    customerIds: [] as string[],
    orderDates: [] as number[],
    orderValues: values === undefined ? undefined : ([] as (number | null)[]),
    rowNumbers: [] as number[],
    idCells: new Map<string, string | number>(),
  };
  const dateRef = { fn, arg: "order_dates" };
  const valueRef = { fn, arg: "order_values" };
  for (let i = 0; i < ids.length; i++) {
    const idCell = ids.at(i);
    const dateCell = dates.at(i);
    const valueCell = values?.at(i);
    if (isBlank(idCell) && isBlank(dateCell) && (values === undefined || isBlank(valueCell))) continue;
    const id = idText(fn, idCell, () => ids.position(i));
    if (id === "") fail(fn, `${describeCell("customer_ids", ids.position(i))} is blank, but its row has an order`);
    const date = dateCell instanceof Date && !Number.isNaN(dateCell.getTime())
      ? dateToSerial(dateCell)
      : cellToDateSerial(dateRef, dateCell, dates.position(i));
    if (date === null) fail(fn, `${describeCell("order_dates", dates.position(i))} is blank, but its row has an order`);
    log.customerIds.push(id);
    if (!log.idCells.has(id)) log.idCells.set(id, typeof idCell === "number" ? idCell : id);
    log.orderDates.push(date);
    log.rowNumbers.push(i + 1);
    if (log.orderValues !== undefined && values !== undefined) {
      log.orderValues.push(
        typeof valueCell === "number" && Number.isFinite(valueCell)
          ? valueCell
          : cellToNumber(valueRef, valueCell, values.position(i)),
      );
    }
  }
  if (log.customerIds.length === 0) fail(fn, "the order log is empty: customer_ids and order_dates are blank");
  return log;
}
