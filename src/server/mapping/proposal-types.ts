// What auto-detect hands the wizard: a proposed mapping where every field and every left-out column carries its reason.
import type { ColumnRef, FunnelShape, StatusCondition } from "./mapping-types";

export interface FieldProposal {
  column: ColumnRef | null;
  reason: string;
}

export interface StageProposal {
  key: string;
  name: string;
  /** Null only for a status stage without a date column of its own. */
  column: ColumnRef | null;
  reason: string;
  /** Record-level: the status values that reach this stage ("Deal Stage" is "Closed won"). */
  status?: StatusCondition;
}

export interface UnmappedColumn {
  header: string;
  index: number;
  reason: string;
}

export interface MappingProposal {
  sheetName: string;
  headerRow: number;
  shape: { value: FunnelShape; reason: string };
  stages: StageProposal[];
  /** Why these stages and not others (e.g. which default stages were not found). */
  stagesReason: string;
  date: FieldProposal;
  channel: FieldProposal;
  spend: FieldProposal;
  revenue: FieldProposal;
  unmapped: UnmappedColumn[];
}
