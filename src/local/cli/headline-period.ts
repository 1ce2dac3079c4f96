// Picks the headline period: --from/--to as given, or the 30 days up to the latest date in the data.
import { type TableRows, asGrid } from "../../kpi/cell-grid";
import { isoDateToSerial, serialToIsoDate } from "../../kpi/dates";
import { readDateSerial } from "../../kpi/funnel/cell-readers";
import { columnReadings } from "../../kpi/funnel/column-readings";
import type { FunnelMapping } from "../../server/mapping/mapping-types";

export const DEFAULT_PERIOD_DAYS = 30;

/** Columns whose dates place a row in time: the period date, and for record-level data every stage date. */
function dateColumns(mapping: FunnelMapping): number[] {
  const columns = mapping.date === null ? [] : [mapping.date.index];
  if (mapping.shape === "record-level") for (const s of mapping.stages) if (s.column !== null) columns.push(s.column.index);
  return columns;
}

export function latestDate(mapping: FunnelMapping, rows: TableRows): number | null {
  const grid = asGrid(rows);
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of dateColumns(mapping)) {
    // Blank cells read as -Infinity and unreadable ones as NaN: neither is ever the latest.
    const serials = columnReadings(grid, c, readDateSerial);
    for (let r = 0; r < serials.length; r++) if (serials[r] > latest) latest = serials[r];
  }
  return latest === Number.NEGATIVE_INFINITY ? null : Math.floor(latest);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoToSerialDay(iso: string): number {
  const m = ISO.exec(iso);
  if (m === null) return Number.NaN;
  return isoDateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Null when the data holds no date to anchor a default period on; the report then says why there is no headline. */
export function headlinePeriod(
  from: string | null,
  to: string | null,
  mapping: FunnelMapping,
  rows: TableRows,
): { start: string; end: string } | null {
  if (from !== null && to !== null) return { start: from, end: to };
  const end = to !== null ? isoToSerialDay(to) : latestDate(mapping, rows);
  if (end === null) return null;
  const start = from !== null ? isoToSerialDay(from) : end - (DEFAULT_PERIOD_DAYS - 1);
  return { start: serialToIsoDate(start), end: serialToIsoDate(end) };
}
