// The CLI's own numbers for the KPI Summary's formula cells, from src/kpi and the metric table, keyed by cell: the cached results --out writes.
import { type TableRows, asGrid, rowSubset } from "../../kpi/cell-grid";
import { isoDateToSerial } from "../../kpi/dates";
import { conversionRate } from "../../kpi/definitions/conversion";
import { PERIOD_PROBLEMS } from "../../kpi/definitions/periods";
import { type FunnelReport, type KpiValue, computeFunnelReport } from "../../kpi/funnel-report";
import { channelKey, channelLabel } from "../../kpi/funnel/channel-label";
import { labelColumn } from "../../kpi/funnel/column-readings";
import { OPEN_WINDOW } from "../../kpi/funnel/cohort-report";
import type { FunnelSpec, PeriodChoice } from "../../kpi/funnel/funnel-spec";
import { PREVIOUS_EMPTY } from "../../kpi/funnel/headline";
import { measure } from "../../kpi/funnel/kpi-value";
import { windowKpis } from "../../kpi/funnel/window-kpis";
import { shareOfSpendMetric } from "../../kpi/summary-metrics/metric-table";
import type { SliceTotals, SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { totalsOfMetricValues } from "../../kpi/summary-metrics/slice-totals";
import type { CellRef } from "../../server/summary/block";
import { COHORT_COLUMN, LABEL_COLUMN, NOTE_COLUMN, PARTIAL_MONTH } from "../../server/summary/month-block";
import type { SummaryLayout } from "../../server/summary/summary-layout";
import { TREND_WINDOWS } from "../../server/summary/trend-block";

/** What a formula cell shows: a number, text (the sheet's "n/a", a message), or TRUE/FALSE. */
export type CachedValue = number | string | boolean;

export const NOT_AVAILABLE = "n/a";

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A KPI as its cell shows it: the number, or the word the sheet's formula writes instead. */
export function shown(kpi: KpiValue): CachedValue {
  if (kpi.value !== null) return kpi.value;
  if (kpi.reason === PREVIOUS_EMPTY) return PREVIOUS_EMPTY;
  if (kpi.reason.startsWith(OPEN_WINDOW)) return OPEN_WINDOW;
  return NOT_AVAILABLE;
}

function isoSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return isoDateToSerial(y, m, d);
}

export interface SummaryValueInputs {
  spec: FunnelSpec;
  rows: TableRows;
  layout: SummaryLayout;
  /** Every metric of the summary (the plan's table). */
  metrics: readonly SummaryMetric[];
  /** The period the sheet holds: its preset and custom dates. */
  period: PeriodChoice;
}

/** Rows grouped by the report's channel rule, so one period report per listed channel costs only that channel's rows. */
function rowsByChannel(rows: TableRows, column: number): Map<string, TableRows> {
  // Each distinct cell is labelled once; a row of a stored grid costs an index, not an array.
  const { ids, values } = labelColumn(asGrid(rows), column);
  const keyOf = values.map((v) => channelKey(channelLabel(v)));
  const absent = channelKey(channelLabel(undefined));
  const picked = new Map<string, number[]>();
  for (let r = 0; r < ids.length; r++) {
    const key = ids[r] < 0 ? absent : keyOf[ids[r]];
    let group = picked.get(key);
    if (group === undefined) {
      group = [];
      picked.set(key, group);
    }
    group.push(r);
  }
  return new Map([...picked].map(([key, group]) => [key, rowSubset(rows, Int32Array.from(group))]));
}

