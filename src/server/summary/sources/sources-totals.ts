// The funnel's totals over several sources: each figure the sum of the sources that supply it, and a channel's figure read from the alignment table.
import type { Measure } from "../../../kpi/summary-metrics/expression";
import type { ChannelSlice, DataRanges, SummaryTotals, Window } from "../data-ranges";
import type { AlignmentCells } from "./alignment-block";

export interface SuppliedRanges {
  ranges: DataRanges;
  supplies: ReadonlySet<string>;
}

function added(parts: readonly string[]): string {
  if (parts.length === 0) return "0";
  return parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
}

/**
 * Without a slice, a total is each supplying source's own total (SUMIFS/COUNTIFS on its sheet) added up.
 * A channel's total in the selected period is the alignment table's rows placed in that channel:
 * SUMPRODUCT of a text comparison (literal, case-insensitive) and the column, so editing the Channel map
 * moves a value's totals from one channel to another at once.
 */
export class SourcesTotals implements SummaryTotals {
  readonly recordLevel = false;

  constructor(
    private readonly sources: readonly SuppliedRanges[],
    private readonly alignment: AlignmentCells | null,
    private readonly alignedWindow: Window,
  ) {}

  /** Where a figure comes from, for the dates of the period selector: every source's date ranges. */
  dateRanges(): string[] {
    return this.sources.flatMap((s) => s.ranges.dateRanges());
  }

  sum(measure: Measure, window: Window, slice: ChannelSlice | null = null): string {
    if (slice !== null) return this.channelTotal(measure, window, slice);
    return added(this.sources.filter((s) => s.supplies.has(measure)).map((s) => s.ranges.sum(measure, window)));
  }

  count(stage: string, window: Window, slice: ChannelSlice | null = null): string {
    if (slice !== null) return this.channelTotal(stage, window, slice);
    return added(this.sources.filter((s) => s.supplies.has(stage)).map((s) => s.ranges.count(stage, window)));
  }

  private channelTotal(key: string, window: Window, slice: ChannelSlice): string {
    if (window.start !== this.alignedWindow.start || window.end !== this.alignedWindow.end) {
      throw new Error("a channel's totals exist for the selected period only");
    }
    // Sized before the alignment table is placed: the formulas are replaced once it is.
    if (this.alignment === null) return "0";
    const range = this.alignment.measureRange[key];
    if (range === undefined) return "0";
    return `SUMPRODUCT((TRIM(${this.alignment.channelRange}&"")=${slice.keyCell})*${range})`;
  }
}
