// The single pass over the data rows: each mapped column read whole, then sums per total, channel, month and period in flat number arrays.
import { type CellGrid, type TableRows, asGrid } from "../cell-grid";
import type { CellValue } from "../cells";
import { readDateSerial, readNumber } from "./cell-readers";
import { BLANK_CELL, columnReadings, labelColumn } from "./column-readings";
import { channelLabel } from "./channel-label";
import { monthIndexOfSerial } from "./day-number";
import type { FunnelSpec } from "./funnel-spec";

/** Bucket layout: spend, revenue, then one count per stage. */
export const SPEND = 0;
export const REVENUE = 1;
export const FIRST_STAGE = 2;

export interface Tallies {
  width: number;
  total: Float64Array;
  /** Channel label as first seen (trimmed) → its bucket; labels differing only in case share one. */
  channels: Map<string, Float64Array>;
  months: Map<number, Float64Array>;
  current: Float64Array;
  previous: Float64Array;
  /** Record-level: days from first to last stage, for records that reached both (first `count` slots used). */
  durations: { all: Float64Array; count: number; inPeriod: Float64Array; inPeriodCount: number };
  notes: {
    rows: number;
    /** Filled cells that are not what their column should hold (words in a count column, text in a date column). */
    unreadableCells: number;
    /** Rows whose period date is blank or unreadable: in totals and channels, but in no month or period. */
    rowsWithoutDate: number;
    /** Record-level: last stage dated before the first; left out of time to convert. */
    negativeDurations: number;
    /** Record-level: revenue on a record that never reached the last stage; not counted as revenue. */
    revenueWithoutLastStage: number;
    /** Record-level: stage dates on records whose status does not reach that stage (a lost deal's close date); not counted. */
    datesWithoutStatus: number;
  };
}

/** Serial bounds, starts inclusive and ends exclusive; NaN when there is no headline period. */
export interface PeriodBounds {
  start: number;
  end: number;
  previousStart: number;
  /** The previous period need not end where this one starts (month to date compares with the same days of the month before). */
  previousEnd: number;
}

