// A CSV's data sheet for --out without the formula engine: read by the generator from the column store, written to the file record by record in a second pass over the CSV.
import { createReadStream } from "node:fs";
import { asGrid } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import { ByteDecoder } from "../../reading/byte-decoder";
import { sniffDialect } from "../../reading/csv-dialect";
import { CsvTokenizer } from "../../reading/csv-tokenizer";
import type { SheetValue } from "../../server/apps-script-api";
import type { Box } from "../emulation/a1";
import { serialToDate } from "../emulation/dates";
import type { UnmaterialisedValues } from "../emulation";
import type { DataTable } from "./data-table";

const CHUNK_BYTES = 1 << 20;
/** The sniffer reads this much of the text, as the reading layer does. */
const SNIFF_CHARS = 64 * 1024;

/** The records of a CSV as the reading layer split them: same encoding, dialect, sep= line and BOM handling. */
async function* csvRecords(path: string, windows1252: boolean): AsyncGenerator<string[][]> {
  const decoder = new ByteDecoder(windows1252 ? "windows-1252" : null);
  let head = "";
  let tokenizer: CsvTokenizer | null = null;
  let batch: string[][] = [];
  const start = (text: string): CsvTokenizer => {
    let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const dialect = sniffDialect(body);
    if (dialect.sepLine) body = body.slice(body.indexOf("\n") + 1);
    const made = new CsvTokenizer(dialect.delimiter, (fields) => batch.push([...fields]));
    made.push(body);
    return made;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const text = decoder.write(chunk as Buffer);
    if (tokenizer === null) {
      head += text;
      if (head.length < SNIFF_CHARS) continue;
      tokenizer = start(head);
      head = "";
    } else tokenizer.push(text);
    yield batch;
    batch = [];
  }
  const rest = decoder.end();
  if (tokenizer === null) tokenizer = start(head + rest);
  else tokenizer.push(rest);
  tokenizer.end();
  yield batch;
}

/** Text as the file has it: an empty field is a blank cell. */
function asText(field: string): string | null {
  return field === "" ? null : field;
}

/**
 * The data sheet of an --out from a CSV, as `loadCsv` would have put it in a sheet: rows above the header and
 * rows left out (totals, repeated headers) as their text, the header as text, data rows with the values the
 * report counted (numbers, a date column's days as dates). `values` serves the generator's reads; `fileRows`
 * reads the CSV again for the file, so no row is held longer than it takes to write it.
 */
export async function csvDataSheet(table: DataTable, path: string, timeZone: string, onRead?: (fraction: number) => void): Promise<UnmaterialisedValues> {
  const grid = asGrid(table.rows);
  const windows1252 = table.reading?.encoding?.startsWith("windows-1252") ?? false;
  const dateColumns = new Set((table.reading?.columns ?? []).filter((c) => c.kind === "date").map((c) => c.index + 1));
  // The rows down to the header, for reads of the top of the sheet.
  const head: string[][] = [];
  read: for await (const records of csvRecords(path, windows1252)) {
    for (const record of records) {
      head.push(record);
      if (head.length >= table.headerRow) break read;
    }
  }
  let columns = Math.max(table.headers.length, ...head.map((r) => r.length));
  for (let r = 0; r < grid.rowCount; r++) columns = Math.max(columns, grid.rowWidth(r));
  const rows = table.headerRow + grid.rowCount;

  // A day's Date made once: reading a time zone's offset costs more than the rest of a cell, and days repeat.
  const dates = new Map<number, Date>();
  const dateOf = (serial: number): Date => {
    let date = dates.get(serial);
    if (date === undefined) {
      date = serialToDate(serial, timeZone);
      if (dates.size < 100_000) dates.set(serial, date);
    }
    return date;
  };
  const sheetValue = (cell: CellValue, column: number): SheetValue => {
    if (typeof cell === "number") return dateColumns.has(column) ? dateOf(cell) : cell;
    if (typeof cell === "string" || typeof cell === "boolean") return cell;
    return "";
  };
  const values = (box: Box): SheetValue[][] =>
    Array.from({ length: box.numRows }, (_, i) => {
      const r = box.row + i;
      if (i % 50_000 === 0) onRead?.(i / box.numRows);
      const out = new Array<SheetValue>(box.numColumns).fill("");
      if (r <= table.headerRow) {
        const record = head[r - 1] ?? [];
        for (let c = 0; c < box.numColumns; c++) out[c] = record[box.column - 1 + c] ?? "";
        return out;
      }
      const d = r - table.headerRow - 1;
      const width = grid.rowWidth(d);
      for (let c = 0; c < box.numColumns; c++) {
        const column = box.column + c;
        if (column <= width) out[c] = sheetValue(grid.cell(d, column - 1), column);
      }
      return out;
    });

  async function* fileRows(): AsyncGenerator<readonly (number | string | null)[]> {
    let r = 0;
    for await (const records of csvRecords(path, windows1252)) {
      for (const record of records) {
        const d = r - table.headerRow;
        r++;
        const width = d >= 0 ? grid.rowWidth(d) : 0;
        if (width === 0) {
          yield record.map(asText);
          continue;
        }
        const cells = new Array<number | string | null>(Math.max(width, record.length));
        for (let c = 0; c < cells.length; c++) {
          if (c >= width) {
            cells[c] = asText(record[c] ?? "");
            continue;
          }
          const cell = grid.cell(d, c);
          cells[c] = typeof cell === "number" ? cell : typeof cell === "string" ? asText(cell) : null;
        }
        yield cells;
      }
    }
  }

  return { rows, columns, values, fileRows, dateColumns };
}
