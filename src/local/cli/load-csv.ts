// Streams a CSV file into report rows without holding the whole text, with the first rows kept for auto-detect.
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { CellValue } from "../../kpi/cells";
import { SAMPLE_ROWS } from "../../server/mapping/auto-detect";
import { InputError } from "./cli-errors";
import { CsvCellReader } from "./csv-cells";
import { splitRecords } from "./csv-records";
import { type DataTable, type LoadOptions, headerText, isBlankRow } from "./data-table";

const CHUNK_BYTES = 1 << 20;

/** Binary files (a renamed .xlsx, an image) hold NUL bytes; text never does. */
function checkLooksLikeText(path: string): void {
  const probe = Buffer.alloc(4096);
  const fd = openSync(path, "r");
  try {
    const read = readSync(fd, probe, 0, probe.length, 0);
    if (probe.subarray(0, read).includes(0)) {
      throw new InputError(`${path} is not a CSV text file: it holds binary data (is it a spreadsheet saved under the wrong name?)`);
    }
  } finally {
    closeSync(fd);
  }
}

export async function loadCsvTable(path: string, options: LoadOptions): Promise<DataTable> {
  const size = statSync(path).size;
  if (size === 0) throw new InputError(`${path} is empty: there is no header row and no data`);
  checkLooksLikeText(path);
  const sheetName = options.sheet ?? basename(path, extname(path));
  const cells = new CsvCellReader();
  const rows: CellValue[][] = [];
  const sample: CellValue[][] = [];
  // An object, not `let`s: TypeScript does not see assignments made inside the callback.
  const state: { headers: string[] | null; headerRow: number | null; line: number } = { headers: null, headerRow: options.headerRow, line: 0 };
  const onRecord = (fields: string[]): void => {
    state.line++;
    if (state.headers === null) {
      if (state.headerRow === null && fields.every((f) => f.trim() === "")) return;
      if (state.headerRow !== null && state.line < state.headerRow) return;
      state.headerRow = state.line;
      state.headers = fields.map((f) => headerText(f));
      return;
    }
    const row: CellValue[] = new Array<CellValue>(fields.length);
    for (let c = 0; c < fields.length; c++) row[c] = cells.reportCell(fields[c]);
    rows.push(row);
    if (sample.length < SAMPLE_ROWS) sample.push(fields.map((f) => cells.sampleCell(f)));
  };

  const decoder = new StringDecoder("utf8");
  let carry = "";
  let bytes = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    let text = carry + decoder.write(buffer);
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    carry = text.slice(splitRecords(text, false, onRecord));
    options.onProgress?.(bytes / size);
  }
  splitRecords(carry + decoder.end(), true, onRecord);
  // Sheets drops trailing blank lines of an import; so does this.
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1])) rows.pop();

  const { headers, headerRow } = state;
  if (headers === null || headers.every((h) => h === "")) {
    throw new InputError(
      options.headerRow === null ? `${path} is empty: it holds only blank lines` : `${path} has nothing in row ${options.headerRow}, the header row`,
    );
  }
  if (rows.length === 0) throw new InputError(`${path} has a header row but no data rows below it`);
  return { sheetName, sheetNames: [sheetName], headerRow: headerRow ?? 1, headers, rows, sample };
}
