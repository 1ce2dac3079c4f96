// Picks the headline period: --from/--to as a custom period, or the sheet's default preset (the 30 days up to the latest date with data).
import type { TableRows } from "../../kpi/cell-grid";
import { isoDateToSerial, serialToIsoDate } from "../../kpi/dates";
import { DEFAULT_PRESET, type DataSpan, type PeriodPreset, resolvePeriod } from "../../kpi/definitions/periods";
import { dataSpan } from "../../kpi/funnel/data-dates";
import type { FunnelSpec } from "../../kpi/funnel/funnel-spec";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../server/mapping/mapping-types";

export const DEFAULT_PERIOD_DAYS = 30;

/**
 * A period the report resolves by its preset (so the CLI and a generated sheet agree on the same file)
 * and its dates, "YYYY-MM-DD", for what the CLI prints and --out writes.
 */
export interface HeadlinePeriod {
  preset: PeriodPreset;
  customStart: string | null;
  customEnd: string | null;
  start: string;
  end: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoToSerialDay(iso: string): number {
  const m = ISO.exec(iso);
  if (m === null) return Number.NaN;
  return isoDateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Null when the data holds no date to anchor a period on; the report then says why there is no headline. */
export function headlinePeriod(
  from: string | null,
  to: string | null,
  mapping: FunnelMapping,
  rows: TableRows,
): HeadlinePeriod | null {
  const spec: FunnelSpec = toFunnelSpec(mapping);
  return periodForSpan(from, to, dataSpan(spec, rows));
}

/** The same choice over data whose span is known (several sources: the span of all of them). */
export function periodForSpan(from: string | null, to: string | null, span: DataSpan | null): HeadlinePeriod | null {
  if (from === null && to === null) {
    const resolved = resolvePeriod(DEFAULT_PRESET, span);
    if (!resolved.ok) return null;
    const p = resolved.period;
    return { preset: DEFAULT_PRESET, customStart: null, customEnd: null, start: serialToIsoDate(p.start), end: serialToIsoDate(p.end) };
  }
  const end = to !== null ? isoToSerialDay(to) : (span?.latest ?? null);
  if (end === null || Number.isNaN(end)) return null;
  const start = from !== null ? isoToSerialDay(from) : end - (DEFAULT_PERIOD_DAYS - 1);
  if (Number.isNaN(start)) return null;
  const [s, e] = [serialToIsoDate(start), serialToIsoDate(end)];
  return { preset: "Custom", customStart: s, customEnd: e, start: s, end: e };
}
