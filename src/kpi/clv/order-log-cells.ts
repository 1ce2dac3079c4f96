// Reads the customer-id, order-date and order-value ranges of a CLV custom function into an order log.
import type { CellInput, CellValue } from "../cells";
import { isBlank } from "../cells";
import { cellToDateSerial, cellToNumber, describeCell, describeValue, forEachCell, isSpreadsheetError } from "../coerce";
import { dateToSerial, serialToIsoDate } from "../dates";
import { fail } from "../kpi-error";
import type { OrderLog } from "./transaction-summary";

/** The log, plus each id as the sheet held it, so numeric ids spill back as numbers that lookups still match. */
export interface OrderLogFromCells extends OrderLog {
  readonly idCells: ReadonlyMap<string, string | number>;
}

interface Located {
  value: CellValue;
  position: Parameters<Parameters<typeof forEachCell>[1]>[1];
}

function cellsOf(input: CellInput): Located[] {
  const out: Located[] = [];
  forEachCell(input, (value, position) => out.push({ value, position }));
  return out;
}

/** A customer id as text, so 1001 the number and "1001" the text are one customer. */
function idText(fn: string, { value, position }: Located): string {
  if (typeof value === "string" && isSpreadsheetError(value)) {
    return fail(fn, `${describeCell("customer_ids", position)} is ${describeValue(value)}, not a customer id`);
  }
  if (value instanceof Date) return serialToIsoDate(dateToSerial(value));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/**
 * One order per row of the three ranges, which must have the same number of cells. Rows blank in every
 * range are skipped, so open-ended ranges like A2:A work; a row with some cells filled must have an id
 * and a date. Values may be blank here: whether that is acceptable is the spend model's call, and it
 * names the row by its number within the range.
 */
export function readOrderLog(
  fn: string,
  customerIds: CellInput,
  orderDates: CellInput,
  orderValues: CellInput | undefined,
): OrderLogFromCells {
  const ids = cellsOf(customerIds);
  const dates = cellsOf(orderDates);
  const values = orderValues === undefined ? undefined : cellsOf(orderValues);
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
  for (let i = 0; i < ids.length; i++) {
    const valueCell = values?.[i];
    if (isBlank(ids[i].value) && isBlank(dates[i].value) && (valueCell === undefined || isBlank(valueCell.value))) {
      continue;
    }
    const id = idText(fn, ids[i]);
    if (id === "") fail(fn, `${describeCell("customer_ids", ids[i].position)} is blank, but its row has an order`);
    const date = cellToDateSerial({ fn, arg: "order_dates" }, dates[i].value, dates[i].position);
    if (date === null) fail(fn, `${describeCell("order_dates", dates[i].position)} is blank, but its row has an order`);
    log.customerIds.push(id);
    const idCell = ids[i].value;
    if (!log.idCells.has(id)) log.idCells.set(id, typeof idCell === "number" ? idCell : id);
    log.orderDates.push(date);
    log.rowNumbers.push(i + 1);
    if (log.orderValues !== undefined && valueCell !== undefined) {
      log.orderValues.push(cellToNumber({ fn, arg: "order_values" }, valueCell.value, valueCell.position));
    }
  }
  if (log.customerIds.length === 0) fail(fn, "the order log is empty: customer_ids and order_dates are blank");
  return log;
}
