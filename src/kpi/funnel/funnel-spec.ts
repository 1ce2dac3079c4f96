// The plain description of a data sheet that the funnel report reads: which column holds what, no Google types.
import type { PeriodPreset } from "../definitions/periods";

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

/** A headline period: explicit dates (compared with as many days just before), or a preset anchored to the data. */
export type PeriodChoice =
  | { start: DateInput; end: DateInput }
  | { preset: PeriodPreset; customStart?: DateInput | null; customEnd?: DateInput | null };

export interface FunnelReportOptions {
  period?: PeriodChoice;
  /** For ROMI: revenue × gross margin is the return. Without one (or with 1) ROMI equals ROI and is not reported. */
  grossMargin?: number | null;
}
