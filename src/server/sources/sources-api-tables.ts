// The channel table a run uses: the wizard's edit, else the workbook's Channel map, else one proposed from each source's values.
import { isBlankRow, numberRows, type ChannelTableRow, type NumberedChannelRow } from "../../kpi/channels/channel-table";
import { channelKey } from "../../kpi/channels/channel-table";
import { proposeChannelTable, type SourceToAlign } from "../../kpi/channels/propose-channel-table";
import { channelLabel, NO_CHANNEL } from "../../kpi/funnel/channel-label";
import { readChannelMap } from "../channel-map/channel-map-sheet";
import type { SourcedMapping } from "../mapping/source-types";
import type { SourceSheets } from "./source-sheets";

export type TableFrom = "wizard" | "sheet" | "proposed";

function toAlign(mapping: SourcedMapping, sheets: SourceSheets): SourceToAlign[] {
  return mapping.sources.map((s) => {
    const rows = sheets.data(s)?.rows ?? [];
    const values: string[] = [];
    if (s.channel !== null && s.fixedChannel === null) {
      const seen = new Set<string>();
      for (const row of rows) {
        if (row.length === 0) continue;
        const label = channelLabel(row[s.channel.index]);
        if (label === NO_CHANNEL || seen.has(channelKey(label))) continue;
        seen.add(channelKey(label));
        values.push(label);
      }
    }
    return { source: s.sheetName, platform: s.platform, channelKind: s.fixedChannel === null && s.channel !== null ? s.channelKind ?? "channel" : null, fixedChannel: s.fixedChannel, paid: s.spend !== null, values };
  });
}

/** The table a run uses: sent by the wizard, else the sheet's, else proposed from the data. */
export function channelTableFor(mapping: SourcedMapping, sent: readonly ChannelTableRow[] | null, sheets: SourceSheets): { rows: NumberedChannelRow[]; reasons: Array<string | null>; from: TableFrom; problem: string | null } {
  if (sent !== null) {
    // Numbered as the Channel map will hold them: blank rows are not written.
    const kept = sent.filter((r) => !isBlankRow(r));
    return { rows: numberRows(kept, 2), reasons: kept.map(() => null), from: "wizard", problem: null };
  }
  const sheet = readChannelMap();
  if (sheet !== null) return { rows: sheet.rows, reasons: sheet.rows.map(() => null), from: "sheet", problem: sheet.problem };
  const proposed = proposeChannelTable(toAlign(mapping, sheets));
  return { rows: numberRows(proposed, 2), reasons: proposed.map((p) => p.reason), from: "proposed", problem: null };
}

