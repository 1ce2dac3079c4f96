// A funnel over several sources as the metric table and the goals see it: its stages, and spend and revenue when any source has them.
import { MAPPING_VERSION, type FunnelMapping } from "./mapping-types";
import type { SourcedMapping } from "./source-types";

/** Never saved or read as a one-sheet mapping: its columns name no one sheet. */
export function goalsView(mapping: SourcedMapping): FunnelMapping {
  const spend = mapping.sources.find((s) => s.spend !== null)?.spend ?? null;
  const revenue = mapping.sources.find((s) => s.revenue !== null)?.revenue ?? null;
  return {
    version: MAPPING_VERSION,
    sheetName: mapping.sources.map((s) => s.sheetName).join(", "),
    headerRow: 1,
    shape: mapping.sources[0]?.shape ?? "aggregated",
    stages: mapping.stages.map((s) => ({ key: s.key, name: s.name, column: s.supply[0]?.column ?? null })),
    date: null,
    channel: null,
    spend,
    revenue,
  };
}
