// The channel table (Source, Value, Channel): which raw value of which source is which of the team's channels, with the rules a row is read by.
import { spreadsheetTrim } from "../funnel/channel-label";

/** One row as the team writes it; a blank `value` covers every value of the source that no other row lists. */
export interface ChannelTableRow {
  source: string;
  value: string;
  channel: string;
}

/** A row with its position as the team sees it (a sheet row, a CSV line), so every message can name it. */
export interface NumberedChannelRow extends ChannelTableRow {
  row: number;
}

/**
 * How a value cell and a data cell are compared: trimmed as Sheets' TRIM trims, then case-insensitively,
 * as `=` compares text in a spreadsheet. Nothing else is folded, so the table means the same to src/kpi
 * and to the summary's formulas; looser matching ("paid_search" = "Paid Search") is the proposal's job.
 */
export function valueKey(text: string): string {
  return spreadsheetTrim(text).toLowerCase();
}

/** Sources are named by their sheet (or file) name, compared as Sheets finds a sheet: case-insensitively. */
export function sourceKey(text: string): string {
  return spreadsheetTrim(text).toLowerCase();
}

/** Two channel names are one channel when they read the same, ignoring case and outer spaces. */
export function channelKey(text: string): string {
  return spreadsheetTrim(text).toLowerCase();
}

export function isBlankRow(row: ChannelTableRow): boolean {
  return spreadsheetTrim(row.source) === "" && spreadsheetTrim(row.value) === "" && spreadsheetTrim(row.channel) === "";
}

/** Rows with their positions, counting from `firstRow` (2 under a header row). */
export function numberRows(rows: readonly ChannelTableRow[], firstRow: number): NumberedChannelRow[] {
  return rows.map((r, i) => ({ source: r.source, value: r.value, channel: r.channel, row: firstRow + i }));
}
