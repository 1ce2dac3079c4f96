// The summary's account of its sources: each sheet, its role, what it supplies and from which columns, so every figure can be traced to where it comes from.
import { PLATFORM_NAMES } from "../../../kpi/channels/ad-platforms";
import type { SourcesReport } from "../../../kpi/sources/sources-report";
import type { SourcedMapping } from "../../mapping/source-types";
import { type Block, type CellRef, FORMAT, type SheetCell } from "../block";

export const SOURCES_TITLE = "Sources: each figure is added up from the sources that supply it, joined by channel and period only";

const ROLES = { "ad-spend": "ad spend", analytics: "analytics traffic", crm: "CRM records" } as const;

export function sourcesBlock(origin: CellRef, mapping: SourcedMapping, report: SourcesReport): { block: Block; rows: number[] } {
  const cells: SheetCell[][] = [[SOURCES_TITLE, "", "", "", ""], ["Source", "Export", "Role", "Supplies", "Rows when generated"]];
  const formats: string[][] = [["", "", "", "", ""], ["", "", "", "", ""]];
  const rows: number[] = [];
  for (const source of mapping.sources) {
    const supplies: string[] = [];
    if (source.spend !== null) supplies.push(`spend ('${source.spend.header}')`);
    for (const stage of mapping.stages) {
      for (const u of stage.supply) {
        if (u.source !== source.id) continue;
        const how = u.status ? `'${u.status.column.header}' is ${u.status.values.map((v) => `'${v}'`).join(" or ")}` : `'${u.column?.header ?? ""}'`;
        supplies.push(`${stage.name} (${how})`);
      }
    }
    if (source.revenue !== null) supplies.push(`revenue ('${source.revenue.header}')`);
    const channel = source.fixedChannel !== null ? `all one channel` : source.channel === null ? "no channel column" : `channel from '${source.channel.header}'`;
    rows.push(origin.row + cells.length);
    cells.push([
      source.sheetName,
      source.platform === null ? "" : PLATFORM_NAMES[source.platform],
      source.role === null ? "" : ROLES[source.role],
      `${supplies.join(", ")}; ${channel}`,
      report.sources.find((s) => s.name === source.sheetName)?.notes.rows ?? 0,
    ]);
    formats.push(["", "", "", "", FORMAT.count]);
  }
  return { block: { row: origin.row, column: origin.column, cells, formats, titleRows: [0], headerRows: [1] }, rows };
}
