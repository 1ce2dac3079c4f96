// Streams a CSV file through the reading layer: bytes decoded as they come, the table found and its columns read, with the first rows kept for auto-detect.
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { ByteDecoder, NotUtf8Error, type TextEncodingName } from "../../reading/byte-decoder";
import type { ColumnStore } from "../../reading/column-store";
import { CsvTableReader } from "../../reading/csv-table";
import { detectionSample } from "../../reading/detection-sample";
import type { ReadTable } from "../../reading/table-reader";
import { SAMPLE_ROWS } from "../../server/mapping/auto-detect";
import { InputError } from "./cli-errors";
import type { DataTable, LoadOptions } from "./data-table";

const CHUNK_BYTES = 1 << 20;

/** Binary files (a renamed .xlsx, an image) hold NUL bytes; text never does, unless it is UTF-16. */
function checkLooksLikeText(path: string): void {
  const probe = Buffer.alloc(4096);
  const fd = openSync(path, "r");
  try {
    const read = readSync(fd, probe, 0, probe.length, 0);
    const head = probe.subarray(0, read);
    if (!head.includes(0)) return;
    const decoder = new ByteDecoder();
    decoder.write(head.subarray(0, Math.min(read, 512)));
    if (decoder.detected === "utf-16le" || decoder.detected === "utf-16be") return;
    throw new InputError(`${path} is not a CSV text file: it holds binary data (is it a spreadsheet saved under the wrong name?)`);
  } finally {
    closeSync(fd);
  }
}

async function readOnce(path: string, size: number, options: LoadOptions, assume: TextEncodingName | null): Promise<{ read: ReadTable<ColumnStore>; encoding: string }> {
  const decoder = new ByteDecoder(assume);
  const reader = new CsvTableReader({ headerRow: options.headerRow, locale: options.locale, sheetName: null, columns: true, textSize: size });
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    reader.push(decoder.write(buffer));
    options.onProgress?.(bytes / size);
  }
  reader.push(decoder.end());
  const encoding = `${decoder.detected ?? "utf-8"}${decoder.hadBom ? " with BOM" : ""}`;
  return { read: reader.finishColumns(encoding), encoding };
}

export async function loadCsvTable(path: string, options: LoadOptions): Promise<DataTable> {
  const size = statSync(path).size;
  if (size === 0) throw new InputError(`${path} is empty: there is no header row and no data`);
  checkLooksLikeText(path);
  const sheetName = options.sheet ?? basename(path, extname(path));
  let result: { read: ReadTable<ColumnStore>; encoding: string };
  try {
    result = await readOnce(path, size, options, null);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    // Bytes that are not UTF-8 somewhere in the file: read it again, all of it, as Windows-1252.
    result = await readOnce(path, size, options, "windows-1252");
    result.read.report.encoding = "windows-1252 (the bytes are not valid UTF-8)";
  }
  const { read } = result;
  const { headers, headerRow } = read;
  if (headers.length === 0 || headers.every((h) => h === "")) {
    throw new InputError(
      options.headerRow === null ? `${path} is empty: it holds only blank lines` : `${path} has nothing in row ${options.headerRow}, the header row`,
    );
  }
  if (read.rows.isEmpty()) throw new InputError(`${path} has a header row but no data rows below it`);
  return {
    sheetName,
    sheetNames: [sheetName],
    headerRow,
    headers,
    rows: read.rows,
    sample: detectionSample(read.rows, read.report.columns, SAMPLE_ROWS),
    reading: read.report,
  };
}
