// An RFC 4180 record splitter that works on chunks of text, so a CSV never has to be one string in memory.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits `text` into records and hands each to `onRecord`. Returns how much of `text` was consumed:
 * unless `final`, a record cut off by the end of the chunk is left for the caller to prepend to the next one.
 * Same reading as the emulation's parseCsv: a quote opens a quoted field only at the field's start.
 */
export function splitRecords(text: string, final: boolean, onRecord: (fields: string[]) => void): number {
  const n = text.length;
  let i = 0;
  let recordStart = 0;
  let fields: string[] = [];
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let pieces = "";
      let segment = i + 1;
      let j = segment;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || (q + 1 >= n && !final)) {
          if (!final) return recordStart;
          // An unclosed quote runs to the end of the file, as parseCsv reads it.
          value = pieces + text.slice(segment, q === -1 ? n : q);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          pieces += text.slice(segment, q + 1);
          j = q + 2;
          segment = j;
          continue;
        }
        value = pieces + text.slice(segment, q);
        i = q + 1;
        break;
      }
      // Stray characters after a closing quote belong to the same field.
      const tail = i;
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      if (i > tail) value += text.slice(tail, i);
    } else {
      const start = i;
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      value = text.slice(start, i);
    }
    fields.push(value);
    if (i >= n) {
      if (!final) return recordStart;
      onRecord(fields);
      return n;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i >= n) {
        if (!final) return recordStart;
        fields.push("");
        onRecord(fields);
        return n;
      }
      continue;
    }
    if (c === CR) {
      if (i + 1 >= n && !final) return recordStart;
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else i++;
    onRecord(fields);
    fields = [];
    recordStart = i;
  }
  return n;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}
