// Turns a proposal into the mapping it amounts to; shared by the server and the wizard, so it stays free of detection code.
import { MAPPING_VERSION, type FunnelMapping } from "./mapping-types";
import type { MappingProposal } from "./proposal-types";

export function proposalToMapping(proposal: MappingProposal): FunnelMapping {
  return {
    version: MAPPING_VERSION,
    sheetName: proposal.sheetName,
    headerRow: proposal.headerRow,
    shape: proposal.shape.value,
    stages: proposal.stages.map((s) =>
      s.status ? { key: s.key, name: s.name, column: s.column, status: { column: s.status.column, values: [...s.status.values] } } : { key: s.key, name: s.name, column: s.column },
    ),
    date: proposal.date.column,
    channel: proposal.channel.column,
    spend: proposal.spend.column,
    revenue: proposal.revenue.column,
  };
}
