// The funnel over several sources, joined by channel and period only: each source tallied per raw value in one pass, each value aligned by the channel table, buckets added per channel.
import { asGrid, rowSubset, type TableRows } from "../cell-grid";
import type { CellValue } from "../cells";
import { channelResolver, type ChannelMatch } from "../channels/channel-resolver";
import { channelKey, valueKey, type NumberedChannelRow } from "../channels/channel-table";
import { channelLabel, NO_CHANNEL } from "../funnel/channel-label";
import { partialMonth } from "../funnel/cohort-report";
import { dataSpan } from "../funnel/data-dates";
import { monthLabel } from "../funnel/day-number";
import type { FunnelReportOptions, FunnelSpec } from "../funnel/funnel-spec";
import { type SliceKpis, sliceContext, sliceKpis, spendShare } from "../funnel/segment-kpis";
import { FIRST_STAGE, type PeriodBounds, REVENUE, SPEND, type Tallies, tally } from "../funnel/tallies";
import { type ChannelRow, type FunnelStepRow, funnelRows, type HeadlinePeriod, headlineOf, headlinePeriodOf, type MonthRow } from "../funnel-report";
import { isoDateToSerial } from "../dates";
import type { DataSpan } from "../definitions/periods";
import { fail } from "../kpi-error";
import type { SourceSpec, SourcesSpec } from "./sources-spec";

export type { SourceSpec, SourcesSpec, SourceStageSpec } from "./sources-spec";

export interface SourceInput {
  spec: SourceSpec;
  /** Data rows below the header (a skipped row is empty), as row arrays or a column store. */
  rows: TableRows;
}

/** A funnel total of one slice: spend, revenue and a count per funnel stage (0 where no source supplies it). */
export interface SliceAmounts {
  spend: number;
  revenue: number;
  stageCounts: number[];
}

/** One distinct value of one source's channel column, with the channel the table gave it and what it holds. */
export interface SourceValue {
  source: string;
  /** As the data spells it (trimmed); "(no channel)" for blank cells or a source without a channel column. */
  value: string;
  channel: string;
  by: ChannelMatch;
  /** The channel table row that placed it; null when unmatched. */
  tableRow: number | null;
  /** Data rows holding it. */
  rows: number;
  all: SliceAmounts;
  /** In the headline period; null without one. */
  period: SliceAmounts | null;
}

export interface SourcesChannelRow extends ChannelRow {
  /** The sources with data in this channel, in source order. */
  sources: string[];
}

export interface SourceSummary {
  name: string;
  shape: SourceSpec["shape"];
  /** What it adds to the funnel: "spend", "revenue" and the keys of the stages it supplies. */
  supplies: string[];
  notes: Tallies["notes"];
}

export interface SourcesReport {
  stages: Array<{ key: string; name: string }>;
  /** The first and last day with a date in any source: what period presets are anchored to. */
  span: DataSpan | null;
  sources: SourceSummary[];
  /** The sources each figure is added up from, by "spend", "revenue" and stage key: what the summary cites. */
  suppliers: Record<string, string[]>;
  totals: SliceKpis;
  funnel: FunnelStepRow[];
  /** Over all rows, biggest spend first. */
  channels: SourcesChannelRow[];
  months: MonthRow[];
  headline: HeadlinePeriod | null;
  headlineReason: string | null;
  /** The channel table in the headline period: spend and customers both dated in it. Null without a period. */
  periodChannels: SourcesChannelRow[] | null;
  periodTotals: SliceKpis | null;
  /** Every value of every source, in source order then by first appearance. */
  values: SourceValue[];
  /** The values no table row covers: each stays its own channel, listed so nothing is dropped silently. */
  unmatched: SourceValue[];
  notes: Tallies["notes"];
}

interface ChannelBuckets {
  name: string;
  total: Float64Array;
  current: Float64Array;
  previous: Float64Array;
  months: Map<number, Float64Array>;
  sources: Set<string>;
}

const NO_PERIOD: PeriodBounds = { start: Number.NaN, end: Number.NaN, previousStart: Number.NaN, previousEnd: Number.NaN };

/** The first and last day with a date in any of the sources, each by its own date columns. */
export function sourcesSpan(spec: SourcesSpec, inputs: readonly SourceInput[]): DataSpan | null {
  let span: DataSpan | null = null;
  for (const { spec: source, rows } of inputs) {
    const own = dataSpan(subSpec(source, spec), rows);
    if (own === null) continue;
    span = span === null ? own : { earliest: Math.min(span.earliest, own.earliest), latest: Math.max(span.latest, own.latest) };
  }
  return span;
}

/**
 * `table` is a channel table checkChannelTable accepted. Sources are never joined row by row: each is
 * tallied by its own rules (a record-level stage on its own date, revenue on its last supplied stage's
 * date, spend on the record's date), per raw value, and the buckets of the values aligned to one channel
 * are added. So CAC per channel in a period = spend aligned to the channel in the period ÷ that channel's
 * customers dated in the period by their customer-stage date, whichever sources hold the two.
 */
