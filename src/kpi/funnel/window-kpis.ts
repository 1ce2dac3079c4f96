// The metric values of a funnel over a list of date windows (the scorecard's trend), two windows per pass over the rows.
import type { TableRows } from "../cell-grid";
import type { KpiValue } from "./kpi-value";
import type { FunnelSpec } from "./funnel-spec";
import { metricValues, sliceContext } from "./segment-kpis";
import { tally } from "./tallies";

/** Day serials; `end` is the first day after the window. */
export interface DayWindow {
  start: number;
  end: number;
}

/**
 * Each window's values as the headline computes its current period's (record-level stages on their own
 * dates, revenue on the last stage's). A tally counts a period and the one before it in one pass, so the
 * windows are taken in pairs.
 */
export function windowKpis(spec: FunnelSpec, rows: TableRows, windows: readonly DayWindow[], grossMargin: number | null = null): Record<string, KpiValue>[] {
  const ctx = sliceContext(
    spec.stages,
    spec.spendColumn !== null && spec.spendColumn !== undefined,
    spec.revenueColumn !== null && spec.revenueColumn !== undefined,
    grossMargin,
  );
  const out: Record<string, KpiValue>[] = [];
  for (let i = 0; i < windows.length; i += 2) {
    const first = windows[i];
    const second = windows[i + 1] ?? first;
    const t = tally(spec, rows, { start: first.start, end: first.end, previousStart: second.start, previousEnd: second.end });
    out.push(metricValues(t.current, ctx));
    if (i + 1 < windows.length) out.push(metricValues(t.previous, ctx));
  }
  return out;
}
