// Reads one cell's date text in the forms exports use, saying when day and month could be swapped.
import { daySerial, isValidDay } from "./calendar";
import type { DayOrder } from "./locale";
import { monthOfWord } from "./month-names";

/**
 * `exact`: one reading (ISO, month names, or a day above 12). `ambiguous`: "03/04/2026", both readings given.
 * `compact`: "20260923", a date only in a column that holds dates (GA4), else a number.
 * `month`: a year-month ("2026-09", "Sep 2026"), read as the month's first day.
 * A time of day is dropped: the calendar day as written, never shifted by a time zone.
 */
export type DateReading =
  | { kind: "exact"; serial: number; order: DayOrder | null; month: boolean }
  | { kind: "ambiguous"; dmy: number; mdy: number }
  | { kind: "compact"; serial: number };

const TIME = String.raw`(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR_NUMERIC = /^(\d{1,2})[/.-](\d{4})$/;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4})\.?,?${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WORD_TIME = /[, ]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?$/;
const PARTICLES = new Set(["de", "del", "di", "van", "der", "du"]);

function exact(year: number, month: number, day: number, order: DayOrder | null, isMonth = false): DateReading | null {
  return isValidDay(year, month, day) ? { kind: "exact", serial: daySerial(year, month, day), order, month: isMonth } : null;
}

export function readDateText(raw: string): DateReading | null {
  const quick = dayMonthYear(raw);
  if (quick !== undefined) return quick;
  const s = raw.replace(/[\u00a0\u202f]/g, " ").trim();
  if (s.length < 6 || s.length > 40) return null;
  let m = ISO.exec(s);
  if (m !== null) return exact(Number(m[1]), Number(m[3]), Number(m[4]), null);
  m = COMPACT.exec(s);
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return y >= 1900 && y <= 2200 && isValidDay(y, mo, d) ? { kind: "compact", serial: daySerial(y, mo, d) } : null;
  }
  m = NUMERIC.exec(s);
  if (m !== null) return numericDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = YEAR_MONTH.exec(s);
  if (m !== null) return exact(Number(m[1]), Number(m[2]), 1, null, true);
  m = MONTH_YEAR_NUMERIC.exec(s);
  if (m !== null && s.includes("/")) return exact(Number(m[2]), Number(m[1]), 1, null, true);
  return wordDate(s);
}

/** "23.09.2026", "9/23/2026", "01-08-2026" by one scan: most cells of a European export's date column. */
function dayMonthYear(s: string): DateReading | null | undefined {
  const n = s.length;
  if (n < 8 || n > 10) return undefined;
  const sep = s.charCodeAt(n - 5);
  if (sep !== 46 && sep !== 47 && sep !== 45) return undefined;
  const mid = s.charCodeAt(1) === sep ? 1 : s.charCodeAt(2) === sep ? 2 : -1;
  if (mid < 0) return undefined;
  const a = digits(s, 0, mid);
  const b = digits(s, mid + 1, n - 5);
  const y = digits(s, n - 4, n);
  if (a < 0 || b < 0 || y < 0 || n - 5 - mid - 1 < 1 || n - 5 - mid - 1 > 2) return undefined;
  return numericDate(a, b, y);
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return to > from ? v : -1;
}

function numericDate(a: number, b: number, year: number): DateReading | null {
  const dmyValid = isValidDay(year, b, a);
  const mdyValid = isValidDay(year, a, b);
  if (dmyValid && mdyValid) {
    if (a === b) return exact(year, a, b, null);
    return { kind: "ambiguous", dmy: daySerial(year, b, a), mdy: daySerial(year, a, b) };
  }
  if (dmyValid) return exact(year, b, a, "DMY");
  if (mdyValid) return exact(year, a, b, "MDY");
  return null;
}

/** "Oct 1, 2026", "1. Okt. 2026", "23 Sep 2026", "23 Agustus 2026", "23 de septiembre de 2026", "Sep 2026". */
function wordDate(text: string): DateReading | null {
  const s = text.replace(WORD_TIME, "");
  if (!/[A-Za-zÀ-ÿ]/.test(s)) return null;
  const tokens = s.split(/[\s,/-]+|(?<=\d)\.(?=\s|$)/).map((t) => t.trim()).filter((t) => t !== "" && !PARTICLES.has(t.toLowerCase()));
  if (tokens.length < 2 || tokens.length > 4) return null;
  let month: number | undefined;
  const numbers: string[] = [];
  for (const token of tokens) {
    const bare = token.replace(/\.$/, "");
    if (/^\d{1,4}$/.test(bare)) numbers.push(bare);
    else {
      const found = monthOfWord(bare);
      // A weekday or a word that is no month ("Wed", "Total") ends the reading unless a month was found already.
      if (found === undefined || month !== undefined) return null;
      month = found;
    }
  }
  if (month === undefined) return null;
  if (numbers.length === 1 && numbers[0].length === 4) return exact(Number(numbers[0]), month, 1, null, true);
  if (numbers.length !== 2) return null;
  const yearAt = numbers.findIndex((n) => n.length === 4);
  const day = numbers[1 - yearAt];
  if (yearAt < 0 || day === undefined || day.length > 2) return null;
  return exact(Number(numbers[yearAt]), month, Number(day), null);
}