export function computeSourcesReport(
  spec: SourcesSpec,
  inputs: readonly SourceInput[],
  table: readonly NumberedChannelRow[],
  options: FunnelReportOptions = {},
): SourcesReport {
  checkSourcesSpec(spec, inputs);
  const span = sourcesSpan(spec, inputs);
  const period = headlinePeriodOf(options.period, span);
  const bounds = typeof period === "string" ? NO_PERIOD : period;
  const stageIndex = new Map(spec.stages.map((s, i) => [s.key, i]));
  const width = FIRST_STAGE + spec.stages.length;
  const channels = new Map<string, ChannelBuckets>();
  const values: SourceValue[] = [];
  const sources: SourceSummary[] = [];
  const suppliers: Record<string, string[]> = { spend: [], revenue: [] };
  for (const s of spec.stages) suppliers[s.key] = [];
  const notes = emptyNotes();

  for (const { spec: source, rows } of inputs) {
    const sub = subSpec(source, spec);
    const slots = Int32Array.from(source.stages.map((s) => FIRST_STAGE + (stageIndex.get(s.key) as number)));
    const supplies = [...(source.spendColumn != null ? ["spend"] : []), ...(source.revenueColumn != null ? ["revenue"] : []), ...source.stages.map((s) => s.key)];
    for (const what of supplies) suppliers[what].push(source.name);
    const resolve = channelResolver(table, source.name);
    const sourceNotes = emptyNotes();
    for (const group of groupByValue(rows, source.channelColumn ?? null)) {
      const t = tally(sub, group.rows, bounds);
      addNotes(sourceNotes, t.notes);
      if (t.notes.rows === 0) continue;
      const resolved = resolve(group.label);
      const key = channelKey(resolved.channel);
      let buckets = channels.get(key);
      if (buckets === undefined) {
        buckets = { name: resolved.channel, total: new Float64Array(width), current: new Float64Array(width), previous: new Float64Array(width), months: new Map(), sources: new Set() };
        channels.set(key, buckets);
      }
      buckets.sources.add(source.name);
      addInto(buckets.total, t.total, slots);
      addInto(buckets.current, t.current, slots);
      addInto(buckets.previous, t.previous, slots);
      for (const [month, bucket] of t.months) {
        let into = buckets.months.get(month);
        if (into === undefined) buckets.months.set(month, (into = new Float64Array(width)));
        addInto(into, bucket, slots);
      }
      values.push({
        source: source.name,
        value: group.label,
        channel: resolved.channel,
        by: resolved.by,
        tableRow: resolved.row,
        rows: t.notes.rows,
        all: amounts(t.total, slots, spec.stages.length),
        period: typeof period === "string" ? null : amounts(t.current, slots, spec.stages.length),
      });
    }
    addNotes(notes, sourceNotes);
    sources.push({ name: source.name, shape: source.shape, supplies, notes: sourceNotes });
  }

  const ctx = sliceContext(spec.stages, inputs.some((i) => i.spec.spendColumn != null), inputs.some((i) => i.spec.revenueColumn != null), options.grossMargin ?? null);
  const sum = (pick: (b: ChannelBuckets) => Float64Array): Float64Array => {
    const into = new Float64Array(width);
    for (const b of channels.values()) {
      const from = pick(b);
      for (let i = 0; i < width; i++) into[i] += from[i];
    }
    return into;
  };
  const total = sum((b) => b.total);
  const current = sum((b) => b.current);
  const previous = sum((b) => b.previous);
  const channelRows = (pick: (b: ChannelBuckets) => Float64Array, whole: Float64Array): SourcesChannelRow[] =>
    [...channels.values()]
      .map((b) => ({ channel: b.name, ...sliceKpis(pick(b), ctx), shareOfSpend: spendShare(pick(b), whole, ctx), sources: sourceOrder(b.sources, inputs) }))
      .sort((a, b) => (b.spend ?? 0) - (a.spend ?? 0) || b.stageCounts[0] - a.stageCounts[0] || a.channel.localeCompare(b.channel));

  const monthTotals = new Map<number, Float64Array>();
  for (const b of channels.values()) {
    for (const [month, bucket] of b.months) {
      let into = monthTotals.get(month);
      if (into === undefined) monthTotals.set(month, (into = new Float64Array(width)));
      for (let i = 0; i < width; i++) into[i] += bucket[i];
    }
  }
  // Cohort conversion follows one record from entry to conversion, which sources joined by channel do not have.
  const months: MonthRow[] = [...monthTotals.keys()].sort((a, b) => a - b).map((m) => {
    const month = monthLabel(m);
    const [year, mm] = month.split("-").map(Number);
    return { month, ...sliceKpis(monthTotals.get(m) as Float64Array, ctx), partial: partialMonth(isoDateToSerial(year, mm, 1), span), cohortConversion: null };
  });

  let headline: HeadlinePeriod | null = null;
  if (typeof period !== "string") {
    headline = headlineOf(period, current, previous, ctx);
  }
  return {
    stages: spec.stages.map((s) => ({ key: s.key, name: s.name })),
    span,
    sources,
    suppliers,
    totals: sliceKpis(total, ctx),
    funnel: funnelRows(spec, total),
    channels: channelRows((b) => b.total, total),
    months,
    headline,
    headlineReason: typeof period === "string" ? period : null,
    periodChannels: headline === null ? null : channelRows((b) => b.current, current),
    periodTotals: headline === null ? null : sliceKpis(current, ctx),
    values,
    unmatched: values.filter((v) => v.by === "unmatched"),
    notes,
  };
}

