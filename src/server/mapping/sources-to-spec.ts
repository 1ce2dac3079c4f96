// Turns a mapping with sources into the plain column positions the pure multi-source report reads.
import type { SourcesSpec } from "../../kpi/sources/sources-spec";
import type { SourcedMapping } from "./source-types";

/** Call only on a mapping validateSources accepted. */
export function toSourcesSpec(mapping: SourcedMapping): SourcesSpec {
  return {
    stages: mapping.stages.map((s) => ({ key: s.key, name: s.name })),
    sources: mapping.sources.map((source) => ({
      name: source.sheetName,
      shape: source.shape,
      dateColumn: source.date?.index ?? null,
      channelColumn: source.fixedChannel !== null ? null : (source.channel?.index ?? null),
      spendColumn: source.spend?.index ?? null,
      revenueColumn: source.revenue?.index ?? null,
      stages: mapping.stages.flatMap((stage) =>
        stage.supply
          .filter((supply) => supply.source === source.id)
          .map((supply) => ({
            key: stage.key,
            column: supply.column?.index ?? -1,
            status: supply.status ? { column: supply.status.column.index, values: [...supply.status.values] } : null,
          })),
      ),
    })),
  };
}
