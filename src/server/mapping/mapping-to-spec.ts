// Turns a saved mapping into the plain column positions the pure funnel report reads.
import type { FunnelSpec } from "../../kpi/funnel-report";
import type { FunnelMapping } from "./mapping-types";

/** Call only on a mapping validateMapping accepted: every stage then has a column or a status. */
export function toFunnelSpec(mapping: FunnelMapping): FunnelSpec {
  return {
    shape: mapping.shape,
    stages: mapping.stages.map((s) => ({
      key: s.key,
      name: s.name,
      column: s.column?.index ?? -1,
      status: s.status ? { column: s.status.column.index, values: [...s.status.values] } : null,
    })),
    dateColumn: mapping.date?.index ?? null,
    channelColumn: mapping.channel?.index ?? null,
    spendColumn: mapping.spend?.index ?? null,
    revenueColumn: mapping.revenue?.index ?? null,
  };
}
