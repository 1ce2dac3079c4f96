// Reads one cell's numeric text in any of the common notations, saying when its decimal separator is in doubt.
import type { DecimalSeparator } from "./locale";

/**
 * `exact`: only one reading exists; `decimal` is the separator the text proves is decimal (null: none shown).
 * `ambiguous`: "1.200" or "1,200" — a decimal point or a thousands group; both readings are given.
 */
export type NumberReading =
  | { kind: "exact"; value: number; decimal: DecimalSeparator | null; percent: boolean }
  | { kind: "ambiguous"; ifDot: number; ifComma: number; percent: boolean };

const CURRENCY_SYMBOLS = "$€£¥₹₩₽₺₫₱฿₦₴";
/** Written before or after the amount, with or without a space ("USD 1,200", "1.200 €", "Rp 1.250.000", "RM 45"). */
const CURRENCY_CODES = new Set([
  "USD", "EUR", "GBP", "JPY", "IDR", "MYR", "SGD", "AUD", "NZD", "CAD", "CHF", "INR", "BRL", "MXN", "SEK", "NOK", "DKK", "PLN",
  "CZK", "HUF", "ZAR", "HKD", "CNY", "THB", "PHP", "VND", "TRY", "AED", "SAR", "RP", "RM", "R$", "US$", "S$", "A$", "C$", "NZ$", "HK$",
  "KR", "ZŁ", "FR", "CHF.", "FR.", "SFR",
]);

