// The funnel report: stage totals, step conversions, per channel, per month, headline period vs previous, time to convert, cohorts.
import type { TableRows } from "./cell-grid";
import { isoDateToSerial } from "./dates";
import { conversionRate } from "./definitions/conversion";
import { type DataSpan, type PeriodPreset, resolvePeriod } from "./definitions/periods";
import { fail } from "./kpi-error";
import { readDateSerial } from "./funnel/cell-readers";
import { type CohortReport, cohortReport, monthCohortConversion, partialMonth } from "./funnel/cohort-report";
import { dataSpan } from "./funnel/data-dates";
import { dayLabel, monthLabel } from "./funnel/day-number";
import { type DurationStats, durationStats } from "./funnel/duration-stats";
import type { DateInput, FunnelReportOptions, FunnelSpec, PeriodChoice } from "./funnel/funnel-spec";
import { type HeadlineKpi, headlineKpis, previousHoldsData } from "./funnel/headline";
import { type KpiValue, defined, measure } from "./funnel/kpi-value";
import { type SliceContext, type SliceKpis, sliceContext, sliceKpis, spendShare } from "./funnel/segment-kpis";
import { FIRST_STAGE, type PeriodBounds, type Tallies, tally } from "./funnel/tallies";
import type { MetricPlace, MetricUnit } from "./summary-metrics/metric-types";

export type { FunnelReportOptions, FunnelSpec, PeriodChoice } from "./funnel/funnel-spec";
export type { CohortReport } from "./funnel/cohort-report";
export type { KpiValue } from "./funnel/kpi-value";
export type { HeadlineKpi } from "./funnel/headline";
export type { DurationStats } from "./funnel/duration-stats";

export interface FunnelStepRow {
  key: string;
  name: string;
  count: number;
  /** This stage ÷ the stage before; the first stage has none. */
  stepConversion: KpiValue | null;
  /** This stage ÷ the first stage. */
  overallConversion: KpiValue;
  /** Stage before − this stage; null for the first stage. */
  dropOff: number | null;
  /** 1 − step conversion. */
  dropOffRate: KpiValue | null;
}

export interface ChannelRow extends SliceKpis {
  channel: string;
  shareOfSpend: KpiValue;
}

export interface MonthRow extends SliceKpis {
  /** "YYYY-MM". */
  month: string;
  /** The data starts after the month's first day or ends before its last. */
  partial: boolean;
  /** Record-level only: the month's entrants converted within 90 days (never above 100%); null for aggregated data. */
  cohortConversion: KpiValue | null;
}

export interface HeadlinePeriod {
  /** The preset it was chosen by; explicit dates are "Custom". */
  preset: PeriodPreset;
  /** "YYYY-MM-DD", both inclusive. */
  start: string;
  end: string;
  previousStart: string;
  previousEnd: string;
  days: number;
  /** Why the period is still in progress or runs past the data; null when complete. */
  partial: string | null;
  /** False when nothing at all was counted or summed in the previous period: changes then say so. */
  previousHasData: boolean;
  kpis: HeadlineKpi[];
}

/** A metric of the table as the report lists it (its formula and computation stay in the table). */
export interface ReportMetric {
  key: string;
  label: string;
  unit: MetricUnit;
  better: "up" | "down";
  places: readonly MetricPlace[];
}

export interface FunnelReport {
  stages: Array<{ key: string; name: string }>;
  /** The summary metrics this funnel has, in the table's order; every slice's `metrics` holds a value for each. */
  metrics: ReportMetric[];
  totals: SliceKpis;
  funnel: FunnelStepRow[];
  /** Over all rows, biggest spend first; null when no channel column is mapped. */
  channels: ChannelRow[] | null;
  /** Oldest first. */
  months: MonthRow[];
  /** Null without a requested period; `headlineReason` then says why. */
  headline: HeadlinePeriod | null;
  headlineReason: string | null;
  /** Record-level only: first stage → last stage, over all rows and for conversions inside the headline period. */
  timeToConvert: { all: DurationStats; period: DurationStats | null } | null;
  /** Record-level only: entry months × share converted within 30, 60 and 90 days, and backwards stage dates. */
  cohorts: CohortReport | null;
  /** The first and last day with a date in the data: what presets are anchored to. */
  span: DataSpan | null;
  notes: Tallies["notes"];
}

