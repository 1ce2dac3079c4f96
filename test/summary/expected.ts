// What src/kpi says a summary cell should show, for the parity tests: headline, per channel in a period, per month, cohorts.
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport, type FunnelReport, type KpiValue } from "../../src/kpi/funnel-report";
import { channelKey, channelLabel } from "../../src/kpi/funnel/channel-label";
import type { FunnelSpec, PeriodChoice } from "../../src/kpi/funnel/funnel-spec";
import { shareOfSpendMetric } from "../../src/kpi/summary-metrics/metric-table";
import type { SummaryMetric } from "../../src/kpi/summary-metrics/metric-types";
import { totalsOfMetricValues } from "../../src/kpi/summary-metrics/slice-totals";

export function headlineValues(report: FunnelReport): Record<string, KpiValue> {
  return Object.fromEntries((report.headline?.kpis ?? []).map((k) => [k.key, k.current]));
}

/** One channel's metrics over the report's headline dates: the report of that channel's rows alone. */
export function channelValues(
  spec: FunnelSpec, rows: readonly (readonly CellValue[])[], report: FunnelReport, label: string, metrics: readonly SummaryMetric[],
): Record<string, KpiValue> {
  const headline = report.headline;
  if (headline === null || spec.channelColumn === null || spec.channelColumn === undefined) throw new Error("no period or no channel");
  const column = spec.channelColumn;
  const mine = rows.filter((r) => channelKey(channelLabel(r[column])) === channelKey(label));
  const sub = computeFunnelReport(spec, mine, { period: { start: headline.start, end: headline.end } });
  const totals = totalsOfMetricValues(headlineValues(sub), metrics);
  const whole = totalsOfMetricValues(headlineValues(report), metrics);
  const out: Record<string, KpiValue> = {};
  for (const m of [...metrics, shareOfSpendMetric()]) out[m.key] = m.compute(totals, whole);
  return out;
}

export const reportFor = (spec: FunnelSpec, rows: readonly (readonly CellValue[])[], period?: PeriodChoice, grossMargin: number | null = null): FunnelReport =>
  computeFunnelReport(spec, rows, period === undefined ? { grossMargin } : { period, grossMargin });
