// Reads CSV text, chunk by chunk, into a table: the dialect sniffed from the first chunk, then tokenizer and table reader in one pass.
import type { ColumnStore } from "./column-store";
import { type CsvDialect, delimiterName, sniffDialect } from "./csv-dialect";
import { CsvTokenizer } from "./csv-tokenizer";
import { type ReadTable, TableReader, type TableReaderOptions } from "./table-reader";

/** Text held back until this much has arrived, so the dialect is judged on whole lines. */
const SNIFF_CHARS = 64 * 1024;

export class CsvTableReader {
  private head = "";
  private dialect: CsvDialect | null = null;
  private tokenizer: CsvTokenizer | null = null;
  private table: TableReader | null = null;

  /** `textSize`: about how long the whole text is (a file's bytes), to size a ColumnStore from the lines of the first chunk. */
  constructor(private readonly options: Omit<TableReaderOptions, "semicolonFile" | "expectedRows"> & { textSize?: number }) {}

  push(text: string): void {
    if (this.tokenizer !== null) {
      this.feed(text);
      return;
    }
    this.head += text;
    if (this.head.length >= SNIFF_CHARS) this.start();
  }

  finish(encoding: string | null): ReadTable {
    return this.described(this.end().finish(), encoding);
  }

  /** The same table with its rows in a ColumnStore; the reader must have been made with `columns: true`. */
  finishColumns(encoding: string | null): ReadTable<ColumnStore> {
    return this.described(this.end().finishColumns(), encoding);
  }

  private end(): TableReader {
    if (this.tokenizer === null) this.start();
    (this.tokenizer as CsvTokenizer).end();
    return this.table as TableReader;
  }

  private described<T extends ReadTable<unknown>>(read: T, encoding: string | null): T {
    const dialect = this.dialect as CsvDialect;
    read.report.encoding = encoding;
    read.report.dialect = `${delimiterName(dialect.delimiter)}-separated: ${dialect.reason}`;
    return read;
  }

  private start(): void {
    let text = this.head;
    this.head = "";
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const dialect = sniffDialect(text);
    this.dialect = dialect;
    if (dialect.sepLine) text = text.slice(text.indexOf("\n") + 1);
    const table = new TableReader({ ...this.options, semicolonFile: dialect.delimiter === ";", expectedRows: expectedRows(text, this.options.textSize) });
    this.table = table;
    this.tokenizer = new CsvTokenizer(dialect.delimiter, (fields) => table.push(fields));
    this.feed(text);
  }

  /** Clean records go by the table's fast lane; the tokenizer takes each other record, and whatever comes before the lane opens. */
  private feed(text: string): void {
    const tokenizer = this.tokenizer as CsvTokenizer;
    const table = this.table as TableReader;
    const delimiter = (this.dialect as CsvDialect).delimiter;
    if (!this.options.columns) {
      tokenizer.push(text);
      return;
    }
    let i = 0;
    while (i < text.length) {
      if (tokenizer.idle) i = table.pushPlainRecords(text, i, delimiter);
      if (i < text.length) i = tokenizer.push(text, i, true);
    }
  }
}

/** Lines in the whole text if the rest is like its first chunk, with a tenth to spare. */
function expectedRows(head: string, textSize: number | undefined): number {
  if (textSize === undefined || head.length === 0) return 0;
  let lines = 1;
  for (let i = head.indexOf("\n"); i >= 0; i = head.indexOf("\n", i + 1)) lines++;
  return Math.ceil((textSize / head.length) * lines * 1.1);
}

/** A whole CSV text as a table. */
export function readCsvText(text: string, options: Omit<TableReaderOptions, "semicolonFile">, encoding: string | null = null): ReadTable {
  const reader = new CsvTableReader(options);
  reader.push(text);
  return reader.finish(encoding);
}