export function tally(spec: FunnelSpec, rows: TableRows, bounds: PeriodBounds): Tallies {
  const grid = asGrid(rows);
  const stageCount = spec.stages.length;
  const width = FIRST_STAGE + stageCount;
  const dateCol = spec.dateColumn ?? -1;
  const channelCol = spec.channelColumn ?? -1;
  const aggregated = spec.shape === "aggregated";

  const t: Tallies = {
    width,
    total: new Float64Array(width),
    channels: new Map(),
    months: new Map(),
    current: new Float64Array(width),
    previous: new Float64Array(width),
    durations: { all: new Float64Array(1024), count: 0, inPeriod: new Float64Array(256), inPeriodCount: 0 },
    notes: { rows: 0, unreadableCells: 0, rowsWithoutDate: 0, negativeDurations: 0, revenueWithoutLastStage: 0, datesWithoutStatus: 0 },
  };
  // Each mapped column read once, whole: blank cells are BLANK_CELL, unreadable ones NaN.
  const spendCells = columnReadings(grid, spec.spendColumn ?? -1, readNumber);
  const revenueCells = columnReadings(grid, spec.revenueColumn ?? -1, readNumber);
  const stageCells = spec.stages.map((s) => columnReadings(grid, s.column, aggregated ? readNumber : readDateSerial));
  const dateCells = columnReadings(grid, dateCol, readDateSerial);
  const channels = channelCol >= 0 ? labelColumn(grid, channelCol) : null;
  const statusHits = spec.stages.map((s) => (!aggregated && s.status ? statusHitsOf(grid, s.status.column, s.status.values) : null));

  // Channel label id → bucket, settled the first time a counted row holds it, so labels come in row order.
  const bucketOfId = channels === null ? [] : new Array<Float64Array | undefined>(channels.values.length);
  let absentChannel: Float64Array | null = null;
  const channelByFolded = new Map<string, Float64Array>();
  const bucketOfRaw = (raw: CellValue): Float64Array => {
    const label = channelLabel(raw);
    const folded = label.toLowerCase();
    let bucket = channelByFolded.get(folded);
    if (bucket === undefined) {
      bucket = new Float64Array(width);
      channelByFolded.set(folded, bucket);
      t.channels.set(label, bucket);
    }
    return bucket;
  };
  const channelBucket = (r: number): Float64Array | null => {
    if (channels === null) return null;
    const id = channels.ids[r];
    if (id < 0) return (absentChannel ??= bucketOfRaw(undefined));
    return (bucketOfId[id] ??= bucketOfRaw(channels.values[id]));
  };
  // Rows come in date order more often than not: the last date's bucket is kept, so most rows skip the calendar arithmetic.
  let lastSerial = Number.NaN;
  let lastMonthBucket: Float64Array | null = null;
  const monthBucket = (serial: number): Float64Array => {
    if (serial === lastSerial && lastMonthBucket !== null) return lastMonthBucket;
    const m = monthIndexOfSerial(serial);
    let bucket = t.months.get(m);
    if (bucket === undefined) {
      bucket = new Float64Array(width);
      t.months.set(m, bucket);
    }
    lastSerial = serial;
    lastMonthBucket = bucket;
    return bucket;
  };
  const periodBucket = (serial: number): Float64Array | null =>
    serial >= bounds.start && serial < bounds.end ? t.current : serial >= bounds.previousStart && serial < bounds.previousEnd ? t.previous : null;
  // Adds to every bucket a value belongs in; `serial` NaN means "no date": totals and channel only.
  const add = (slot: number, value: number, serial: number, channel: Float64Array | null): void => {
    t.total[slot] += value;
    if (channel !== null) channel[slot] += value;
    if (serial === serial) {
      monthBucket(serial)[slot] += value;
      const period = periodBucket(serial);
      if (period !== null) period[slot] += value;
    }
  };
  // A cell as read: NaN for blank (uncounted) and unreadable (counted) alike.
  const take = (cells: Float64Array, r: number): number => {
    const n = cells[r];
    if (n === BLANK_CELL) return Number.NaN;
    if (n !== n) t.notes.unreadableCells++;
    return n;
  };

  const stageSerials = new Float64Array(stageCount);
  const reachedStage = new Uint8Array(stageCount);
  const amounts = new Float64Array(width);
  const lastStage = stageCount - 1;
  for (let r = 0; r < grid.rowCount; r++) {
    if (grid.rowWidth(r) === 0) continue;
    amounts[SPEND] = take(spendCells, r);
    amounts[REVENUE] = take(revenueCells, r);

    if (aggregated) {
      let filled = amounts[SPEND] === amounts[SPEND] || amounts[REVENUE] === amounts[REVENUE];
      for (let i = 0; i < stageCount; i++) {
        const n = take(stageCells[i], r);
        amounts[FIRST_STAGE + i] = n;
        if (n === n) filled = true;
      }
      // Sheets hands over trailing blank rows; they are not data.
      if (!filled) continue;
      t.notes.rows++;
      const serial = dateCol >= 0 ? take(dateCells, r) : Number.NaN;
      if (dateCol >= 0 && serial !== serial) t.notes.rowsWithoutDate++;
      const channel = channelBucket(r);
      // One row, one date: its month and period buckets are found once for all its amounts.
      const month = serial === serial ? monthBucket(serial) : null;
      const period = serial === serial ? periodBucket(serial) : null;
      const total = t.total;
      for (let slot = 0; slot < width; slot++) {
        const n = amounts[slot];
        if (n !== n) continue;
        total[slot] += n;
        if (channel !== null) channel[slot] += n;
        if (month !== null) month[slot] += n;
        if (period !== null) period[slot] += n;
      }
      continue;
    }

    // Record-level: each stage counts once, in the month and period of its own date.
    let reached = false;
    let needsRecordDate = false;
    for (let i = 0; i < stageCount; i++) {
      const s = spec.stages[i].column >= 0 ? take(stageCells[i], r) : Number.NaN;
      const hits = statusHits[i];
      if (hits === null) {
        stageSerials[i] = s;
        reachedStage[i] = s === s ? 1 : 0;
      } else {
        // A status stage is reached by its status alone; its date column only dates it.
        const hit = hits[r] === 1;
        reachedStage[i] = hit ? 1 : 0;
        stageSerials[i] = hit ? s : Number.NaN;
        if (!hit && s === s) t.notes.datesWithoutStatus++;
        if (hit && spec.stages[i].column < 0) needsRecordDate = true;
      }
      if (reachedStage[i] === 1) reached = true;
    }
    if (!reached && amounts[SPEND] !== amounts[SPEND] && amounts[REVENUE] !== amounts[REVENUE]) continue;
    t.notes.rows++;
    const channel = channelBucket(r);
    const recordSerial = dateCol >= 0 ? take(dateCells, r) : stageSerials[0];
    if (needsRecordDate) {
      for (let i = 0; i < stageCount; i++) if (reachedStage[i] === 1 && spec.stages[i].column < 0) stageSerials[i] = recordSerial;
    }
    for (let i = 0; i < stageCount; i++) {
      if (reachedStage[i] === 1) add(FIRST_STAGE + i, 1, stageSerials[i], channel);
    }
    if (recordSerial !== recordSerial) t.notes.rowsWithoutDate++;
    const spend = amounts[SPEND];
    if (spend === spend) add(SPEND, spend, recordSerial, channel);
    const won = stageSerials[lastStage];
    const revenue = amounts[REVENUE];
    // Revenue is realised when the deal reaches the last stage; an open deal's value is not revenue yet.
    if (revenue === revenue) {
      if (reachedStage[lastStage] === 1) add(REVENUE, revenue, won, channel);
      else t.notes.revenueWithoutLastStage++;
    }
    const first = stageSerials[0];
    if (first === first && won === won) {
      const days = won - first;
      if (days < 0) {
        t.notes.negativeDurations++;
      } else {
        pushDuration(t.durations, "all", days);
        if (won >= bounds.start && won < bounds.end) pushDuration(t.durations, "inPeriod", days);
      }
    }
  }
  return t;
}

