// Settles the channel table of a multi-source run: a --channels file, the workbook's Channel map, or the proposed one; checked against the sources, every problem named.
import { asGrid } from "../../kpi/cell-grid";
import { channelKey, sourceKey, type NumberedChannelRow } from "../../kpi/channels/channel-table";
import { checkChannelTable } from "../../kpi/channels/channel-table-check";
import { proposeChannelTable, type SourceToAlign } from "../../kpi/channels/propose-channel-table";
import { channelLabel, NO_CHANNEL } from "../../kpi/funnel/channel-label";
import { CHANNEL_MAP_SHEET_NAME, readChannelGrid } from "../../server/channel-map/channel-map-format";
import type { SourcedMapping } from "../../server/mapping/source-types";
import type { CellValue } from "../../kpi/cells";
import { InputError } from "./cli-errors";
import { readChannelTableFile } from "./channel-table-file";
import type { LoadedSource } from "./sources-load";
import type { ChannelTableLine } from "./sources-run";

export interface ChannelsChoice {
  source: "file" | "workbook" | "proposed";
  from: string | null;
  rows: NumberedChannelRow[];
  lines: ChannelTableLine[];
}

/** The distinct values of each source's channel column, in the order they first appear. */
export function sourcesToAlign(mapping: SourcedMapping, loaded: readonly LoadedSource[]): SourceToAlign[] {
  const byName = new Map(loaded.map((l) => [l.name.toLowerCase(), l]));
  return mapping.sources.map((s) => {
    const rows = asGrid(byName.get(s.sheetName.toLowerCase())?.table.rows ?? []);
    const values: string[] = [];
    if (s.channel !== null && s.fixedChannel === null) {
      const seen = new Set<string>();
      for (let r = 0; r < rows.rowCount; r++) {
        if (rows.rowWidth(r) === 0) continue;
        const label = channelLabel(rows.cell(r, s.channel.index));
        const key = channelKey(label);
        if (label === NO_CHANNEL || seen.has(key)) continue;
        seen.add(key);
        values.push(label);
      }
    }
    return { source: s.sheetName, platform: s.platform, channelKind: s.fixedChannel === null && s.channel !== null ? s.channelKind ?? "channel" : null, fixedChannel: s.fixedChannel, paid: s.spend !== null, values };
  });
}

/** A --channels file may name a CSV source by its file name ("google-ads.csv"); the table names it by its sheet name. */
function bySheetNames(rows: readonly NumberedChannelRow[], loaded: readonly LoadedSource[]): NumberedChannelRow[] {
  const names = new Map<string, string>();
  for (const l of loaded) {
    names.set(sourceKey(l.label), l.name);
    names.set(sourceKey(l.name), l.name);
  }
  return rows.map((r) => ({ ...r, source: names.get(sourceKey(r.source)) ?? r.source }));
}

function checked(rows: NumberedChannelRow[], mapping: SourcedMapping, where: string, loaded: readonly LoadedSource[]): NumberedChannelRow[] {
  const inFunnel = new Set(mapping.sources.map((s) => s.sheetName.toLowerCase()));
  const named = loaded.filter((l) => inFunnel.has(l.name.toLowerCase())).map((l) => (l.label === l.name ? l.name : `${l.label}" or "${l.name}`));
  const problems = checkChannelTable(rows, mapping.sources.map((s) => s.sheetName), where);
  if (problems.length === 0) return rows;
  const list = problems.map((p) => `  - ${p.message}`).join("\n");
  const hint = problems.some((p) => p.code === "unknown-source") ? `\n\nSources are named ${named.map((n) => `"${n}"`).join(", ")}.` : "";
  throw new InputError(`the channel table cannot be used; nothing was written:\n${list}${hint}`);
}

export function chooseChannels(
  path: string | null, mapping: SourcedMapping, loaded: readonly LoadedSource[], channelMap: readonly (readonly CellValue[])[] | null, workbookPath: string | null,
): ChannelsChoice {
  if (path !== null) {
    const rows = checked(bySheetNames(readChannelTableFile(path), loaded), mapping, path, loaded);
    return { source: "file", from: path, rows, lines: rows.map((r) => ({ source: r.source, value: r.value, channel: r.channel, why: `${path} row ${r.row}`, row: r.row })) };
  }
  if (channelMap !== null && workbookPath !== null) {
    const where = `${workbookPath} sheet "${CHANNEL_MAP_SHEET_NAME}"`;
    const read = readChannelGrid(channelMap, where);
    if (!read.ok) throw new InputError(read.message);
    const rows = checked(read.rows, mapping, where, loaded);
    return { source: "workbook", from: where, rows, lines: rows.map((r) => ({ source: r.source, value: r.value, channel: r.channel, why: `${CHANNEL_MAP_SHEET_NAME} row ${r.row}`, row: r.row })) };
  }
  const proposed = proposeChannelTable(sourcesToAlign(mapping, loaded));
  const rows = proposed.map((p, i) => ({ source: p.source, value: p.value, channel: p.channel, row: i + 2 }));
  return { source: "proposed", from: null, rows, lines: proposed.map((p) => ({ source: p.source, value: p.value, channel: p.channel, why: p.reason, row: null })) };
}
