// Checks a channel table against the funnel's sources: an unknown source, a blank channel, a value listed twice or mapped to two channels, each named by row.
import { spreadsheetTrim } from "../funnel/channel-label";
import { channelKey, isBlankRow, sourceKey, valueKey, type NumberedChannelRow } from "./channel-table";

export type ChannelProblemCode = "unknown-source" | "blank-source" | "duplicate-value" | "conflicting-value";

export interface ChannelProblem {
  code: ChannelProblemCode;
  /** The row the problem is found on (the later one for a repeat). */
  row: number;
  message: string;
}

function quote(text: string): string {
  return `"${text}"`;
}

function valueWords(value: string, source: string): string {
  return spreadsheetTrim(value) === "" ? `every other value of ${quote(source)} (the blank Value row)` : `${quote(spreadsheetTrim(value))} of ${quote(source)}`;
}

/**
 * `where` names the table in messages ("Channel map", "channels.csv"); `sources` are the funnel's source
 * names as the Source column should spell them. Blank rows are skipped. A row with a Value and no Channel
 * is a value listed for the team to place: it maps nothing, so it stays unmatched and repeats nothing.
 */
export function checkChannelTable(rows: readonly NumberedChannelRow[], sources: readonly string[], where: string): ChannelProblem[] {
  const problems: ChannelProblem[] = [];
  const known = new Map(sources.map((s) => [sourceKey(s), s]));
  const listing = sources.map(quote).join(", ");
  const seen = new Map<string, NumberedChannelRow>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const at = `${where} row ${row.row}`;
    const source = spreadsheetTrim(row.source);
    if (source === "") {
      problems.push({ code: "blank-source", row: row.row, message: `${at}: the Source is blank; write the sheet (or file) the value comes from` });
      continue;
    }
    const name = known.get(sourceKey(source));
    if (name === undefined) {
      problems.push({ code: "unknown-source", row: row.row, message: `${at}: source ${quote(source)} is not a source of this funnel (its sources are ${listing})` });
      continue;
    }
    if (spreadsheetTrim(row.channel) === "") continue;
    const key = `${sourceKey(source)}\u0000${valueKey(row.value)}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, row);
      continue;
    }
    if (channelKey(earlier.channel) === channelKey(row.channel)) {
      problems.push({
        code: "duplicate-value",
        row: row.row,
        message: `${where} rows ${earlier.row} and ${row.row} both map ${valueWords(row.value, name)} to ${quote(spreadsheetTrim(row.channel))}; keep one of them`,
      });
    } else {
      problems.push({
        code: "conflicting-value",
        row: row.row,
        message: `${where}: ${valueWords(row.value, name)} is mapped to two channels, ${quote(spreadsheetTrim(earlier.channel))} (row ${earlier.row}) and ${quote(spreadsheetTrim(row.channel))} (row ${row.row}); keep one`,
      });
    }
  }
  return problems;
}
