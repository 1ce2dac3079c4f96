// Reads one column's cells: decides from a sample what the column holds, converts each cell, and settles separators and day order from all of them.
import type { CellValue } from "../kpi/cells";
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from "../kpi/dates";
import { daySerial, isValidDay } from "./calendar";
import { columnName } from "./column-name";
import { readDateText } from "./date-text";
import type { DayOrder, DecimalSeparator, ReadingLocale } from "./locale";
import { readNumberText } from "./number-text";
import { type CellSample, type ColumnKind, type ColumnReport, LISTED_CELLS } from "./reading-report";
import { headerSaysDate } from "./row-words";

/** Distinct labels remembered per column; unique ids past this many are kept as they come. */
const MEMO_LIMIT = 10_000;

/** Numbers read as date serials under a date header: 1954-09-03 to 2119-01-08. */
const PLAUSIBLE_SERIALS = [20_000, 80_000] as const;

/** Share of a sample's filled cells that must agree before a column is called numbers or dates. */
const MAJORITY = 0.8;

function isEmpty(value: CellValue): boolean {
  return value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Google Ads writes "--" and " --" for "no value": blank, not unreadable. */
function isPlaceholder(text: string): boolean {
  const t = text.trim();
  return t === "--" || t === "-" || t === "—" || t === "–";
}

class PendingCells {
  count = 0;
  private rows = new Int32Array(256);
  private first = new Float64Array(256);
  private second = new Float64Array(256);

  add(row: number, first: number, second: number): void {
    if (this.count === this.rows.length) {
      const size = this.rows.length * 2;
      this.rows = grown(this.rows, new Int32Array(size));
      this.first = grown(this.first, new Float64Array(size));
      this.second = grown(this.second, new Float64Array(size));
    }
    this.rows[this.count] = row;
    this.first[this.count] = first;
    this.second[this.count] = second;
    this.count++;
  }

  apply(put: (row: number, column: number, value: number) => void, column: number, useSecond: boolean): void {
    const values = useSecond ? this.second : this.first;
    for (let k = 0; k < this.count; k++) put(this.rows[k], column, values[k]);
    this.count = 0;
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Counts cells of one kind and keeps the first few with their address, made only for those few. */
class Samples {
  count = 0;
  readonly cells: CellSample[] = [];
  constructor(private readonly addressOf: (rowNumber: number) => string) {}
  add(rowNumber: number, text: string): void {
    this.count++;
    if (this.cells.length < LISTED_CELLS) this.cells.push({ address: this.addressOf(rowNumber), text });
  }
  /** The same for `text` from `from` to `to`, cut out only for the few cells kept. */
  addSpan(rowNumber: number, text: string, from: number, to: number): void {
    this.count++;
    if (this.cells.length < LISTED_CELLS) this.cells.push({ address: this.addressOf(rowNumber), text: text.slice(from, to) });
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** 10^0 .. 10^15, every one exact in a double. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The common case read without the general parser: digits with at most one point whose reading cannot be
 * a thousands group ("12", "45.50", "0.125", "1234.567"), here `text` from `from` to `to`. NaN sends the
 * cell to the general parser. At most 15 characters, so the digits make an integer below 2^53 and the power
 * of ten is exact: one division of two exact doubles is correctly rounded, the same double Number(text) gives.
 */
export function plainNumberAt(text: string, from: number, to: number): number {
  const n = to - from;
  if (n <= 0 || n > 15) return Number.NaN;
  const start = text.charCodeAt(from) === 45 ? from + 1 : from;
  let dot = -1;
  let digits = 0;
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0) return Number.NaN;
      dot = i;
    } else if (c >= 48 && c <= 57) digits = digits * 10 + (c - 48);
    else return Number.NaN;
  }
  if (dot === start || dot === to - 1 || start === to) return Number.NaN;
  // "1.200" could be 1.2 or 1200: the general parser reports it.
  if (dot > 0 && to - dot - 1 === 3 && dot - start <= 3 && !(dot - start === 1 && text.charCodeAt(start) === 48)) return Number.NaN;
  const value = dot < 0 ? digits : digits / POWERS_OF_TEN[to - dot - 1];
  return start > from ? -value : value;
}

/** "YYYY-MM-DD" (here `text` from `from`) as a serial without a regex: a seventh of a funnel export's cells are such dates. */
export function isoDayAt(text: string, from: number, to: number): number {
  if (to - from !== 10 || text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return Number.NaN;
  let y = 0;
  for (let i = from; i < from + 4; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return Number.NaN;
    y = y * 10 + c - 48;
  }
  const m0 = text.charCodeAt(from + 5);
  const m1 = text.charCodeAt(from + 6);
  const d0 = text.charCodeAt(from + 8);
  const d1 = text.charCodeAt(from + 9);
  if (!isDigit(m0) || !isDigit(m1) || !isDigit(d0) || !isDigit(d1)) return Number.NaN;
  const m = (m0 - 48) * 10 + m1 - 48;
  const d = (d0 - 48) * 10 + d1 - 48;
  return isValidDay(y, m, d) ? daySerial(y, m, d) : Number.NaN;
}

/** How the sample of a column was judged. */
export function judgeColumn(header: string, sample: readonly CellValue[]): ColumnKind {
  let filled = 0;
  let numbers = 0;
  let dates = 0;
  let compact = 0;
  let serials = 0;
  for (const cell of sample) {
    if (isEmpty(cell)) continue;
    if (typeof cell === "string" && isPlaceholder(cell)) continue;
    filled++;
    if (cell instanceof Date) {
      dates++;
      continue;
    }
    if (typeof cell === "number") {
      numbers++;
      if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 22_001_231 && readDateText(String(cell))?.kind === "compact") compact++;
      // Days from 1954 to 2119: a week number (1..53) or a day of the month under "Week" or "Day" is no date.
      if (cell >= PLAUSIBLE_SERIALS[0] && cell <= PLAUSIBLE_SERIALS[1]) serials++;
      continue;
    }
    if (typeof cell !== "string") continue;
    const date = readDateText(cell);
    if (date !== null && date.kind !== "compact") {
      dates++;
      continue;
    }
    if (date !== null) compact++;
    if (readNumberText(cell) !== null) numbers++;
  }
  if (filled === 0) return "empty";
  const needed = MAJORITY * filled;
  const saysDate = headerSaysDate(header);
  if (dates >= needed) return "date";
  // 20260923 is a date only under a date header (GA4's "Date"); an id column of such numbers stays numbers.
  if (compact >= needed && saysDate) return "date";
  if (saysDate && serials >= needed && dates + serials >= needed) return "date";
  if (numbers >= needed) return "number";
  return "text";
}

/**
 * One column of a table. `read` converts a cell as soon as its reading is certain and leaves it as its
 * text when it hangs on the column's decimal separator or day order, recording where; `settle` then
 * decides those from every cell of the column (the locale only when the column cannot) and rewrites them.
 */
export class ColumnReader {
  private dotEvidence = 0;
  private commaEvidence = 0;
  private dmyEvidence = 0;
  private mdyEvidence = 0;
  /** Cells waiting for the column's decision: where they are and their two readings, in flat arrays (no object per cell). */
  private readonly pending = new PendingCells();
  private readonly unreadable = new Samples((row) => this.address(row));
  private readonly fromText = new Samples((row) => this.address(row));
  private ambiguousExample: CellSample | null = null;
  private monthCells = 0;
  private compactCells = 0;
  private serialCells = 0;
  decimal: DecimalSeparator | null = null;
  dayOrder: DayOrder | null = null;

  private readonly letter: string;
  private readonly strings = new Map<string, string>();

  constructor(
    readonly index: number,
    readonly header: string,
    readonly kind: ColumnKind,
    private readonly prefix = "",
    /** False when the caller's store shares repeated labels itself (a ColumnStore). */
    private readonly shareLabels = true,
  ) {
    this.letter = columnName(index);
  }

  private address(rowNumber: number): string {
    return `${this.prefix}${this.letter}${rowNumber}`;
  }

  /**
   * The cell's value as the report reads it: numbers, dates as serials; text that could not be read stays
   * text. `rowIndex` is where the caller keeps the row (for `settle`), `rowNumber` the row users see.
   */
  read(value: CellValue, rowIndex: number, rowNumber: number): CellValue {
    if (typeof value !== "string") {
      if (this.kind === "date" && typeof value === "number") return this.nativeDateNumber(value, rowNumber);
      return value;
    }
    if (this.kind === "text" || this.kind === "empty") return this.shareLabels ? this.intern(value) : value;
    if (this.kind === "number") {
      const quick = plainNumberAt(value, 0, value.length);
      if (quick === quick) {
        this.fromText.add(rowNumber, value);
        if (quick !== Math.trunc(quick)) this.dotEvidence++;
        return quick;
      }
    } else {
      const quick = isoDayAt(value, 0, value.length);
      if (quick === quick) {
        this.fromText.add(rowNumber, value);
        return quick;
      }
    }
    const text = value.trim();
    if (text === "" || isPlaceholder(text)) return "";
    if (this.kind === "number") {
      const reading = readNumberText(text);
      if (reading === null) {
        this.unreadable.add(rowNumber, text);
        return value;
      }
      this.fromText.add(rowNumber, text);
      if (reading.kind === "exact") {
        if (reading.decimal === ".") this.dotEvidence++;
        else if (reading.decimal === ",") this.commaEvidence++;
        return reading.value;
      }
      this.ambiguousExample ??= { address: this.address(rowNumber), text };
      this.pending.add(rowIndex, reading.ifDot, reading.ifComma);
      return value;
    }
    const reading = readDateText(text);
    if (reading === null) {
      this.unreadable.add(rowNumber, text);
      return value;
    }
    this.fromText.add(rowNumber, text);
    if (reading.kind === "ambiguous") {
      this.ambiguousExample ??= { address: this.address(rowNumber), text };
      this.pending.add(rowIndex, reading.dmy, reading.mdy);
      return value;
    }
    if (reading.kind === "compact") this.compactCells++;
    else {
      if (reading.order === "DMY") this.dmyEvidence++;
      else if (reading.order === "MDY") this.mdyEvidence++;
      if (reading.month) this.monthCells++;
    }
    return reading.serial;
  }

  /**
   * What `read` records for a cell its quick reader took (a plain number or an ISO day), for a caller that
   * ran that reader on the text in place: `value` is what the reader returned for `text` from `from` to `to`.
   */
  tookQuick(value: number, rowNumber: number, text: string, from: number, to: number): void {
    this.fromText.addSpan(rowNumber, text, from, to);
    if (this.kind === "number" && value !== Math.trunc(value)) this.dotEvidence++;
  }

  /**
   * Repeated labels share one string. A field sliced from a chunk of text keeps the whole chunk alive,
   * so a million channel names would otherwise pin the file's text in memory.
   */
  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < MEMO_LIMIT) this.strings.set(text, text);
    return text;
  }

  private nativeDateNumber(value: number, rowNumber: number): CellValue {
    if (Number.isInteger(value) && value >= 19_000_101 && value <= 22_001_231) {
      const compact = readDateText(String(value));
      if (compact !== null && compact.kind === "compact") {
        this.compactCells++;
        return compact.serial;
      }
    }
    if (value >= MIN_DATE_SERIAL && value <= MAX_DATE_SERIAL) {
      this.serialCells++;
      return value;
    }
    this.unreadable.add(rowNumber, String(value));
    return value;
  }

  /** Decides what the column could not, rewrites the cells left as text, and says what was assumed. */
  settle(put: (row: number, column: number, value: number) => void, locale: ReadingLocale): ColumnReport {
    const assumptions: string[] = [];
    let mixed: string | null = null;
    if (this.kind === "number") {
      const dot = this.dotEvidence;
      const comma = this.commaEvidence;
      if (dot > 0 || comma > 0) {
        this.decimal = dot >= comma ? "." : ",";
        if (dot > 0 && comma > 0) {
          mixed = `${dot} cells write a decimal point and ${comma} a decimal comma; each was read as written, and values like '1.200' with a decimal ${this.decimal === "." ? "point" : "comma"}, the column's majority`;
        }
      } else if (this.pending.count > 0) {
        this.decimal = locale.decimal;
        const example = this.ambiguousExample;
        assumptions.push(
          `decimal ${locale.decimal === "," ? "comma" : "point"} from ${locale.tag}, ${locale.source}: no value in the column settles it, and ${this.pending.count} like ${example === null ? "" : `'${example.text}' (${example.address}) `}could be read either way`,
        );
      }
    } else if (this.kind === "date") {
      const dmy = this.dmyEvidence;
      const mdy = this.mdyEvidence;
      if (dmy > 0 || mdy > 0) {
        this.dayOrder = dmy >= mdy ? "DMY" : "MDY";
        if (dmy > 0 && mdy > 0) {
          mixed = `${dmy} cells can only be day/month/year and ${mdy} only month/day/year; each was read as written, and the rest as ${this.dayOrder === "DMY" ? "day/month/year" : "month/day/year"}, the column's majority`;
        }
      } else if (this.pending.count > 0) {
        this.dayOrder = locale.dayOrder;
        const example = this.ambiguousExample;
        assumptions.push(
          `${locale.dayOrder === "DMY" ? "day/month/year" : "month/day/year"} from ${locale.tag}, ${locale.source}: no date in the column has a day above 12, and ${this.pending.count} like ${example === null ? "" : `'${example.text}' (${example.address}) `}could be read either way`,
        );
      }
      if (this.compactCells > 0) assumptions.push(`${this.compactCells} compact dates (YYYYMMDD) read as days`);
      if (this.monthCells > 0) assumptions.push(`${this.monthCells} year-months read as the first day of the month`);
      if (this.serialCells > 0 && this.fromText.count === 0) assumptions.push(`${this.serialCells} numbers read as spreadsheet date serials, since the header says date`);
    }
    // The first reading is "decimal point" or "day first", the second "decimal comma" or "month first".
    const second = this.kind === "number" ? (this.decimal ?? locale.decimal) === "," : (this.dayOrder ?? locale.dayOrder) === "MDY";
    this.pending.apply(put, this.index, second);
    return {
      index: this.index,
      header: this.header,
      kind: this.kind,
      decimal: this.decimal,
      dayOrder: this.dayOrder,
      assumptions,
      mixed,
      unreadable: { count: this.unreadable.count, cells: [...this.unreadable.cells] },
      fromText: { count: this.fromText.count, cells: [...this.fromText.cells] },
    };
  }
}
