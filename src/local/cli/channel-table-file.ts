// Reads and writes the channel table as a CSV (Source,Value,Channel): any encoding and delimiter the reading layer knows, a formula-looking text kept text for spreadsheets.
import { readFileSync } from "node:fs";
import type { NumberedChannelRow } from "../../kpi/channels/channel-table";
import { decodeBytes } from "../../reading/byte-decoder";
import { sniffDialect } from "../../reading/csv-dialect";
import { tokenizeCsv } from "../../reading/csv-tokenizer";
import { readChannelGrid } from "../../server/channel-map/channel-map-format";
import { InputError } from "./cli-errors";
import { writeOutput } from "./output-files";

/** A cell a spreadsheet would run as a formula when the CSV is opened: written with an apostrophe, which reading removes. */
const FORMULA_START = /^[=+\-@\t\r]/;

function fromCsv(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function readChannelTableFile(path: string): NumberedChannelRow[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read the --channels file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let { text } = decodeBytes(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const dialect = sniffDialect(text.slice(0, 64 * 1024));
  if (dialect.sepLine) text = text.slice(text.indexOf("\n") + 1);
  const grid = tokenizeCsv(text, dialect.delimiter).map((fields) => fields.map(fromCsv));
  const read = readChannelGrid(grid, path);
  if (!read.ok) throw new InputError(read.message);
  return read.rows;
}

export interface ChannelFileRow {
  source: string;
  value: string;
  channel: string;
  /** Why the row says what it says: a proposal's reason, or an unmatched value's rows. Ignored when read back. */
  why: string;
}

export function writeChannelTableFile(rows: readonly ChannelFileRow[], path: string): void {
  const lines = [["Source", "Value", "Channel", "Why"], ...rows.map((r) => [r.source, r.value, r.channel, r.why])].map((cells) => cells.map(csvField).join(","));
  writeOutput(path, `${lines.join("\r\n")}\r\n`);
}
