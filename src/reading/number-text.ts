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
  let s = raw.replace(SPACES, " ").replace(/\u2212/g, "-").trim();
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
  const finish = (digits: string, decimal: DecimalSeparator | null): NumberReading | null => {
    const n = Number(digits);
    return Number.isFinite(n) ? { kind: "exact", value: sign * n * scale, decimal, percent } : null;
  };
  if (PLAIN_EXPONENT.test(s)) return finish(s, s.includes(".") ? "." : null);
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
    const parts = whole.split(new RegExp(`[${group === "." ? "\\." : ","} ']`));
    if (!validGroups(parts)) return null;
    return finish(`${parts.join("")}.${fraction}`, decimal);
  }
  const mark = dot >= 0 ? "." : comma >= 0 ? "," : null;
  if (mark === null) {
    const digits = integerPart(s, / |'/);
    return digits === null || digits === "" ? null : finish(digits, null);
  }
  const other: DecimalSeparator = mark === "." ? "," : ".";
  const pieces = s.split(mark);
  if (pieces.length > 2) {
    // "1.234.567": the mark groups thousands, so the other one is the decimal separator.
    if (spaced.test(s) || !validGroups(pieces)) return null;
    return finish(pieces.join(""), other);
  }
  const [whole, fraction] = pieces;
  if (!DIGITS.test(fraction)) return null;
  const wholeDigits = integerPart(whole, / |'/);
  if (wholeDigits === null) return null;
  const asDecimal = `${wholeDigits === "" ? "0" : wholeDigits}.${fraction}`;
  const couldGroup = fraction.length === 3 && /^\d{1,3}$/.test(whole) && whole !== "0" && !spaced.test(whole);
  if (!couldGroup) return finish(asDecimal, mark);
  const decimalValue = sign * Number(asDecimal) * scale;
  const groupedValue = sign * Number(whole + fraction) * scale;
  return mark === "."
    ? { kind: "ambiguous", ifDot: decimalValue, ifComma: groupedValue, percent }
    : { kind: "ambiguous", ifDot: groupedValue, ifComma: decimalValue, percent };
}

/** The value of a reading once the column's decimal separator is known. */
export function numberWith(reading: NumberReading, decimal: DecimalSeparator): number {
  return reading.kind === "exact" ? reading.value : decimal === "." ? reading.ifDot : reading.ifComma;
}
