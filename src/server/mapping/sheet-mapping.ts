// One-sheet mappings (formats 1 and 2) as one-source mappings and back: the same funnel, so a one-sheet setup keeps every behaviour it had.
import { SOURCED_MAPPING_VERSION, type MappingSource, type SourcedMapping } from "./source-types";
import type { FunnelMapping } from "./mapping-types";
import { sourceView } from "./source-view";

/** The id a one-sheet mapping's only source gets. */
export const SHEET_SOURCE_ID = "data";

export function sourcedFromSheet(mapping: FunnelMapping): SourcedMapping {
  const source: MappingSource = {
    id: SHEET_SOURCE_ID,
    sheetName: mapping.sheetName,
    headerRow: mapping.headerRow,
    shape: mapping.shape,
    platform: null,
    role: null,
    date: mapping.date,
    channel: mapping.channel,
    channelKind: mapping.channel === null ? null : "channel",
    fixedChannel: null,
    spend: mapping.spend,
    revenue: mapping.revenue,
  };
  return {
    version: SOURCED_MAPPING_VERSION,
    sources: [source],
    stages: mapping.stages.map((s) => ({
      key: s.key,
      name: s.name,
      supply: [{ source: SHEET_SOURCE_ID, column: s.column, ...(s.status ? { status: s.status } : {}) }],
    })),
  };
}

/**
 * The one-sheet mapping a sourced mapping amounts to, or null when it needs more than one sheet can say:
 * several sources, a stage supplied twice or not at all, or a channel fixed for the whole source.
 */
export function sheetFromSourced(mapping: SourcedMapping): FunnelMapping | null {
  if (mapping.sources.length !== 1) return null;
  const [source] = mapping.sources;
  if (source.fixedChannel !== null) return null;
  // Every stage supplied once, by this source: its view is then the whole funnel.
  if (mapping.stages.some((s) => s.supply.length !== 1 || s.supply[0].source !== source.id)) return null;
  return sourceView(mapping, source);
}
