// The fast lane for a CSV's clean records: every field unquoted and filled, numbers and ISO days read in place, straight into the column store.
import type { ColumnReader } from "./column-reader";
import { isoDayAt, plainNumberAt } from "./column-reader";
import type { ColumnStore } from "./column-store";
import { isTotalLabel } from "./row-words";
import { sameFolded } from "./table-finder";

const QUOTE = 34;
const LF = 10;
const CR = 13;
const HASH = 35;

const TEXT = 0;
const NUMBER = 1;
const DATE = 2;

/**
 * Takes records that the general path (tokenizer, dataRowSkip, ColumnReader.read) would read without a
 * doubt, and reads them the same way: exactly as many fields as the header, none quoted or blank, each
 * number cell a plain number and each date cell an ISO day (the readers' own quick paths), text cells with
 * no space or non-ASCII character at either end, a first cell that is no comment or total label, and no
 * cell equal to its header. Any other record stops it, at that record's start, for the general path.
 */
export class PlainRecordScanner {
  /** Records taken by the last `scan`. */
  taken = 0;
  private readonly width: number;
  private readonly kinds: Uint8Array;
  private readonly values: Float64Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly enabled: boolean;

  constructor(
    private readonly delimiter: number,
    private readonly readers: readonly ColumnReader[],
    private readonly store: ColumnStore,
    private readonly foldedHeaders: readonly string[],
  ) {
    this.width = readers.length;
    this.kinds = Uint8Array.from(readers, (r) => (r.kind === "number" ? NUMBER : r.kind === "date" ? DATE : TEXT));
    this.values = new Float64Array(this.width);
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
    // A header a number or date cell could equal ("2026") would make that row a repeated header: the general path decides.
    const numericHeader = foldedHeaders.some((h, c) => this.kinds[c] !== TEXT && /^[-\d.]+$/.test(h));
    this.enabled = this.width >= 2 && !numericHeader;
  }

  /** Reads records of `text` from `from`, the first being row `firstRowNumber`; returns where it stopped. */
  scan(text: string, from: number, firstRowNumber: number): number {
    this.taken = 0;
    if (!this.enabled) return from;
    const n = text.length;
    const delim = this.delimiter;
    const width = this.width;
    const { kinds, values, starts, ends, readers, store, foldedHeaders } = this;
    let i = from;
    while (i < n) {
      let p = i;
      for (let c = 0; c < width; c++) {
        const s = p;
        let ch = -1;
        while (p < n) {
          ch = text.charCodeAt(p);
          if (ch === delim || ch === LF || ch === CR || ch === QUOTE) break;
          p++;
        }
        // The text ran out, a quote, a blank field, or a record wider or narrower than the header.
        if (p >= n || ch === QUOTE || p === s) return i;
        if (c < width - 1 ? ch !== delim : ch === delim) return i;
        const kind = kinds[c];
        if (kind === NUMBER) {
          const v = plainNumberAt(text, s, p);
          if (v !== v) return i;
          values[c] = v;
        } else if (kind === DATE) {
          const v = isoDayAt(text, s, p);
          if (v !== v) return i;
          values[c] = v;
        } else {
          const a = text.charCodeAt(s);
          const z = text.charCodeAt(p - 1);
          // Spaces at the ends change what the general path compares; it trims.
          if (a <= 32 || a >= 127 || z <= 32 || z >= 127) return i;
          if (c === 0 && (a === HASH || isTotalLabel(text.slice(s, p)))) return i;
          const h = foldedHeaders[c];
          if (h !== undefined && h !== "" && p - s === h.length && sameFolded(text.slice(s, p), h)) return i;
        }
        starts[c] = s;
        ends[c] = p;
        p++;
      }
      // p is past the record's CR or LF; a CR at the text's end may have its LF in the next chunk.
      if (text.charCodeAt(p - 1) === CR) {
        if (p >= n) return i;
        if (text.charCodeAt(p) === LF) p++;
      }
      const rowNumber = firstRowNumber + this.taken;
      const row = store.addRow(width);
      for (let c = 0; c < width; c++) {
        if (kinds[c] === TEXT) store.set(row, c, text.slice(starts[c], ends[c]));
        else {
          store.set(row, c, values[c]);
          readers[c].tookQuick(values[c], rowNumber, text, starts[c], ends[c]);
        }
      }
      this.taken++;
      i = p;
    }
    return i;
  }
}
