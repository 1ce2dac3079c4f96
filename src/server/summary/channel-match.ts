// How a channel row picks its rows: literally, by the report's grouping rule, in every spreadsheet engine.
import { channelKey, channelLabel, NO_CHANNEL, spreadsheetTrim } from "../../kpi/funnel/channel-label";
import type { CellValue } from "../../kpi/cells";

/**
 * `SUMIFS(..., kpi_channel, "="&A20)` is fast and literal for plain words, but a criterion of "TRUE",
 * "00123", "+1", "<>x", ">5", "=x" or one with * ? ~ is read as a boolean, a number, an operator or a
 * wildcard, and the engines disagree on which (HyperFormula refuses "=<>x"; LibreOffice matches "=TRUE"
 * against the number 1; all match "=00123" against 123). Such labels, and any channel whose cells
 * differ from its label by spaces (which SUMIFS would not trim as the report does), are matched with
 * `SUMPRODUCT((TRIM(kpi_channel&"")=A20)*...)`: a text comparison, case-insensitive like the report's
 * grouping, that no engine reads as anything but text.
 */
export type ChannelMatch = "criteria" | "comparison";

/** Letters first, then letters, single spaces and punctuation that no criterion parser gives a meaning. */
const PLAIN_LABEL = /^\p{L}(?:[\p{L}&'’.,()/_:-]| (?! ))*$/u;

export function isPlainLabel(label: string): boolean {
  return PLAIN_LABEL.test(label) && !/ $/.test(label) && !/^(true|false)$/i.test(label) && label !== NO_CHANNEL;
}

/** Per channel group (by folded label): whether every cell that fell in it is spelled exactly as a plain label. */
export function channelMatches(rows: readonly (readonly CellValue[])[], channelColumn: number): Map<string, ChannelMatch> {
  const clean = new Map<string, boolean>();
  const seen = new Map<CellValue, true>();
  for (const row of rows) {
    const raw = row?.[channelColumn];
    if (seen.has(raw)) continue;
    if (seen.size < 100_000 && !(raw instanceof Date)) seen.set(raw, true);
    const label = channelLabel(raw);
    const key = channelKey(label);
    const plain = typeof raw === "string" && spreadsheetTrim(raw) === raw && isPlainLabel(label);
    clean.set(key, (clean.get(key) ?? true) && plain);
  }
  return new Map([...clean].map(([key, plain]) => [key, plain ? "criteria" : "comparison"]));
}
