// Native Sheets formulas (SUMIFS/COUNTIFS over the kpi_ named ranges) for the funnel's amounts and stage counts.
import type { FunnelMapping } from "../mapping/mapping-types";
import { NAMED_RANGE_PREFIX } from "../mapping/named-ranges";

/** A date window as two formula expressions (cell references or expressions), both days inclusive. */
export interface Window {
  start: string;
  end: string;
}

/** Extra criteria pairs appended to every SUMIFS/COUNTIFS, e.g. the channel of a table row. */
export type Criteria = readonly (readonly [range: string, criterion: string])[];

/**
 * Builds formulas the way the funnel report counts: aggregated data sums each stage's column on the
 * period date; record-level data counts each stage on the date it was reached, and its revenue on the
 * last stage's date. `< end + 1` keeps stage dates that carry a time of day on the end date.
 */
export class MetricFormulas {
  readonly stageNames: readonly string[];
  readonly hasSpend: boolean;
  readonly hasRevenue: boolean;
  readonly hasChannel: boolean;
  private readonly recordLevel: boolean;
  private readonly stageRanges: readonly string[];

  constructor(mapping: FunnelMapping) {
    this.stageNames = mapping.stages.map((s) => s.name);
    this.stageRanges = mapping.stages.map((s) => NAMED_RANGE_PREFIX + s.key);
    this.hasSpend = mapping.spend !== null;
    this.hasRevenue = mapping.revenue !== null;
    this.hasChannel = mapping.channel !== null;
    this.recordLevel = mapping.shape === "record-level";
  }

  static readonly DATE = `${NAMED_RANGE_PREFIX}date`;
  static readonly CHANNEL = `${NAMED_RANGE_PREFIX}channel`;
  static readonly SPEND = `${NAMED_RANGE_PREFIX}spend`;
  static readonly REVENUE = `${NAMED_RANGE_PREFIX}revenue`;

  /** Where the stage dates (record-level) or period dates (aggregated) live, for "All time" bounds. */
  allDateRanges(): string[] {
    return this.recordLevel ? [...this.stageRanges] : [MetricFormulas.DATE];
  }

  stageCount(index: number, window: Window, criteria: Criteria = []): string {
    const range = this.stageRanges[index];
    if (this.recordLevel) return `COUNTIFS(${windowCriteria(range, window)}${extra(criteria)})`;
    return `SUMIFS(${range}, ${windowCriteria(MetricFormulas.DATE, window)}${extra(criteria)})`;
  }

  spend(window: Window, criteria: Criteria = []): string | null {
    if (!this.hasSpend) return null;
    return `SUMIFS(${MetricFormulas.SPEND}, ${windowCriteria(MetricFormulas.DATE, window)}${extra(criteria)})`;
  }

  revenue(window: Window, criteria: Criteria = []): string | null {
    if (!this.hasRevenue) return null;
    const dated = this.recordLevel ? this.stageRanges[this.stageRanges.length - 1] : MetricFormulas.DATE;
    return `SUMIFS(${MetricFormulas.REVENUE}, ${windowCriteria(dated, window)}${extra(criteria)})`;
  }
}

function windowCriteria(range: string, window: Window): string {
  return `${range}, ">="&${window.start}, ${range}, "<"&(${window.end}+1)`;
}

function extra(criteria: Criteria): string {
  return criteria.map(([range, criterion]) => `, ${range}, ${criterion}`).join("");
}

/** num ÷ den when both are numbers and den > 0, else "n/a": the native twin of a KPI that can be undefined. */
export function ratio(num: string, den: string): string {
  return `IF(AND(ISNUMBER(${num}), ISNUMBER(${den}), N(${den})>0), ${num}/${den}, "n/a")`;
}

/** A conversion rate, which like the catalogue's cannot exceed 100%. */
export function conversion(part: string, whole: string): string {
  return `IF(AND(ISNUMBER(${part}), ISNUMBER(${whole}), N(${whole})>0, N(${part})<=N(${whole})), ${part}/${whole}, "n/a")`;
}

/** (current − previous) ÷ previous, the catalogue's GROWTH_RATE. */
export function change(current: string, previous: string): string {
  return `IF(AND(ISNUMBER(${current}), ISNUMBER(${previous}), N(${previous})>0), (${current}-${previous})/${previous}, "n/a")`;
}
