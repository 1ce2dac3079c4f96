// Native Sheets formulas (SUMIFS/COUNTIFS over the kpi_ named ranges) for the funnel's amounts and stage counts.
import { STATUS_RANGE_SUFFIX, type FunnelMapping } from "../mapping/mapping-types";
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
  /** Record-level status stages: the status range and the values that reach the stage; null for a date-only stage. */
  private readonly stageStatus: readonly ({ range: string; values: readonly string[] } | null)[];

  constructor(mapping: FunnelMapping) {
    this.stageNames = mapping.stages.map((s) => s.name);
    this.recordLevel = mapping.shape === "record-level";
    // A status stage without its own date column is dated by the record's date, as the report does.
    this.stageRanges = mapping.stages.map((s) => (s.column === null && s.status ? MetricFormulas.DATE : NAMED_RANGE_PREFIX + s.key));
    this.stageStatus = mapping.stages.map((s) =>
      this.recordLevel && s.status ? { range: NAMED_RANGE_PREFIX + s.key + STATUS_RANGE_SUFFIX, values: s.status.values } : null,
    );
    this.hasSpend = mapping.spend !== null;
    this.hasRevenue = mapping.revenue !== null;
    this.hasChannel = mapping.channel !== null;
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
    if (this.recordLevel) return byStatus(this.stageStatus[index], (status) => `COUNTIFS(${windowCriteria(range, window)}${extra(criteria)}${status})`);
    return `SUMIFS(${range}, ${windowCriteria(MetricFormulas.DATE, window)}${extra(criteria)})`;
  }

  spend(window: Window, criteria: Criteria = []): string | null {
    if (!this.hasSpend) return null;
    return `SUMIFS(${MetricFormulas.SPEND}, ${windowCriteria(MetricFormulas.DATE, window)}${extra(criteria)})`;
  }

  revenue(window: Window, criteria: Criteria = []): string | null {
    if (!this.hasRevenue) return null;
    const last = this.stageRanges.length - 1;
    const dated = this.recordLevel ? this.stageRanges[last] : MetricFormulas.DATE;
    const status = this.recordLevel ? this.stageStatus[last] : null;
    return byStatus(status, (s) => `SUMIFS(${MetricFormulas.REVENUE}, ${windowCriteria(dated, window)}${extra(criteria)}${s})`);
  }
}

/**
 * One term per status value, summed (a record has one status, so the terms never overlap); the plain
 * formula for a stage without a status.
 */
function byStatus(status: { range: string; values: readonly string[] } | null, term: (criterion: string) => string): string {
  if (status === null) return term("");
  const terms = status.values.map((v) => term(`, ${status.range}, ${literalCriterion(v)}`));
  return terms.length === 1 ? terms[0] : `(${terms.join("+")})`;
}

/**
 * A criterion that matches the value itself: an explicit "=" so no operator at its start takes effect,
 * `~ * ?` escaped so no wildcard does, and quotes doubled inside the string literal.
 */
export function literalCriterion(value: string): string {
  const escaped = value.replace(/[~*?]/g, (c) => `~${c}`).replace(/"/g, '""');
  return `"=${escaped}"`;
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