const SPACES = /[\u00a0\u202f\u2007\u2009\u200a]/g;
const DIGITS = /^\d+$/;
const PLAIN_EXPONENT = /^(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;

function stripCurrency(s: string): string {
  let t = s;
  if (t.length > 0 && CURRENCY_SYMBOLS.includes(t[0])) t = t.slice(1).trim();
  else if (t.length > 0 && CURRENCY_SYMBOLS.includes(t[t.length - 1])) t = t.slice(0, -1).trim();
  else {
    const lead = /^([A-Za-z]{1,3}\$?|[A-Za-z]{1,3}\.|[A-Za-zŁł]{2})\s*(?=[-+(\d.,])/.exec(t);
    if (lead !== null && CURRENCY_CODES.has(lead[1].toUpperCase())) return t.slice(lead[0].length).trim();
    const trail = /(?<=[\d.,)])\s*([A-Za-zŁł]{1,3}\$?\.?)$/.exec(t);
    if (trail !== null && CURRENCY_CODES.has(trail[1].toUpperCase())) return t.slice(0, t.length - trail[0].length).trim();
  }
  return t;
}

const POINT_GROUPS = /[. ']/;
const COMMA_GROUPS = /[, ']/;

/** Only text with a character outside ASCII can hold a no-break space or the Unicode minus. */
function needsFolding(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

function exact(digits: string, decimal: DecimalSeparator | null, factor: number, percent: boolean): NumberReading | null {
  const n = Number(digits);
  return Number.isFinite(n) ? { kind: "exact", value: factor * n, decimal, percent } : null;
}

/** Groups after the first must be exactly three digits; the first one to three and not a lone leading zero. */
function validGroups(parts: readonly string[]): boolean {
  if (parts.length < 2) return false;
  const first = parts[0];
  if (!/^\d{1,3}$/.test(first) || (first === "0")) return false;
  for (let i = 1; i < parts.length; i++) if (!/^\d{3}$/.test(parts[i])) return false;
  return true;
}

/** The digits of an integer part that may carry spaces or apostrophes as group marks ("1 234", "1'234"), or null. */
function integerPart(text: string, groupMarks: RegExp): string | null {
  if (text === "") return "";
  if (DIGITS.test(text)) return text;
  const parts = text.split(groupMarks);
  return validGroups(parts) ? parts.join("") : null;
}

/**
 * Reads "1,234.56", "1.234,56", "1 234,56", "1'234.56", "$1,200", "1.200 €", "Rp 1.250.000", "USD 1,200",
 * "(1,200)", "−5", "-5", "5%", "5,5 %", "1.5e3". Null when the text is not a number.
 */
export function readNumberText(raw: string): NumberReading | null {
  const quick = readDigitsAndMarks(raw);
  return quick !== undefined ? quick : readAnyNumber(raw);
}

/**
 * The same reading for the commonest cells of a locale export, digits with points and commas only
 * ("1.234,56", "1,200", "-12,5"), by one scan instead of the patterns; undefined for anything else.
 */
export function readDigitsAndMarks(s: string): NumberReading | null | undefined {
  const n = s.length;
  if (n === 0 || n > 30) return undefined;
  const start = s.charCodeAt(0) === 45 ? 1 : 0;
  if (start === n) return undefined;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = start; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      dots++;
      lastDot = i;
    } else if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c < 48 || c > 57) return undefined;
  }
  const sign = start === 1 ? -1 : 1;
  const body = start === 1 ? s.slice(1) : s;
  const offset = start;
  if (dots === 0 && commas === 0) return exact(body, null, sign, false);
  if (dots > 0 && commas > 0) {
    const decimalAt = Math.max(lastDot, lastComma) - offset;
    const decimal: DecimalSeparator = lastDot > lastComma ? "." : ",";
    if ((decimal === "." ? dots : commas) !== 1 || decimalAt === body.length - 1) return null;
    const group = decimal === "." ? "," : ".";
    const whole = body.slice(0, decimalAt);
    if (!groupedBy(whole, group)) return null;
    return exact(`${whole.replaceAll(group, "")}.${body.slice(decimalAt + 1)}`, decimal, sign, false);
  }
  const mark = dots > 0 ? "." : ",";
  const other: DecimalSeparator = mark === "." ? "," : ".";
  if (dots + commas > 1) return groupedBy(body, mark) ? exact(body.replaceAll(mark, ""), other, sign, false) : null;
  const at = body.indexOf(mark);
  const whole = body.slice(0, at);
  const fraction = body.slice(at + 1);
  if (fraction === "") return null;
  const asDecimal = `${whole === "" ? "0" : whole}.${fraction}`;
  if (!(fraction.length === 3 && whole.length >= 1 && whole.length <= 3 && whole !== "0")) return exact(asDecimal, mark, sign, false);
  const decimalValue = sign * Number(asDecimal);
  const groupedValue = sign * Number(whole + fraction);
  return mark === "."
    ? { kind: "ambiguous", ifDot: decimalValue, ifComma: groupedValue, percent: false }
    : { kind: "ambiguous", ifDot: groupedValue, ifComma: decimalValue, percent: false };
}

/** "1.234.567" grouped by ".": a first group of one to three digits (not a lone 0), then groups of three. */
function groupedBy(text: string, mark: string): boolean {
  const first = text.indexOf(mark);
  if (first < 1 || first > 3 || (first === 1 && text.charCodeAt(0) === 48)) return false;
  let at = first;
  while (at < text.length) {
    const next = text.indexOf(mark, at + 1);
    const end = next < 0 ? text.length : next;
    if (end - at - 1 !== 3) return false;
    at = end;
  }
  return true;
}

/** Every notation: spaces, apostrophes, currencies, signs, brackets, percents, exponents. */
export function readAnyNumber(raw: string): NumberReading | null {
  let s = needsFolding(raw) ? raw.replace(SPACES, " ").replace(/\u2212/g, "-").trim() : raw.trim();
  if (s === "") return null;
  let sign = 1;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -sign;
    s = s.slice(1).trim();
  }
  s = stripCurrency(s);
  if (s.startsWith("-") && sign === 1) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) s = s.slice(1).trim();
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s === "" || !/\d/.test(s)) return null;
  const scale = percent ? 0.01 : 1;
  // No closure per call: this runs for most cells of a locale export.
  const factor = sign * scale;
  if ((s.includes("e") || s.includes("E")) && PLAIN_EXPONENT.test(s)) return exact(s, s.includes(".") ? "." : null, factor, percent);
  if (!/^[\d.,' ]+$/.test(s)) return null;
  const dot = s.lastIndexOf(".");
  const comma = s.lastIndexOf(",");
  const spaced = /[ ']/;
  if (dot >= 0 && comma >= 0) {
    // Both appear: the later one is the decimal separator and appears once; the other groups thousands.
    const decimal: DecimalSeparator = dot > comma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const at = Math.max(dot, comma);
    const fraction = s.slice(at + 1);
    if (!DIGITS.test(fraction)) return null;
    const whole = s.slice(0, at);
    if (whole.includes(decimal)) return null;
    const parts = whole.split(group === "." ? POINT_GROUPS : COMMA_GROUPS);
    if (!validGroups(parts)) return null;
    return exact(`${parts.join("")}.${fraction}`, decimal, factor, percent);
  }
  const mark = dot >= 0 ? "." : comma >= 0 ? "," : null;
  if (mark === null) {
    const digits = integerPart(s, / |'/);
    return digits === null || digits === "" ? null : exact(digits, null, factor, percent);
  }
  const other: DecimalSeparator = mark === "." ? "," : ".";
  const pieces = s.split(mark);
  if (pieces.length > 2) {
    // "1.234.567": the mark groups thousands, so the other one is the decimal separator.
    if (spaced.test(s) || !validGroups(pieces)) return null;
    return exact(pieces.join(""), other, factor, percent);
  }
  const [whole, fraction] = pieces;
  if (!DIGITS.test(fraction)) return null;
  const wholeDigits = integerPart(whole, / |'/);
  if (wholeDigits === null) return null;
  const asDecimal = `${wholeDigits === "" ? "0" : wholeDigits}.${fraction}`;
  const couldGroup = fraction.length === 3 && /^\d{1,3}$/.test(whole) && whole !== "0" && !spaced.test(whole);
  if (!couldGroup) return exact(asDecimal, mark, factor, percent);
  const decimalValue = sign * Number(asDecimal) * scale;
  const groupedValue = sign * Number(whole + fraction) * scale;
  return mark === "."
    ? { kind: "ambiguous", ifDot: decimalValue, ifComma: groupedValue, percent }
    : { kind: "ambiguous", ifDot: groupedValue, ifComma: decimalValue, percent };
}
