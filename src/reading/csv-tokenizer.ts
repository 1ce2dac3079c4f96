// An RFC 4180 tokenizer fed text in chunks: its state carries over, so each character is looked at once, however long a quoted field runs.
import type { Delimiter } from "./csv-dialect";

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: the next character says whether it was `""` or the closing quote. */
const QUOTE_SEEN = 3;

/**
 * Same reading as the emulation's CSV import: a quote opens a quoted field only at the field's start,
 * `""` inside it is one quote, characters after the closing quote belong to the same field, an unclosed
 * quote runs to the end of the text, and CR, LF or CRLF end a record. The array handed to `onRecord`
 * is reused for the next record: a caller that keeps it copies it (a million rows make no garbage arrays).
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private mode = FIELD_START;
  private field = "";
  /** The record being read: its first `count` slots; kept at the record's width, so equal widths reuse it untouched. */
  private readonly fields: string[] = [];
  private count = 0;
  private afterCr = false;
  /** Records handed over so far. */
  records = 0;

  constructor(
    delimiter: Delimiter,
    private readonly onRecord: (fields: string[]) => void,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** At a record's start, with nothing held over from the text before. */
  get idle(): boolean {
    return this.mode === FIELD_START && this.count === 0 && !this.afterCr;
  }

  /**
   * Reads `text` from `from`; with `oneRecord`, stops after the first record it completes and returns
   * where the next begins (text.length when the text ran out first, the record's rest held over).
   */
  push(text: string, from = 0, oneRecord = false): number {
    const n = text.length;
    const delim = this.delimiter;
    let i = from;
    if (i >= n) return n;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(i) === LF) i++;
    }
    const records = this.records;
    while (i < n) {
      if (oneRecord && this.records !== records) return i;
      switch (this.mode) {
        case FIELD_START: {
          if (text.charCodeAt(i) === QUOTE) {
            this.mode = QUOTED;
            i++;
            break;
          }
          // The common case, a whole unquoted field inside this chunk, goes straight into the record.
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (j >= n) {
            this.field = text.slice(i, j);
            this.mode = UNQUOTED;
            return n;
          }
          this.fields[this.count++] = j > i ? text.slice(i, j) : "";
          i = c === delim ? j + 1 : this.endOfRecord(text, j, c);
          break;
        }
        case UNQUOTED: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (j > i) this.field = this.field === "" ? text.slice(i, j) : this.field + text.slice(i, j);
          if (j >= n) return n;
          i = this.endOfField(text, j, c);
          break;
        }
        case QUOTED: {
          const q = text.indexOf('"', i);
          if (q < 0) {
            this.field += text.slice(i);
            return n;
          }
          if (q > i) this.field += text.slice(i, q);
          i = q + 1;
          this.mode = QUOTE_SEEN;
          break;
        }
        default:
          // QUOTE_SEEN
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            this.mode = QUOTED;
          } else this.mode = UNQUOTED;
      }
    }
    return n;
  }

  /** Ends the text: a last record without a line break is still a record. */
  end(): void {
    if (this.mode !== FIELD_START || this.count > 0) {
      this.fields[this.count++] = this.field;
      this.emit();
    }
    this.count = 0;
    this.field = "";
    this.mode = FIELD_START;
  }

  private emit(): void {
    const fields = this.fields;
    if (fields.length !== this.count) fields.length = this.count;
    this.records++;
    this.onRecord(fields);
    this.count = 0;
  }

  private endOfField(text: string, at: number, c: number): number {
    this.fields[this.count++] = this.field;
    this.field = "";
    this.mode = FIELD_START;
    if (c === this.delimiter) return at + 1;
    return this.endOfRecord(text, at, c);
  }

  /** The record's last field is in: hands it over and steps past CR, LF or CRLF. */
  private endOfRecord(text: string, at: number, c: number): number {
    this.emit();
    if (c === CR) {
      if (at + 1 >= text.length) {
        this.afterCr = true;
        return at + 1;
      }
      return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    }
    return at + 1;
  }
}

/** Every record of a whole text. */
export function tokenizeCsv(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(delimiter, (fields) => records.push([...fields]));
  tokenizer.push(text);
  tokenizer.end();
  return records;
}
