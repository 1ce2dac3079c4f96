// Turns CSV fields into cell values as the emulation's CSV import does: numbers, ISO dates, text.
import type { CellValue } from "../../kpi/cells";
import { isoToSerial } from "../emulation/dates";

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Repeated labels share one string; unique ids stop being remembered past this many. */
const MEMO_LIMIT = 10_000;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A base prefix ("0x1F", "0b1", "0o7") that Number() reads but a spreadsheet import does not. */
function hasBasePrefix(field: string): boolean {
  const c = field.charCodeAt(1) | 0x20;
  return c === 0x78 || c === 0x62 || c === 0x6f;
}

/** Days from 1899-12-30 to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * "YYYY-MM-DD" as a serial by integer arithmetic (Hinnant's days_from_civil): dates are a seventh of a
 * funnel export's cells, and a regex plus a Date per cell was most of the time spent reading one.
 */
export function isoDaySerial(text: string): number | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > monthDays) return undefined;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + UNIX_EPOCH_SERIAL;
}

export class CsvCellReader {
  private readonly strings = new Map<string, string>();

  /**
   * The value the funnel report reads: ISO dates become date serials, which the report takes as dates,
   * so a million rows allocate no Date objects.
   */
  reportCell(field: string): CellValue {
    if (field === "") return "";
    const first = field.charCodeAt(0);
    // Plain digits are most cells of a funnel export: Number() decides, the regex only for the rare rest.
    if (isDigit(first)) {
      const n = Number(field);
      if (n === n && n !== Infinity && !hasBasePrefix(field)) return n;
      if (field.length >= 10 && field.charCodeAt(4) === 45) {
        const serial = this.dateSerial(field);
        if (serial !== undefined) return serial;
      }
    } else if (first === 43 || first === 45 || first === 46 || first === 32) {
      const trimmed = field.trim();
      if (NUMBER.test(trimmed)) return Number(trimmed);
      const serial = isoToSerial(trimmed);
      if (serial !== undefined) return serial;
    }
    return this.intern(field);
  }

  /** The value auto-detect profiles: ISO dates stay text, which it reads as dates, since a bare number is a count there. */
  sampleCell(field: string): CellValue {
    if (field === "") return "";
    const trimmed = field.trim();
    if (NUMBER.test(trimmed)) return Number(trimmed);
    return field;
  }

  private dateSerial(field: string): number | undefined {
    return field.length === 10 ? isoDaySerial(field) : isoToSerial(field);
  }

  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < MEMO_LIMIT) this.strings.set(text, text);
    return text;
  }
}
