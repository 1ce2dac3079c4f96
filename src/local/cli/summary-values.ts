// The CLI's own numbers for the KPI Summary's formula cells, from src/kpi, keyed by cell: the cached results --out writes.
import { type TableRows, asGrid, rowSubset } from "../../kpi/cell-grid";
import { share } from "../../kpi/definitions/growth";
import { columnReadings, labelColumn } from "../../kpi/funnel/column-readings";
import { conversionRate } from "../../kpi/definitions/conversion";
import { type FunnelReport, type KpiValue, computeFunnelReport } from "../../kpi/funnel-report";
import type { FunnelSpec } from "../../kpi/funnel/funnel-spec";
import { type KpiValue as Kpi, measure, undefinedBecause } from "../../kpi/funnel/kpi-value";
import { readDateSerial } from "../../kpi/funnel/cell-readers";
import { isoDateToSerial } from "../../kpi/dates";
import type { SummaryLayout } from "../../server/summary/summary-layout";
import type { SliceKpis } from "../../kpi/funnel/segment-kpis";

/** What a formula cell shows: a number, or the sheet's "n/a" for a KPI that is undefined. */
export type CachedValue = number | string;

export const NOT_AVAILABLE = "n/a";

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

const shown = (kpi: KpiValue): CachedValue => kpi.value ?? NOT_AVAILABLE;
const amount = (value: number | null): CachedValue => value ?? NOT_AVAILABLE;

function isoSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return isoDateToSerial(y, m, d);
}

/** One segment row of the channel or month table, by the layout's column keys. */
function segmentValues(slice: SliceKpis, columns: Record<string, number>, share: KpiValue | null): Array<[number, CachedValue]> {
  const cells: Array<[number, CachedValue]> = [[columns.spend, amount(slice.spend)]];
  if (share !== null && columns.share !== undefined) cells.push([columns.share, shown(share)]);
  slice.stageCounts.forEach((count, i) => cells.push([columns[`count_${i}`], count]));
  cells.push([columns.conversion, shown(slice.conversion)], [columns.cac, shown(slice.cac)], [columns.revenue, amount(slice.revenue)], [columns.roas, shown(slice.roas)]);
  return cells.filter(([column]) => column !== undefined);
}

/**
 * Aggregated rows whose date falls in the period: each row is one period's counts, so the report over
 * them is the period's per-channel table. Record-level rows count each stage on its own date, which
 * no row filter can reproduce: their channel table comes from one report per channel instead.
 */
function periodRows(spec: FunnelSpec, rows: TableRows, start: number, end: number): TableRows | null {
  if (spec.shape !== "aggregated" || spec.dateColumn === null || spec.dateColumn === undefined) return null;
  const serials = columnReadings(asGrid(rows), spec.dateColumn, readDateSerial);
  const picked: number[] = [];
  for (let r = 0; r < serials.length; r++) if (serials[r] >= start && serials[r] < end + 1) picked.push(r);
  return rowSubset(rows, Int32Array.from(picked));
}

/** Each channel's rows (by the report's rule: trimmed, case ignored, blank as "(no channel)"), keyed by the folded label. */
function rowsByChannel(rows: TableRows, column: number): Map<string, TableRows> {
  const { ids, values } = labelColumn(asGrid(rows), column);
  const keyOf = values.map((v) => (v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? "(no channel)" : String(v).trim()).toLowerCase());
  const picked = new Map<string, number[]>();
  for (let r = 0; r < ids.length; r++) {
    const key = ids[r] < 0 ? "(no channel)" : keyOf[ids[r]];
    let list = picked.get(key);
    if (list === undefined) picked.set(key, (list = []));
    list.push(r);
  }
  return new Map([...picked].map(([key, list]) => [key, rowSubset(rows, Int32Array.from(list))]));
}

/** A record-level channel's row of the period: its own report's headline, as the channel table's columns read it. */
function periodSlice(spec: FunnelSpec, rows: TableRows, period: { start: string; end: string }, totalSpend: number | null): { slice: SliceKpis; share: Kpi } {
  const kpis = new Map((computeFunnelReport(spec, rows, { period }).headline?.kpis ?? []).map((k) => [k.key, k.current]));
  const value = (key: string): Kpi => kpis.get(key) ?? undefinedBecause(`${key} is not measured`);
  const spend = value("spend").value;
  return {
    slice: {
      spend,
      revenue: value("revenue").value,
      stageCounts: spec.stages.map((s) => value(`count_${s.key}`).value ?? 0),
      conversion: value("overall_conversion"),
      cac: value("cac"),
      roas: value("roas"),
    },
    share: spend === null || totalSpend === null ? undefinedBecause("SHARE_OF_SPEND: no spend column is mapped") : measure(() => share(spend, totalSpend, "SHARE_OF_SPEND")),
  };
}

