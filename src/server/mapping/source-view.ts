// One source of a sourced mapping seen as a one-sheet mapping of the stages it supplies, so the one-sheet checks and readers apply to it unchanged.
import type { FunnelMapping, FunnelStage } from "./mapping-types";
import { MAPPING_VERSION } from "./mapping-types";
import type { MappingSource, SourcedMapping } from "./source-types";

export function sourceView(mapping: SourcedMapping, source: MappingSource): FunnelMapping {
  const stages: FunnelStage[] = [];
  for (const stage of mapping.stages) {
    for (const supply of stage.supply) {
      if (supply.source !== source.id) continue;
      const view: FunnelStage = { key: stage.key, name: stage.name, column: supply.column };
      if (supply.status) view.status = supply.status;
      stages.push(view);
    }
  }
  return {
    version: MAPPING_VERSION,
    sheetName: source.sheetName,
    headerRow: source.headerRow,
    shape: source.shape,
    stages,
    date: source.date,
    channel: source.channel,
    spend: source.spend,
    revenue: source.revenue,
  };
}