/**
 * Computes the whole report in one pass over `rows` (data only, no header).
 * Record-level: a stage counts in the month/period of its own date, revenue on the last stage's date,
 * spend on the record's date. Undefined KPIs come back as reasons, never as throws; only a spec that
 * cannot describe a funnel (fewer than two stages) throws, since validation should have stopped it.
 */
export function computeFunnelReport(
  spec: FunnelSpec,
  rows: TableRows,
  options: FunnelReportOptions = {},
): FunnelReport {
  checkSpec(spec);
  const span = dataSpan(spec, rows);
  const period = headlinePeriodOf(options.period, span);
  const bounds: PeriodBounds =
    typeof period === "string"
      ? { start: Number.NaN, end: Number.NaN, previousStart: Number.NaN, previousEnd: Number.NaN }
      : period;
  const t = tally(spec, rows, bounds);
  const ctx: SliceContext = sliceContext(
    spec.stages,
    spec.spendColumn !== null && spec.spendColumn !== undefined,
    spec.revenueColumn !== null && spec.revenueColumn !== undefined,
    options.grossMargin ?? null,
  );
  const totals = sliceKpis(t.total, ctx);
  const cohorts = cohortReport(spec, rows, span?.latest ?? null);

  const channels =
    spec.channelColumn === null || spec.channelColumn === undefined
      ? null
      : [...t.channels.entries()]
          .map(([channel, bucket]) => ({ channel, ...sliceKpis(bucket, ctx), shareOfSpend: spendShare(bucket, t.total, ctx) }))
          .sort((a, b) => (b.spend ?? 0) - (a.spend ?? 0) || b.stageCounts[0] - a.stageCounts[0] || a.channel.localeCompare(b.channel));

  const months = [...t.months.keys()]
    .sort((a, b) => a - b)
    .map((m) => {
      const month = monthLabel(m);
      const [year, mm] = month.split("-").map(Number);
      return {
        month,
        ...sliceKpis(t.months.get(m) as Float64Array, ctx),
        partial: partialMonth(isoDateToSerial(year, mm, 1), span),
        cohortConversion: monthCohortConversion(cohorts, month),
      };
    });

  let headline: HeadlinePeriod | null = null;
  let headlineReason: string | null = null;
  if (typeof period === "string") headlineReason = period;
  else if (spec.shape === "aggregated" && (spec.dateColumn === null || spec.dateColumn === undefined)) {
    headlineReason = "no date column is mapped, so rows cannot be placed in a period";
  } else {
    headline = headlineOf(period, t.current, t.previous, ctx);
  }

  const timeToConvert =
    spec.shape === "record-level"
      ? {
          all: durationStats(t.durations.all, t.durations.count, noConversions(spec)),
          period:
            headline === null ? null : durationStats(t.durations.inPeriod, t.durations.inPeriodCount, `${noConversions(spec)} in this period`),
        }
      : null;

  return {
    stages: spec.stages.map((s) => ({ key: s.key, name: s.name })),
    metrics: ctx.metrics.map((m) => ({ key: m.key, label: m.label, unit: m.unit, better: m.better, places: m.places })),
    totals,
    funnel: funnelRows(spec, t.total),
    channels,
    months,
    headline,
    headlineReason,
    timeToConvert,
    cohorts,
    span,
    notes: { ...t.notes },
  };
}

/** The funnel table over one bucket: counts, step and overall conversion, drop-off. */
export function funnelRows(spec: { stages: readonly { key: string; name: string }[] }, total: Float64Array): FunnelStepRow[] {
  const first = total[FIRST_STAGE];
  return spec.stages.map((stage, i) => {
    const count = total[FIRST_STAGE + i];
    const overallConversion = measure(() => conversionRate(count, first));
    if (i === 0) return { key: stage.key, name: stage.name, count, stepConversion: null, overallConversion, dropOff: null, dropOffRate: null };
    const before = total[FIRST_STAGE + i - 1];
    const stepConversion = measure(() => conversionRate(count, before));
    const dropOffRate: KpiValue = stepConversion.value === null ? stepConversion : defined(1 - stepConversion.value);
    return { key: stage.key, name: stage.name, count, stepConversion, overallConversion, dropOff: before - count, dropOffRate };
  });
}

