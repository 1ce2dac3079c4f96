// A funnel fed by several sources (format 3): each source a sheet with its own shape and columns, each stage saying which source(s) supply it.
import type { SourcePlatform } from "../../kpi/channels/ad-platforms";
import type { ChannelColumnKind } from "../../kpi/channels/propose-channel-table";
import type { ColumnRef, FunnelShape, StatusCondition } from "./mapping-types";

/** The stored format that holds sources. Versions 1 and 2 are one-sheet mappings and read as one source. */
export const SOURCED_MAPPING_VERSION = 3;

/** Lower-case, stable across renames of the sheet: what errors and the wizard name a source by internally. */
export const SOURCE_ID_PATTERN = /^[a-z][a-z0-9_]{0,29}$/;

export type SourceRole = "ad-spend" | "analytics" | "crm";

export interface MappingSource {
  id: string;
  sheetName: string;
  /** 1-based row holding the headers; data starts on the next row. */
  headerRow: number;
  shape: FunnelShape;
  /** The export it was recognised as, which seeds its channel proposal; null when not recognised. */
  platform: SourcePlatform | null;
  /** What the source is for, as detected or chosen: ad spend, analytics traffic or CRM records. */
  role: SourceRole | null;
  /** Aggregated: the period date (required). Record-level: when the record was made (optional). */
  date: ColumnRef | null;
  /** The column the channel table aligns: a channel, a campaign (or campaign type), or "source / medium". */
  channel: ColumnRef | null;
  /** What `channel` holds; null without a channel column. */
  channelKind: ChannelColumnKind | null;
  /**
   * The channel all of the source belongs to when it has no channel column ("all of Google Ads is Paid
   * Search"). It seeds the source's blank-Value row of the channel table, which is what counts from then on.
   */
  fixedChannel: string | null;
  spend: ColumnRef | null;
  revenue: ColumnRef | null;
}

/** One source's part in a stage: its count column (aggregated), its date column (record-level), or its status values. */
export interface StageSupply {
  source: string;
  /** Null until chosen; a status supply may have none and is then dated by the record's date. */
  column: ColumnRef | null;
  status?: StatusCondition | null;
}

export interface SourcedStage {
  key: string;
  name: string;
  /** Several suppliers are added up (Google Ads clicks + Meta Ads clicks). */
  supply: StageSupply[];
}

export interface SourcedMapping {
  version: typeof SOURCED_MAPPING_VERSION;
  sources: MappingSource[];
  /** One funnel order, widest first. */
  stages: SourcedStage[];
}

/** A source id from its sheet's name, unique among `taken`: "Google Ads" → "google_ads", then "google_ads_2". */
export function sourceIdFromName(name: string, taken: ReadonlySet<string>): string {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 24);
  const base = slug === "" ? "source" : /^[a-z]/.test(slug) ? slug : `s_${slug}`.slice(0, 24);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export function sourceById(mapping: SourcedMapping, id: string): MappingSource | undefined {
  return mapping.sources.find((s) => s.id === id);
}