/** Per row, 1 when the status cell is one of `values` (matched as statusMatcher does), each distinct value matched once. */
function statusHitsOf(grid: CellGrid, column: number, values: readonly string[]): Uint8Array {
  const matcher = statusMatcher(values);
  const { ids, values: distinct } = labelColumn(grid, column);
  const hitOf = Uint8Array.from(distinct, (v) => (matcher(v) ? 1 : 0));
  const absent = matcher(undefined) ? 1 : 0;
  const hits = new Uint8Array(ids.length);
  for (let r = 0; r < ids.length; r++) hits[r] = ids[r] < 0 ? absent : hitOf[ids[r]];
  return hits;
}

/**
 * Whole-value, case-insensitive matching of a status cell against the stage's values, as the summary's
 * COUNTIFS with an escaped "=" criterion matches: no trimming, no patterns. TRUE/FALSE cells match "TRUE"/"FALSE".
 */
export function statusMatcher(values: readonly string[]): (cell: CellValue) => boolean {
  const wanted = new Set(values.map((v) => v.toLowerCase()));
  const known = new Map<CellValue, boolean>();
  return (cell) => {
    if (cell === null || cell === undefined || cell === "") return false;
    const seen = known.get(cell);
    if (seen !== undefined) return seen;
    const text = cell instanceof Date ? "" : typeof cell === "boolean" ? (cell ? "true" : "false") : String(cell).toLowerCase();
    const hit = text !== "" && wanted.has(text);
    if (known.size < 10_000 && !(cell instanceof Date)) known.set(cell, hit);
    return hit;
  };
}

function pushDuration(d: Tallies["durations"], which: "all" | "inPeriod", days: number): void {
  if (which === "all") {
    if (d.count === d.all.length) d.all = grow(d.all);
    d.all[d.count++] = days;
  } else {
    if (d.inPeriodCount === d.inPeriod.length) d.inPeriod = grow(d.inPeriod);
    d.inPeriod[d.inPeriodCount++] = days;
  }
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