/** The source as a one-sheet funnel of the stages it supplies; its channel column is grouped here, not in the tally. */
function subSpec(source: SourceSpec, spec: SourcesSpec): FunnelSpec {
  const names = new Map(spec.stages.map((s) => [s.key, s.name]));
  return {
    shape: source.shape,
    stages: source.stages.map((s) => ({ key: s.key, name: names.get(s.key) ?? s.key, column: s.column, status: s.status ?? null })),
    dateColumn: source.dateColumn ?? null,
    channelColumn: null,
    spendColumn: source.spendColumn ?? null,
    revenueColumn: source.revenueColumn ?? null,
  };
}

interface ValueGroup {
  label: string;
  /** The group's rows, in order: row arrays picked as they are, a column store's rows by index. */
  rows: TableRows;
}

/** Rows split by their channel value (trimmed, case ignored), in order of first appearance; one pass, the label read once per distinct cell. */
function groupByValue(rows: TableRows, column: number | null): ValueGroup[] {
  const groups = new Map<string, { label: string; picked: number[] }>();
  const byCell = new Map<CellValue, { label: string; picked: number[] }>();
  const groupOf = (cell: CellValue): { label: string; picked: number[] } => {
    const known = byCell.get(cell);
    if (known !== undefined) return known;
    const label = column === null ? NO_CHANNEL : channelLabel(cell);
    const key = valueKey(label);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { label, picked: [] }));
    if (!(cell instanceof Date) && byCell.size < 100_000) byCell.set(cell, group);
    return group;
  };
  const grid = asGrid(rows);
  for (let r = 0; r < grid.rowCount; r++) {
    if (grid.rowWidth(r) === 0) continue;
    groupOf(column === null ? null : grid.cell(r, column)).picked.push(r);
  }
  const arrays = Array.isArray(rows) ? (rows as readonly (readonly CellValue[])[]) : null;
  return [...groups.values()].map(({ label, picked }) => ({
    label,
    rows: arrays !== null ? picked.map((r) => arrays[r]) : rowSubset(rows, Int32Array.from(picked)),
  }));
}

/** Adds a source's bucket (spend, revenue, its own stages) into a funnel-wide one. */
function addInto(into: Float64Array, from: Float64Array, slots: Int32Array): void {
  into[SPEND] += from[SPEND];
  into[REVENUE] += from[REVENUE];
  for (let i = 0; i < slots.length; i++) into[slots[i]] += from[FIRST_STAGE + i];
}

function amounts(bucket: Float64Array, slots: Int32Array, stageCount: number): SliceAmounts {
  const stageCounts = new Array<number>(stageCount).fill(0);
  for (let i = 0; i < slots.length; i++) stageCounts[slots[i] - FIRST_STAGE] = bucket[FIRST_STAGE + i];
  return { spend: bucket[SPEND], revenue: bucket[REVENUE], stageCounts };
}

function sourceOrder(names: ReadonlySet<string>, inputs: readonly SourceInput[]): string[] {
  return inputs.map((i) => i.spec.name).filter((n) => names.has(n));
}

function emptyNotes(): Tallies["notes"] {
  return { rows: 0, unreadableCells: 0, rowsWithoutDate: 0, negativeDurations: 0, revenueWithoutLastStage: 0, datesWithoutStatus: 0 };
}

function addNotes(into: Tallies["notes"], from: Tallies["notes"]): void {
  for (const key of Object.keys(into) as (keyof Tallies["notes"])[]) into[key] += from[key];
}

function checkSourcesSpec(spec: SourcesSpec, inputs: readonly SourceInput[]): void {
  if (spec.stages.length < 2) fail("SOURCES_REPORT", `a funnel needs at least two stages, got ${spec.stages.length}`);
  const keys = new Set(spec.stages.map((s) => s.key));
  for (const { spec: source } of inputs) {
    for (const s of source.stages) {
      if (!keys.has(s.key)) fail("SOURCES_REPORT", `source ${source.name} supplies stage ${s.key}, which is not in the funnel`);
      if (s.status && source.shape !== "record-level") fail("SOURCES_REPORT", `source ${source.name}: stage ${s.key} has a status, which only record-level data can have`);
      if (s.status && s.status.values.length === 0) fail("SOURCES_REPORT", `source ${source.name}: stage ${s.key}'s status lists no values, so no record could reach it`);
    }
    const columns = [...source.stages.map((s) => (s.status && s.column === -1 ? null : s.column)), ...source.stages.map((s) => s.status?.column), source.dateColumn, source.channelColumn, source.spendColumn, source.revenueColumn];
    for (const column of columns) {
      if (column === null || column === undefined) continue;
      if (!Number.isInteger(column) || column < 0) fail("SOURCES_REPORT", `source ${source.name}: column ${column} is not a column position (0 or more)`);
    }
  }
}
