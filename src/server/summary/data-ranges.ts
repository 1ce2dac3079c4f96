// Where the data's columns are (the kpi_ named ranges) and how a total over a date window, and optionally one channel, is written.
import type { Measure } from "../../kpi/summary-metrics/expression";
import { STATUS_RANGE_SUFFIX, type FunnelMapping } from "../mapping/mapping-types";
import { NAMED_RANGE_PREFIX } from "../mapping/named-ranges";
import { type ChannelMatch, isPlainLabel } from "./channel-match";
import { textLiteral } from "./compile-formula";

/** A date window as two formula expressions (cells or expressions), both days inclusive. */
export interface Window {
  start: string;
  end: string;
}

/** One channel's rows: the cell holding its label, and how rows are matched to it. */
export interface ChannelSlice {
  keyCell: string;
  match: ChannelMatch;
  /** The "(no channel)" row also takes the rows whose channel is blank. */
  takesBlank: boolean;
}

/** Record-level: the status column of a stage reached by its values ("Deal Stage" is "Closed won"). */
interface StageStatus {
  range: string;
  values: readonly string[];
}

/** What the headline, goals, channel and month blocks need of the data: a total over a window, optionally of one channel. */
export interface SummaryTotals {
  /** One row per lead or deal, whose cohorts and month rates the month table handles apart. */
  readonly recordLevel: boolean;
  sum(measure: Measure, window: Window, slice?: ChannelSlice | null): string;
  count(stage: string, window: Window, slice?: ChannelSlice | null): string;
}

/** A range of the data by its field ("date", "channel", "spend", "revenue", a stage key, "<stage>_status"): the kpi_ named ranges by default. */
export type RangeOf = (field: string) => string;

const namedRange: RangeOf = (field) => `${NAMED_RANGE_PREFIX}${field}`;

/**
 * Totals the way the funnel report does: aggregated data sums each stage's column on the period date;
 * record-level data counts each stage on the date it was reached, and its revenue on the last stage's
 * date. `< end + 1` keeps dates that carry a time of day on the end date.
 */
export class DataRanges implements SummaryTotals {
  readonly recordLevel: boolean;
  private readonly stageRange = new Map<string, string>();
  private readonly stageStatus = new Map<string, StageStatus>();
  private readonly stageKeys: readonly string[];
  private readonly date: string;
  private readonly channel: string;

  /** `rangeOf` names the data's columns: the published kpi_ ranges, or a source sheet's own columns. */
  constructor(mapping: FunnelMapping, private readonly rangeOf: RangeOf = namedRange) {
    this.recordLevel = mapping.shape === "record-level";
    this.stageKeys = mapping.stages.map((s) => s.key);
    this.date = rangeOf("date");
    this.channel = rangeOf("channel");
    for (const s of mapping.stages) {
      // A status stage without its own date column is dated by the record's date, as the report does.
      this.stageRange.set(s.key, s.column === null && s.status ? this.date : rangeOf(s.key));
      if (this.recordLevel && s.status) this.stageStatus.set(s.key, { range: rangeOf(s.key + STATUS_RANGE_SUFFIX), values: s.status.values });
    }
  }

  stage(key: string): string {
    const range = this.stageRange.get(key);
    if (range === undefined) throw new Error(`no stage ${key} in the mapping`);
    return range;
  }

  get firstStage(): string {
    return this.stage(this.stageKeys[0]);
  }

  get lastStage(): string {
    return this.stage(this.stageKeys[this.stageKeys.length - 1]);
  }

  get firstStageKey(): string {
    return this.stageKeys[0];
  }

  get lastStageKey(): string {
    return this.stageKeys[this.stageKeys.length - 1];
  }

  /**
   * For SUMPRODUCT: `*(...)` keeping only the records whose status reaches the stage (a lost deal's close
   * date makes no customer), or "" for a stage reached by its date alone.
   */
  reachedFactor(stage: string): string {
    const status = this.stageStatus.get(stage);
    return status === undefined ? "" : `*${statusComparison(status)}`;
  }

  /** Where dates live, for the latest and earliest date with data: the period date, and every stage date of record-level data. */
  dateRanges(): string[] {
    return this.recordLevel ? [this.date, ...this.stageKeys.map((k) => this.stage(k))] : [this.date];
  }

