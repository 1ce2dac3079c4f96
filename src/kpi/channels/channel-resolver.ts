// Looks up the channel of one source's raw value in a checked channel table: its own row, else the source's blank-Value row, else the value stays its own channel.
import { spreadsheetTrim } from "../funnel/channel-label";
import { isBlankRow, sourceKey, valueKey, type NumberedChannelRow } from "./channel-table";

/** `value`: a row lists it; `source`: the source's blank-Value row covers it; `unmatched`: no row does, it is its own channel. */
export type ChannelMatch = "value" | "source" | "unmatched";

export interface ResolvedValue {
  channel: string;
  by: ChannelMatch;
  /** The table row that decided it, or null for an unmatched value. */
  row: number | null;
}

/**
 * Call on a table checkChannelTable accepted (each value listed once). The lookup is what the summary's
 * formulas do: the row whose Source and Value equal the source and the value (trimmed, ignoring case).
 */
export function channelResolver(rows: readonly NumberedChannelRow[], source: string): (label: string) => ResolvedValue {
  const wanted = sourceKey(source);
  const byValue = new Map<string, NumberedChannelRow>();
  let fallback: NumberedChannelRow | null = null;
  for (const row of rows) {
    if (isBlankRow(row) || sourceKey(row.source) !== wanted || spreadsheetTrim(row.channel) === "") continue;
    const key = valueKey(row.value);
    if (key === "") {
      fallback ??= row;
    } else if (!byValue.has(key)) {
      byValue.set(key, row);
    }
  }
  const known = new Map<string, ResolvedValue>();
  return (label) => {
    const key = valueKey(label);
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const own = byValue.get(key);
    const resolved: ResolvedValue =
      own !== undefined
        ? { channel: spreadsheetTrim(own.channel), by: "value", row: own.row }
        : fallback !== null
          ? { channel: spreadsheetTrim(fallback.channel), by: "source", row: fallback.row }
          : { channel: spreadsheetTrim(label), by: "unmatched", row: null };
    if (known.size < 100_000) known.set(key, resolved);
    return resolved;
  };
}
