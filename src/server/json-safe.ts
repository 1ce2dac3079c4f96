// Makes sheet values safe for google.script.run, which cannot carry a Date inside an array.
import { dateToSerial, serialToIsoDate } from "../kpi/dates";
import type { SheetValue } from "./apps-script-api";

export type JsonCell = string | number | boolean;

/** A date becomes its calendar day as ISO text, so the sidebar shows what the cell shows. */
export function jsonCell(value: SheetValue): JsonCell {
  return value instanceof Date ? serialToIsoDate(dateToSerial(value)) : value;
}

export function jsonRows(rows: readonly (readonly SheetValue[])[]): JsonCell[][] {
  return rows.map((row) => row.map(jsonCell));
}
