// The plain description of a funnel fed by several sources: the stages in funnel order, and per source its shape, columns and the stages it supplies.
import type { FunnelShapeName, FunnelSpecStatus } from "../funnel/funnel-spec";

export interface SourceStageSpec {
  /** The funnel stage it supplies. */
  key: string;
  /** 0-based count column (aggregated) or date column (record-level); -1 for a status stage dated by the record's date. */
  column: number;
  /** Record-level only: reached by records whose status is one of these values. */
  status?: FunnelSpecStatus | null;
}

export interface SourceSpec {
  /** As the channel table's Source column names it: the sheet's name (a CSV's, its file's). */
  name: string;
  shape: FunnelShapeName;
  dateColumn?: number | null;
  /** The column whose values the channel table aligns; null: the whole source is one value, aligned by its blank-Value row. */
  channelColumn?: number | null;
  spendColumn?: number | null;
  revenueColumn?: number | null;
  /** In funnel order; a source may supply none (spend only) or any of the funnel's stages. */
  stages: readonly SourceStageSpec[];
}

export interface SourcesSpec {
  /** The funnel, widest first; at least two stages. */
  stages: readonly { key: string; name: string }[];
  sources: readonly SourceSpec[];
}