  sum(measure: Measure, window: Window, slice: ChannelSlice | null = null): string {
    const values = this.rangeOf(measure);
    const onLastStage = measure === "revenue" && this.recordLevel;
    const dated = onLastStage ? this.lastStage : this.date;
    // Revenue is realised on the last stage: with a status, only on the records that reached it.
    const status = onLastStage ? (this.stageStatus.get(this.lastStageKey) ?? null) : null;
    return byStatus(status, slice, (criterion, factor) => {
      if (factor !== null) return `SUMPRODUCT(${channelFactor(this.channel, slice)}${windowFactors(dated, window)}${factor}*${values})`;
      return `SUMIFS(${values}, ${windowCriteria(dated, window)}${channelCriterion(this.channel, slice)}${criterion})`;
    });
  }

  count(stage: string, window: Window, slice: ChannelSlice | null = null): string {
    const range = this.stage(stage);
    if (!this.recordLevel) return this.sumOf(range, window, slice);
    return byStatus(this.stageStatus.get(stage) ?? null, slice, (criterion, factor) => {
      if (factor !== null) return `SUMPRODUCT(${channelFactor(this.channel, slice)}${windowFactors(range, window)}${factor})`;
      return `COUNTIFS(${windowCriteria(range, window)}${channelCriterion(this.channel, slice)}${criterion})`;
    });
  }

  private sumOf(values: string, window: Window, slice: ChannelSlice | null): string {
    if (slice?.match === "comparison") return `SUMPRODUCT(${channelComparison(this.channel, slice)}*${windowFactors(this.date, window)}*${values})`;
    return `SUMIFS(${values}, ${windowCriteria(this.date, window)}${channelCriterion(this.channel, slice)})`;
  }
}

/**
 * One term per status value, summed (a record has one status, so the terms never overlap). A term is a
 * SUMIFS/COUNTIFS criterion `"=value"` (no operator or wildcard can take effect) when the value and the
 * channel are plain words; otherwise a SUMPRODUCT factor comparing the cell's text, which no engine reads
 * as a number, boolean or pattern. The whole formula is one term for a stage without a status.
 */
function byStatus(status: StageStatus | null, slice: ChannelSlice | null, term: (criterion: string, factor: string | null) => string): string {
  const comparison = slice?.match === "comparison";
  if (status === null) return term("", comparison ? "" : null);
  const terms = status.values.map((value) => {
    if (!comparison && isPlainLabel(value)) return term(`, ${status.range}, ${literalCriterion(value)}`, null);
    return term("", `*${valueComparison(status.range, value)}`);
  });
  if (terms.length === 0) return "0";
  return terms.length === 1 ? terms[0] : `(${terms.join("+")})`;
}

/** A criterion matching the value itself: an explicit "=", `~ * ?` escaped, quotes doubled. */
export function literalCriterion(value: string): string {
  return textLiteral(`=${value.replace(/[~*?]/g, (c) => `~${c}`)}`);
}

function valueComparison(range: string, value: string): string {
  return `((${range}&"")=${textLiteral(value)})`;
}

function statusComparison(status: StageStatus): string {
  if (status.values.length === 0) return "0";
  if (status.values.length === 1) return valueComparison(status.range, status.values[0]);
  return `((${status.values.map((v) => valueComparison(status.range, v)).join("+")})>0)`;
}

/** `(channel match)*` for a SUMPRODUCT over a channel row, or "" outside one. */
function channelFactor(channel: string, slice: ChannelSlice | null): string {
  return slice === null ? "" : `${channelComparison(channel, slice)}*`;
}

function windowCriteria(range: string, window: Window): string {
  return `${range}, ">="&${window.start}, ${range}, "<"&(${window.end}+1)`;
}

function windowFactors(range: string, window: Window): string {
  return `(${range}>=${window.start})*(${range}<${window.end}+1)`;
}

/** An explicit "=" so the label is compared, never read as an operator; only plain labels get here. */
function channelCriterion(channel: string, slice: ChannelSlice | null): string {
  if (slice === null) return "";
  return `, ${channel}, "="&${slice.keyCell}`;
}

function channelComparison(channel: string, slice: ChannelSlice): string {
  const label = `TRIM(${channel}&"")`;
  if (!slice.takesBlank) return `(${label}=${slice.keyCell})`;
  return `((${label}="")+(${label}=${slice.keyCell})>0)`;
}
