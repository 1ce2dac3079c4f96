// The first and last day with a date in the data: what every headline period is anchored to, in the report, the CLI and the sheet alike.
import { type TableRows, asGrid } from "../cell-grid";
import type { DataSpan } from "../definitions/periods";
import { readDateSerial } from "./cell-readers";
import { BLANK_CELL, columnReadings } from "./column-readings";
import type { FunnelSpec } from "./funnel-spec";

/** Aggregated data: the period date. Record-level: the record's date and every stage date. */
export function dateColumnsOf(spec: FunnelSpec): number[] {
  const columns = spec.dateColumn === null || spec.dateColumn === undefined ? [] : [spec.dateColumn];
  if (spec.shape === "record-level") for (const s of spec.stages) if (!columns.includes(s.column)) columns.push(s.column);
  return columns.filter((c) => Number.isInteger(c) && c >= 0);
}

/** Null when no cell of those columns holds a date; times of day are dropped (whole days). */
export function dataSpan(spec: FunnelSpec, rows: TableRows): DataSpan | null {
  const grid = asGrid(rows);
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of dateColumnsOf(spec)) {
    const serials = columnReadings(grid, c, readDateSerial);
    for (let r = 0; r < serials.length; r++) {
      const serial = serials[r];
      // Blank cells read as BLANK_CELL (-Infinity), unreadable ones as NaN: neither is a date.
      if (serial === BLANK_CELL || serial !== serial) continue;
      if (serial < earliest) earliest = serial;
      if (serial > latest) latest = serial;
    }
  }
  return latest === Number.NEGATIVE_INFINITY ? null : { earliest: Math.floor(earliest), latest: Math.floor(latest) };
}
