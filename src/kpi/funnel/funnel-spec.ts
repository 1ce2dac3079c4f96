// The plain description of a data sheet that the funnel report reads: which column holds what, no Google types.

export type FunnelShapeName = "aggregated" | "record-level";

/** Record-level: the stage is reached by records whose status cell is one of `values` (whole value, case ignored). */
export interface FunnelSpecStatus {
  column: number;
  values: readonly string[];
}

export interface FunnelSpecStage {
  key: string;
  name: string;
  /**
   * 0-based column of the stage's count (aggregated) or of the date it was reached (record-level).
   * A status stage may have -1: it is then dated by the record's date.
   */
  column: number;
  /** Record-level only. With a status, the date column dates the stage on matching records alone. */
  status?: FunnelSpecStatus | null;
}

export interface FunnelSpec {
  shape: FunnelShapeName;
  /** In funnel order, widest first; at least two. */
  stages: readonly FunnelSpecStage[];
  /** Aggregated: the period date. Record-level: when the record was made; the first stage's date when absent. */
  dateColumn?: number | null;
  channelColumn?: number | null;
  spendColumn?: number | null;
  revenueColumn?: number | null;
}

/** A date as a cell would hold it: a Date, a serial, or ISO text "2025-03-31". */
export type DateInput = Date | number | string;

export interface FunnelReportOptions {
  /** Headline period, both ends inclusive, compared with the same number of days just before it. */
  period?: { start: DateInput; end: DateInput };
  /** For ROMI: revenue × gross margin is the return; 1 (the default) treats all revenue as return. */
  grossMargin?: number;
}
