// The Channel map as a grid (a sheet the team edits, or a CSV): Source, Value, Channel under a header row, read as text and numbered as the team sees the rows.
import type { CellValue } from "../../kpi/cells";
import type { ChannelTableRow, NumberedChannelRow } from "../../kpi/channels/channel-table";
import { cellText } from "../../kpi/funnel/channel-label";

export const CHANNEL_MAP_SHEET_NAME = "Channel map";

/** The three columns, in the order the add-on writes them; a table may order them otherwise and add columns of its own. */
export const CHANNEL_MAP_HEADERS = ["Source", "Value", "Channel"] as const;

export type ChannelMapRead = { ok: true; rows: NumberedChannelRow[]; headerRow: number } | { ok: false; message: string };

function headerKey(cell: CellValue): string {
  return cellText(cell).trim().toLowerCase();
}

/**
 * The header is the first row that is not blank; it must name Source, Value and Channel. Every cell is
 * read as the text a spreadsheet's `&""` would make of it, so a number typed as a Value matches the same
 * number in the data. `where` names the table in the message ("channels.csv", "the Channel map sheet").
 */
export function readChannelGrid(grid: readonly (readonly CellValue[])[], where: string): ChannelMapRead {
  const headerIndex = grid.findIndex((row) => row.some((c) => cellText(c).trim() !== ""));
  if (headerIndex < 0) return { ok: false, message: `${where} is empty: it needs a header row Source, Value, Channel` };
  const header = grid[headerIndex].map(headerKey);
  const at = CHANNEL_MAP_HEADERS.map((h) => header.indexOf(h.toLowerCase()));
  if (at.some((i) => i < 0)) {
    const missing = CHANNEL_MAP_HEADERS.filter((_, i) => at[i] < 0).join(", ");
    const shown = grid[headerIndex].map((c) => cellText(c)).filter((t) => t !== "").map((t) => `'${t}'`).join(", ");
    return { ok: false, message: `${where}: row ${headerIndex + 1} should name the columns Source, Value and Channel; ${missing} ${missing.includes(",") ? "are" : "is"} missing (it holds ${shown})` };
  }
  const [source, value, channel] = at;
  const rows: NumberedChannelRow[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const row = grid[r];
    rows.push({ source: cellText(row[source]), value: cellText(row[value]), channel: cellText(row[channel]), row: r + 1 });
  }
  return { ok: true, rows, headerRow: headerIndex + 1 };
}

/** Rows as the add-on writes them under the header: text, in Source, Value, Channel order. */
export function channelGridRows(rows: readonly ChannelTableRow[]): string[][] {
  return rows.map((r) => [r.source, r.value, r.channel]);
}
