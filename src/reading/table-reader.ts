// Reads a table row by row (from a CSV tokenizer or a sheet's grid): finds the header, leaves out non-data rows, reads every column.
import type { CellValue } from "../kpi/cells";
import { ColumnReader, judgeColumn } from "./column-reader";
import { ColumnStore } from "./column-store";
import { PlainRecordScanner } from "./plain-records";
export { columnName } from "./column-name";
import { headerLanguage } from "./header-language";
import { DEFAULT_LOCALE, type ReadingLocale, readingLocale } from "./locale";
import { type ColumnReport, LISTED_ROWS, type ReadingReport, type SkippedRow } from "./reading-report";
import { cellText, dataRowSkip, findHeaderRow } from "./table-finder";

export interface TableReaderOptions {
  /** 1-based header row given by the user; null finds it. */
  headerRow: number | null;
  /** The tie-breaker given by the user or the spreadsheet; null guesses from the headers. */
  locale: ReadingLocale | null;
  /** Prefixes cell addresses ("Data!C7"); null for a file ("C7"). */
  sheetName?: string | null;
  /** The text's delimiter was a semicolon: what comma-decimal locales' spreadsheets write. */
  semicolonFile?: boolean;
  /** Rows scanned for the header; data rows sampled to judge each column. */
  scanRows?: number;
  sampleRows?: number;
  /** Keep the data rows in a ColumnStore (`finishColumns`) rather than an array per row (`finish`); for text input only. */
  columns?: boolean;
  /** About how many rows are coming, so a ColumnStore is made the right size at once. */
  expectedRows?: number;
}

export interface ReadTable<Rows = CellValue[][]> {
  headerRow: number;
  /** Trimmed header texts. */
  headers: string[];
  /** Rows below the header, row i being row headerRow + 1 + i; a skipped row is an empty array, so addresses stay true. */
  rows: Rows;
  report: ReadingReport;
}

const EMPTY_ROW: CellValue[] = [];

export class TableReader {
  private readonly buffer: CellValue[][] = [];
  private seen = 0;
  private headerIndex = -1;
  private headerReason = "";
  private headers: string[] = [];
  private foldedHeaders: string[] = [];
  private readers: ColumnReader[] | null = null;
  private readonly rows: CellValue[][] = [];
  private store: ColumnStore | null = null;
  private plain: PlainRecordScanner | null = null;
  private readonly skippedRows: SkippedRow[] = [];
  private skippedCount = 0;
  private readonly scanRows: number;
  private readonly sampleRows: number;
  private readonly prefix: string;

  constructor(private readonly options: TableReaderOptions) {
    this.scanRows = options.scanRows ?? 60;
    this.sampleRows = options.sampleRows ?? 500;
    this.prefix = options.sheetName ? `${options.sheetName}!` : "";
  }

  /** `row` is only read: a caller may reuse the array for its next row. */
  push(row: readonly CellValue[]): void {
    this.seen++;
    if (this.readers !== null) {
      this.dataRow(row, this.seen);
      return;
    }
    this.buffer.push([...row]);
    if (this.headerIndex < 0) {
      const given = this.options.headerRow;
      if (given !== null ? this.seen >= given : this.buffer.length >= this.scanRows) this.decideHeader();
    } else if (this.buffer.length - this.headerIndex - 1 >= this.sampleRows) this.startColumns();
  }

  /**
   * A CSV's fast lane: once a column store and the column readers are set, reads the clean records of
   * `text` from `from` directly (as `push` would) and returns where it stopped; `from` when it cannot yet.
   */
  pushPlainRecords(text: string, from: number, delimiter: string): number {
    if (this.store === null || this.readers === null) return from;
    this.plain ??= new PlainRecordScanner(delimiter.charCodeAt(0), this.readers, this.store, this.foldedHeaders);
    const next = this.plain.scan(text, from, this.seen + 1);
    this.seen += this.plain.taken;
    return next;
  }

  finish(): ReadTable {
    if (this.options.columns) throw new Error("TableReader: a reader that keeps columns finishes with finishColumns()");
    const { report, settle } = this.settleColumns();
    for (const column of settle) column((r, c, v) => (this.rows[r][c] = v));
    while (this.rows.length > 0 && this.rows[this.rows.length - 1].length === 0) this.rows.pop();
    return this.result(this.rows, this.rows.length, report);
  }

  finishColumns(): ReadTable<ColumnStore> {
    if (!this.options.columns) throw new Error("TableReader: a reader that keeps rows finishes with finish()");
    const { report, settle } = this.settleColumns();
    const store = this.store ?? new ColumnStore(this.headers.length);
    for (const column of settle) column((r, c, v) => store.set(r, c, v));
    store.dropTrailingLeftOut();
    return this.result(store, store.rowCount, report);
  }