export interface SummaryValueInputs {
  spec: FunnelSpec;
  rows: TableRows;
  layout: SummaryLayout;
  /** The period written into the sheet's custom start and end, "YYYY-MM-DD". */
  period: { start: string; end: string };
  /** Where the period's start, end, previous start and previous end cells are, as [row, column]. */
  periodCells: { start: [number, number]; end: [number, number]; previousStart: [number, number]; previousEnd: [number, number] };
}

export function summaryValues(inputs: SummaryValueInputs): Map<string, CachedValue> {
  const { spec, rows, layout, period } = inputs;
  const values = new Map<string, CachedValue>();
  const put = (row: number, column: number, value: CachedValue) => values.set(cellKey(row, column), value);
  const report: FunnelReport = computeFunnelReport(spec, rows, { period });
  const headline = report.headline;
  if (headline === null) return values;

  const start = isoSerial(headline.start);
  const end = isoSerial(headline.end);
  const cells = inputs.periodCells;
  put(...cells.start, start);
  put(...cells.end, end);
  put(...cells.previousStart, isoSerial(headline.previousStart));
  put(...cells.previousEnd, isoSerial(headline.previousEnd));

  const currentCounts: number[] = [];
  for (const kpi of headline.kpis) {
    const row = layout.headlineRows[kpi.key];
    if (row === undefined) continue;
    put(row, layout.headlineCurrentColumn, shown(kpi.current));
    put(row, layout.headlinePreviousColumn, shown(kpi.previous));
    put(row, layout.headlinePreviousColumn + 1, shown(kpi.change));
    if (kpi.key.startsWith("count_") && kpi.current.value !== null) currentCounts.push(kpi.current.value);
  }

  layout.funnelRows.forEach((row, i) => {
    const count = currentCounts[i];
    if (count === undefined) return;
    put(row, 2, count);
    put(row, 4, shown(measure(() => conversionRate(count, currentCounts[0]))));
    if (i > 0) {
      put(row, 3, shown(measure(() => conversionRate(count, currentCounts[i - 1]))));
      put(row, 5, currentCounts[i - 1] - count);
    }
  });

  const inPeriod = layout.channels === null ? null : periodRows(spec, rows, start, end);
  if (layout.channels !== null && inPeriod === null && spec.channelColumn !== null && spec.channelColumn !== undefined) {
    const groups = rowsByChannel(rows, spec.channelColumn);
    const totalSpend = headline.kpis.find((k) => k.key === "spend")?.current.value ?? null;
    const { rows: channelRows, names, columns } = layout.channels;
    names.forEach((name, i) => {
      const subset = groups.get(name.toLowerCase());
      if (subset === undefined) return;
      const { slice, share: spendShare } = periodSlice(spec, subset, period, totalSpend);
      for (const [column, value] of segmentValues(slice, columns, spendShare)) put(channelRows[i], column, value);
    });
  }
  if (layout.channels !== null && inPeriod !== null) {
    const periodReport = computeFunnelReport(spec, inPeriod);
    const byName = new Map((periodReport.channels ?? []).map((c) => [c.channel, c]));
    const { rows: channelRows, names, columns } = layout.channels;
    names.forEach((name, i) => {
      const channel = byName.get(name);
      // A channel with no rows in the period is all zeros and n/a, which its own report row would not exist for.
      if (channel === undefined) return;
      for (const [column, value] of segmentValues(channel, columns, channel.shareOfSpend)) put(channelRows[i], column, value);
    });
  }

  const monthByLabel = new Map(report.months.map((m) => [m.month, m]));
  layout.months.months.forEach((label, i) => {
    const month = monthByLabel.get(label);
    if (month === undefined) return;
    for (const [column, value] of segmentValues(month, layout.months.columns, null)) put(layout.months.rows[i], column, value);
  });
  return values;
}
