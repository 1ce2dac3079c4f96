// Decides the funnel mapping for a run: read from a saved mapping file, or detected from the sheet, each field with its reason.
import { readFileSync } from "node:fs";
import { columnLetter } from "../../server/mapping/a1";
import { proposalToMapping, proposeMapping } from "../../server/mapping/auto-detect";
import { parseMapping } from "../../server/mapping/mapping-store-format";
import type { ColumnRef, FunnelMapping, StatusCondition } from "../../server/mapping/mapping-types";
import { InputError } from "./cli-errors";
import type { DataTable } from "./data-table";

export interface MappingLine {
  /** "Shape", a stage name, "Date", "Channel", "Spend", "Revenue", or "(unused)" for a column left out. */
  field: string;
  /** "C 'Spend'", or null when nothing is mapped. */
  column: string | null;
  reason: string;
}

export interface MappingChoice {
  mapping: FunnelMapping;
  source: "detected" | "file";
  lines: MappingLine[];
}

/** "reached when C 'Deal Stage' is 'Closed won'". */
function statusText(status: StatusCondition): string {
  return `reached when ${columnLetter(status.column.index)} '${status.column.header}' is ${status.values.map((v) => `'${v}'`).join(" or ")}`;
}

function columnText(ref: ColumnRef | null): string | null {
  return ref === null ? null : `${columnLetter(ref.index)} '${ref.header}'`;
}

/** Reads a mapping file as the document store would read the same JSON. */
export function readMappingFile(path: string): FunnelMapping {
  let json: string;
  try {
    json = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`cannot read the mapping file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseMapping(json);
  if (!parsed.ok) throw new InputError(`mapping file ${path}: ${parsed.message.replace(/ ?Please run Set up funnel again\.$| ?Run Set up funnel\.$/, "")}`);
  return parsed.mapping;
}

export function mappingFromFile(mapping: FunnelMapping, path: string): MappingChoice {
  const from = `from ${path}`;
  const lines: MappingLine[] = [
    { field: "Shape", column: null, reason: `${mapping.shape}, ${from}` },
    ...mapping.stages.map((s) => ({ field: `Stage ${s.name}`, column: columnText(s.column), reason: s.status ? `${statusText(s.status)}, ${from}` : from })),
    { field: "Date", column: columnText(mapping.date), reason: from },
    { field: "Channel", column: columnText(mapping.channel), reason: from },
    { field: "Spend", column: columnText(mapping.spend), reason: from },
    { field: "Revenue", column: columnText(mapping.revenue), reason: from },
  ];
  return { mapping, source: "file", lines };
}

export function detectMapping(table: DataTable): MappingChoice {
  const proposal = proposeMapping(table.sheetName, table.headerRow, table.headers, table.sample, table.rows);
  const lines: MappingLine[] = [
    { field: "Shape", column: null, reason: `${proposal.shape.value}: ${proposal.shape.reason}` },
    ...proposal.stages.map((s) => ({ field: `Stage ${s.name}`, column: columnText(s.column), reason: s.reason })),
    { field: "Stages", column: null, reason: proposal.stagesReason },
    { field: "Date", column: columnText(proposal.date.column), reason: proposal.date.reason },
    { field: "Channel", column: columnText(proposal.channel.column), reason: proposal.channel.reason },
    { field: "Spend", column: columnText(proposal.spend.column), reason: proposal.spend.reason },
    { field: "Revenue", column: columnText(proposal.revenue.column), reason: proposal.revenue.reason },
    ...proposal.unmapped.map((u) => ({ field: "(unused)", column: columnText(u), reason: u.reason })),
  ];
  return { mapping: proposalToMapping(proposal), source: "detected", lines };
}
