// The saved answer to "which column of the data sheet is which part of the funnel", shared by the wizard, the store and the report.

/**
 * Bumped whenever the saved JSON changes shape; mapping-store-format.ts decides what older versions mean.
 * 2 added stages reached by a status column's values; a version 1 mapping reads as the same mapping.
 */
export const MAPPING_VERSION = 2;

/**
 * `aggregated`: one row per period (optionally per channel) with a count per stage.
 * `record-level`: one row per lead or deal with a date per stage, blank until the stage is reached.
 */
export type FunnelShape = "aggregated" | "record-level";

/**
 * A column is remembered by both its header text and its position, so that a column
 * renamed, moved or deleted since setup is noticed instead of silently reading the wrong data.
 */
export interface ColumnRef {
  /** Header text exactly as it was at setup. */
  header: string;
  /** 0-based position in the header row (column A is 0). */
  index: number;
}

/**
 * Record-level: which values of a status column mean a record reached a stage ("Deal Stage" is "Closed won").
 * Self-contained (its own column), so a mapping with several sources can carry it with the source it names.
 */
export interface StatusCondition {
  column: ColumnRef;
  /** Matched as whole values, ignoring case only; never as patterns. */
  values: string[];
}

export interface FunnelStage {
  /** Lower-case identifier used in named ranges (`kpi_<key>`) and saved goals; stable across renames. */
  key: string;
  /** What people see: "Visits", "MQL". */
  name: string;
  /**
   * Aggregated: the count column. Record-level: the date the stage was reached. Null until chosen in the
   * wizard; a stage with a status may have none, and is then dated by the record's date.
   */
  column: ColumnRef | null;
  /**
   * Record-level: the stage is reached only by records whose status is one of these values; its date
   * column then dates it on those records alone (a lost deal's close date makes no customer).
   */
  status?: StatusCondition | null;
}

export interface FunnelMapping {
  version: typeof MAPPING_VERSION;
  sheetName: string;
  /** 1-based row holding the headers; data starts on the next row. */
  headerRow: number;
  shape: FunnelShape;
  /** In funnel order, widest first. */
  stages: FunnelStage[];
  /** Aggregated: the period date (required). Record-level: optional, the first stage's date when absent. */
  date: ColumnRef | null;
  channel: ColumnRef | null;
  spend: ColumnRef | null;
  revenue: ColumnRef | null;
}

/** The optional single columns, named as errors and named ranges name them. */
export type MappingField = "date" | "channel" | "spend" | "revenue";
export const MAPPING_FIELDS: readonly MappingField[] = ["date", "channel", "spend", "revenue"];

/** The named range suffix of a stage's status column: `kpi_<key>_status`. */
export const STATUS_RANGE_SUFFIX = "_status";

/** Stage keys that would collide with the named ranges of the single columns. */
export const RESERVED_STAGE_KEYS: readonly string[] = MAPPING_FIELDS;

export const STAGE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** The funnel a new mapping starts from; teams rename, add, remove and reorder. */
export function defaultStages(): FunnelStage[] {
  return [
    { key: "visits", name: "Visits", column: null },
    { key: "leads", name: "Leads", column: null },
    { key: "customers", name: "Customers", column: null },
  ];
}

/** A stage key derived from a display name: "Sales qualified" → "sales_qualified". */
export function stageKeyFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  if (slug === "") return "stage";
  return /^[a-z]/.test(slug) ? slug : `s_${slug}`.slice(0, 40);
}