function noConversions(spec: FunnelSpec): string {
  const first = spec.stages[0].name;
  const last = spec.stages[spec.stages.length - 1].name;
  return `no record has both a ${first} date and a ${last} date (on or after it)`;
}

export type ResolvedBounds = PeriodBounds & { preset: PeriodPreset; partial: string | null };

function dateOrNull(value: DateInput | null): number | null {
  return readDateSerial(value);
}

/**
 * Serial bounds (ends exclusive) of the period and the one before, or the reason there is no headline
 * period. Explicit dates are a Custom period; presets are anchored to the data's span.
 */
/** The headline over a resolved period, from the tallies of the period and the one before it. */
export function headlineOf(period: ResolvedBounds, current: Float64Array, previous: Float64Array, ctx: SliceContext): HeadlinePeriod {
  return {
    preset: period.preset,
    start: dayLabel(period.start),
    end: dayLabel(period.end - 1),
    previousStart: dayLabel(period.previousStart),
    previousEnd: dayLabel(period.previousEnd - 1),
    days: period.end - period.start,
    partial: period.partial,
    previousHasData: previousHoldsData(previous, ctx),
    kpis: headlineKpis(current, previous, ctx),
  };
}

export function headlinePeriodOf(choice: PeriodChoice | undefined, span: DataSpan | null): ResolvedBounds | string {
  if (choice === undefined) return "no headline period was requested";
  if ("preset" in choice) {
    const resolved = resolvePeriod(choice.preset, span, { start: dateOrNull(choice.customStart ?? null), end: dateOrNull(choice.customEnd ?? null) });
    if (!resolved.ok) return resolved.problem;
    const p = resolved.period;
    return { start: p.start, end: p.end + 1, previousStart: p.previousStart, previousEnd: p.previousEnd + 1, preset: p.preset, partial: p.partial };
  }
  const start = readDateSerial(choice.start);
  const end = readDateSerial(choice.end);
  if (start === null || Number.isNaN(start)) return "the period start is not a date";
  if (end === null || Number.isNaN(end)) return "the period end is not a date";
  const s = Math.floor(start);
  const e = Math.floor(end) + 1;
  if (e <= s) return `the period ends (${dayLabel(e - 1)}) before it starts (${dayLabel(s)})`;
  const partial = span !== null && e - 1 > span.latest ? `The period runs past the latest data (${dayLabel(span.latest)})` : null;
  return { start: s, end: e, previousStart: s - (e - s), previousEnd: s, preset: "Custom", partial };
}

function checkSpec(spec: FunnelSpec): void {
  if (spec.stages.length < 2) fail("FUNNEL_REPORT", `a funnel needs at least two stages, got ${spec.stages.length}`);
  for (const s of spec.stages) {
    if (!s.status) continue;
    if (spec.shape !== "record-level") fail("FUNNEL_REPORT", `stage ${s.name} has a status, which only record-level data can have`);
    if (s.status.values.length === 0) fail("FUNNEL_REPORT", `stage ${s.name}'s status lists no values, so no record could reach it`);
  }
  const columns = [
    ...spec.stages.map((s) => [`stage ${s.name}`, s.status && s.column === -1 ? null : s.column] as const),
    ...spec.stages.map((s) => [`stage ${s.name} status`, s.status?.column] as const),
    ["date", spec.dateColumn] as const,
    ["channel", spec.channelColumn] as const,
    ["spend", spec.spendColumn] as const,
    ["revenue", spec.revenueColumn] as const,
  ];
  for (const [field, column] of columns) {
    if (column === null || column === undefined) continue;
    if (!Number.isInteger(column) || column < 0) fail("FUNNEL_REPORT", `${field} column is ${column}, not a column position (0 or more)`);
  }
}