export function summaryValues(inputs: SummaryValueInputs): Map<string, CachedValue> {
  const { spec, rows, layout, metrics } = inputs;
  const values = new Map<string, CachedValue>();
  const put = (cell: CellRef, value: CachedValue) => values.set(cellKey(cell.row, cell.column), value);
  const at = (row: number, column: number, value: CachedValue) => values.set(cellKey(row, column), value);
  const report: FunnelReport = computeFunnelReport(spec, rows, { period: inputs.period });
  const p = layout.period;
  const span = report.span;
  put(p.latest, span?.latest ?? NOT_AVAILABLE);
  put(p.earliest, span?.earliest ?? NOT_AVAILABLE);
  const headline = report.headline;
  put(p.valid, headline !== null);
  put(p.message, headline === null ? (report.headlineReason ?? PERIOD_PROBLEMS.noDates) : "");
  put(p.partial, headline?.partial ?? "");
  for (const cell of [p.start, p.end, p.previousStart, p.previousEnd]) put(cell, NOT_AVAILABLE);
  if (headline !== null) {
    put(p.start, isoSerial(headline.start));
    put(p.end, isoSerial(headline.end));
    put(p.previousStart, isoSerial(headline.previousStart));
    put(p.previousEnd, isoSerial(headline.previousEnd));
  }

  // Headline and funnel.
  const h = layout.headline;
  put(h.previousHasData, headline?.previousHasData ?? false);
  put({ row: h.previousHasData.row, column: h.changeColumn }, headline !== null && !headline.previousHasData ? "The previous period has no data, so no change is shown" : "");
  put(h.partialNote, headline?.partial ?? "");
  const current: Record<string, KpiValue> = {};
  for (const kpi of headline?.kpis ?? []) {
    const row = h.rows[kpi.key];
    if (row === undefined) continue;
    current[kpi.key] = kpi.current;
    at(row, h.currentColumn, shown(kpi.current));
    at(row, h.previousColumn, shown(kpi.previous));
    at(row, h.changeColumn, shown(kpi.change));
  }
  if (headline === null) {
    for (const row of Object.values(h.rows)) for (const column of [h.currentColumn, h.previousColumn, h.changeColumn]) at(row, column, NOT_AVAILABLE);
  }
  const stageKeys = spec.stages.map((s) => s.key);
  const fn = layout.funnel;
  const count = (i: number): number | null => current[`count_${stageKeys[i]}`]?.value ?? null;
  fn.stageRows.forEach((row, i) => {
    const n = count(i);
    at(row, fn.countColumn, n ?? NOT_AVAILABLE);
    const rate = (part: number | null, whole: number | null): CachedValue =>
      part === null || whole === null ? NOT_AVAILABLE : shown(measure(() => conversionRate(part, whole)));
    at(row, fn.overallColumn, rate(n, count(0)));
    if (i > 0) {
      const before = count(i - 1);
      at(row, fn.stepColumn, rate(n, before));
      at(row, fn.dropOffColumn, n !== null && before !== null ? before - n : NOT_AVAILABLE);
    }
  });

  // Unit economics: a new summary's inputs are blank, so its results read n/a.
  const u = layout.unitEconomics;
  put(u.ltv, NOT_AVAILABLE);
  if (u.ltvCac) {
    put(u.ltvCac.value, NOT_AVAILABLE);
    put(u.ltvCac.status, "");
  }
  if (u.payback) {
    put(u.payback.value, NOT_AVAILABLE);
    put(u.payback.status, "");
  }

  // Goals: a new summary has only spare rows, whose formulas all show blanks.
  const g = layout.goals;
  if (g.count === 0) {
    const computed = Object.entries(g.columns).filter(([name]) => !["KPI", "Basis", "Baseline", "Target", "Start", "End", "Curve", "Direction"].includes(name));
    for (let r = g.firstRow; r < g.firstRow + g.rows; r++) for (const [, column] of computed) at(r, column, "");
  }

  // Channels for the period: one report per listed channel over its own rows, the same dates.
  const ch = layout.channels;
  if (ch !== null && headline !== null && spec.channelColumn !== null && spec.channelColumn !== undefined) {
    const explicit = { start: headline.start, end: headline.end };
    const groups = rowsByChannel(rows, spec.channelColumn);
    const whole = totalsOfMetricValues(current, metrics);
    const listed: SliceTotals[] = [];
    const columnMetrics = [...metrics, shareOfSpendMetric()].filter((m) => ch.columns[m.key] !== undefined);
    ch.names.forEach((name, i) => {
      const subset = groups.get(channelKey(name)) ?? [];
      const sub = computeFunnelReport(spec, subset, { period: explicit });
      const subValues: Record<string, KpiValue> = {};
      for (const kpi of sub.headline?.kpis ?? []) subValues[kpi.key] = kpi.current;
      const totals = totalsOfMetricValues(subValues, metrics);
      listed.push(totals);
      for (const m of columnMetrics) at(ch.rows[i], ch.columns[m.key], shown(m.compute(totals, whole)));
    });
    if (ch.otherRow !== null) {
      const other: SliceTotals = {
        spend: whole.spend - listed.reduce((a, t) => a + t.spend, 0),
        revenue: whole.revenue - listed.reduce((a, t) => a + t.revenue, 0),
        counts: Object.fromEntries(Object.keys(whole.counts).map((k) => [k, whole.counts[k] - listed.reduce((a, t) => a + (t.counts[k] ?? 0), 0)])),
        grossMargin: null,
      };
      for (const m of columnMetrics) at(ch.otherRow, ch.columns[m.key], shown(m.compute(other, whole)));
    }
  }

  // Months over all dates, with cohort conversion and partial months for record-level data.
  const mo = layout.months;
  const byMonth = new Map(report.months.map((m) => [m.month, m]));
  mo.months.forEach((label, i) => {
    const month = byMonth.get(label);
    if (month === undefined) return;
    const row = mo.rows[i];
    for (const m of metrics) if (mo.columns[m.key] !== undefined) at(row, mo.columns[m.key], shown(month.metrics[m.key]));
    if (mo.columns[COHORT_COLUMN] !== undefined && month.cohortConversion !== null) at(row, mo.columns[COHORT_COLUMN], shown(month.cohortConversion));
    at(row, mo.columns[NOTE_COLUMN], month.partial ? PARTIAL_MONTH : "");
    const [y, mm] = label.split("-").map(Number);
    at(row, mo.columns[LABEL_COLUMN], `${MONTH_NAMES[mm - 1]} ${y}${month.partial ? " (partial)" : ""}`);
  });

  // Cohorts and the data-quality line.
  const co = layout.cohorts;
  if (co !== null && report.cohorts !== null) {
    const byEntry = new Map(report.cohorts.months.map((m) => [m.month, m]));
    co.months.forEach((label, i) => {
      const month = byEntry.get(label);
      if (month === undefined) return;
      at(co.rows[i], co.enteredColumn, month.entered);
      report.cohorts?.windows.forEach((w, k) => at(co.rows[i], co.windowColumns[w], shown(month.shares[k])));
    });
  }
  if (layout.quality !== null && report.cohorts !== null) put(layout.quality, report.cohorts.backwardsRecords);

  // The scorecard's trend: the period and the windows of its length before it; one starting before the data is a gap.
  const tr = layout.trend;
  const trendMetrics = metrics.filter((m) => tr.columns[m.key] !== undefined);
  if (headline === null || span === null) {
    for (const row of tr.rows) {
      for (const column of [tr.keyColumn, tr.windowEndColumn, ...trendMetrics.map((m) => tr.columns[m.key])]) at(row, column, NOT_AVAILABLE);
    }
  } else {
    const start = isoSerial(headline.start);
    const length = isoSerial(headline.end) - start + 1;
    const starts = tr.rows.map((_, i) => start - (TREND_WINDOWS - 1 - i) * length);
    const inData = starts.map((s, i) => i === tr.rows.length - 1 || s >= span.earliest);
    const computed = windowKpis(spec, rows, starts.filter((_, i) => inData[i]).map((s) => ({ start: s, end: s + length })));
    let next = 0;
    tr.rows.forEach((row, i) => {
      at(row, tr.keyColumn, starts[i]);
      at(row, tr.windowEndColumn, starts[i] + length - 1);
      const kpis = inData[i] ? computed[next++] : null;
      for (const m of trendMetrics) at(row, tr.columns[m.key], kpis === null ? NOT_AVAILABLE : shown(kpis[m.key] ?? { value: null, reason: "not computed" }));
    });
  }
  return values;
}
