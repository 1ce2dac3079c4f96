// Where the data's columns are (the kpi_ named ranges) and how a total over a date window, and optionally one channel, is written.
import type { Measure } from "../../kpi/summary-metrics/expression";
import type { FunnelMapping } from "../mapping/mapping-types";
import { NAMED_RANGE_PREFIX } from "../mapping/named-ranges";
import type { ChannelMatch } from "./channel-match";

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

const CHANNEL = `${NAMED_RANGE_PREFIX}channel`;
const DATE = `${NAMED_RANGE_PREFIX}date`;

/**
 * Totals the way the funnel report does: aggregated data sums each stage's column on the period date;
 * record-level data counts each stage on the date it was reached, and its revenue on the last stage's
 * date. `< end + 1` keeps dates that carry a time of day on the end date.
 */
export class DataRanges {
  readonly recordLevel: boolean;
  private readonly stageRange = new Map<string, string>();
  private readonly stageKeys: readonly string[];

  constructor(mapping: FunnelMapping) {
    this.recordLevel = mapping.shape === "record-level";
    this.stageKeys = mapping.stages.map((s) => s.key);
    for (const s of mapping.stages) this.stageRange.set(s.key, NAMED_RANGE_PREFIX + s.key);
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

  /** Where dates live, for the latest and earliest date with data: the period date, and every stage date of record-level data. */
  dateRanges(): string[] {
    return this.recordLevel ? [DATE, ...this.stageKeys.map((k) => this.stage(k))] : [DATE];
  }

  sum(measure: Measure, window: Window, slice: ChannelSlice | null = null): string {
    const values = `${NAMED_RANGE_PREFIX}${measure}`;
    const dated = measure === "revenue" && this.recordLevel ? this.lastStage : DATE;
    return total(values, dated, window, slice);
  }

  count(stage: string, window: Window, slice: ChannelSlice | null = null): string {
    const range = this.stage(stage);
    if (!this.recordLevel) return total(range, DATE, window, slice);
    if (slice?.match === "comparison") return `SUMPRODUCT(${channelComparison(slice)}*${windowFactors(range, window)})`;
    return `COUNTIFS(${windowCriteria(range, window)}${channelCriterion(slice)})`;
  }
}

function total(values: string, dated: string, window: Window, slice: ChannelSlice | null): string {
  if (slice?.match === "comparison") return `SUMPRODUCT(${channelComparison(slice)}*${windowFactors(dated, window)}*${values})`;
  return `SUMIFS(${values}, ${windowCriteria(dated, window)}${channelCriterion(slice)})`;
}

function windowCriteria(range: string, window: Window): string {
  return `${range}, ">="&${window.start}, ${range}, "<"&(${window.end}+1)`;
}

function windowFactors(range: string, window: Window): string {
  return `(${range}>=${window.start})*(${range}<${window.end}+1)`;
}

/** An explicit "=" so the label is compared, never read as an operator; only plain labels get here. */
function channelCriterion(slice: ChannelSlice | null): string {
  if (slice === null) return "";
  return `, ${CHANNEL}, "="&${slice.keyCell}`;
}

function channelComparison(slice: ChannelSlice): string {
  const label = `TRIM(${CHANNEL}&"")`;
  if (!slice.takesBlank) return `(${label}=${slice.keyCell})`;
  return `((${label}="")+(${label}=${slice.keyCell})>0)`;
}