  private settleColumns(): { report: (rowCount: number) => ReadingReport; settle: Array<(put: (row: number, column: number, value: number) => void) => void> } {
    if (this.headerIndex < 0) this.decideHeader();
    if (this.readers === null) this.startColumns();
    const locale = this.tieBreaker();
    const columns: ColumnReport[] = [];
    const settle = (this.readers ?? []).map((r) => (put: (row: number, column: number, value: number) => void) => {
      columns.push(r.settle(put, locale));
    });
    const report = (rowCount: number): ReadingReport => {
      const lastRow = this.headerIndex + 1 + rowCount;
      // Blank rows after the last data row are the file's end, not something left out.
      const listed = this.skippedRows.filter((s) => s.reason !== "blank" || s.row <= lastRow);
      return {
        headerRow: this.headerIndex + 1,
        headerReason: this.headerReason,
        skipped: listed,
        skippedCount: this.skippedCount - (this.skippedRows.length - listed.length),
        columns,
        encoding: null,
        dialect: null,
        locale: `${locale.tag}, ${locale.source}`,
      };
    };
    return { report, settle };
  }

  private result<Rows>(rows: Rows, rowCount: number, report: (rowCount: number) => ReadingReport): ReadTable<Rows> {
    return { headerRow: this.headerIndex + 1, headers: this.headers, rows, report: report(rowCount) };
  }

  private decideHeader(): void {
    const given = this.options.headerRow;
    if (given !== null) {
      this.headerIndex = Math.min(given, this.buffer.length) - 1;
      this.headerReason = `row ${given}, as given`;
      if (this.headerIndex < 0) {
        this.headerIndex = 0;
        return;
      }
    } else {
      const found = findHeaderRow(this.buffer);
      if (found === null) {
        const firstFilled = this.buffer.findIndex((r) => r.some((c) => cellText(c) !== ""));
        this.headerIndex = Math.max(firstFilled, 0);
        this.headerReason = "the first filled row: no row looks like a header of labels";
      } else {
        this.headerIndex = found.index;
        this.headerReason = found.reason;
        for (const s of found.skipped) this.note(s);
      }
    }
    const header = this.buffer[this.headerIndex] ?? [];
    this.headers = header.map((h) => cellText(h));
    this.foldedHeaders = this.headers.map((h) => h.toLowerCase());
    if (this.buffer.length - this.headerIndex - 1 >= this.sampleRows) this.startColumns();
  }

  private startColumns(): void {
    const data = this.buffer.slice(this.headerIndex + 1);
    const sample = data.filter((row, i) => dataRowSkip(row, this.foldedHeaders, this.headerIndex + 2 + i) === null);
    const columns = this.options.columns === true;
    this.readers = this.headers.map((header, c) => new ColumnReader(c, header, judgeColumn(header, sample.map((row) => row[c])), this.prefix, !columns));
    if (columns) this.store = new ColumnStore(this.headers.length, this.options.expectedRows);
    const firstNumber = this.headerIndex + 2;
    for (let i = 0; i < data.length; i++) this.dataRow(data[i], firstNumber + i);
    this.buffer.length = 0;
  }

  private dataRow(row: readonly CellValue[], rowNumber: number): void {
    const skip = dataRowSkip(row, this.foldedHeaders, rowNumber);
    const store = this.store;
    if (skip !== null) {
      this.note(skip);
      if (store !== null) store.addRow(0);
      else this.rows.push(EMPTY_ROW);
      return;
    }
    const readers = this.readers as ColumnReader[];
    if (store !== null) {
      const index = store.addRow(row.length);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        store.set(index, c, c >= readers.length || (typeof cell === "number" && readers[c].kind !== "date") ? cell : readers[c].read(cell, index, rowNumber));
      }
      return;
    }
    const index = this.rows.length;
    // An exact-size copy: arrays built by push carry spare capacity, a third of the memory of a million rows.
    const out = new Array<CellValue>(row.length);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      out[c] = c >= readers.length || (typeof cell === "number" && readers[c].kind !== "date") ? cell : readers[c].read(cell, index, rowNumber);
    }
    this.rows.push(out);
  }

  private note(s: SkippedRow): void {
    this.skippedCount++;
    if (this.skippedRows.length < LISTED_ROWS) this.skippedRows.push(s);
  }

  private tieBreaker(): ReadingLocale {
    if (this.options.locale !== null) return this.options.locale;
    const language = headerLanguage(this.headers);
    if (language !== null) {
      return readingLocale(language.language, `the headers' language (${language.name})`) ?? DEFAULT_LOCALE;
    }
    if (this.options.semicolonFile) {
      return { tag: "de-DE", decimal: ",", dayOrder: "DMY", source: "the semicolon delimiter, which comma-decimal spreadsheets write" };
    }
    return DEFAULT_LOCALE;
  }
}

/** Reads a whole grid at once (a sheet's values, an .xlsx sheet). */
export function readGrid(grid: readonly (readonly CellValue[])[], options: TableReaderOptions): ReadTable {
  const reader = new TableReader(options);
  for (const row of grid) reader.push(row);
  return reader.finish();
}
