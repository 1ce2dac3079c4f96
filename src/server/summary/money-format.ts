// The summary's money format, from the data: the currency a spend or revenue column states (its number format, its header's "(EUR)", a "$" in its cells) placed as the spreadsheet's locale writes it.

export interface CurrencyEvidence {
  /** Headers of the spend and revenue columns: "Amount spent (USD)", "Kosten (EUR)". */
  headers: readonly string[];
  /** Number formats of their first data cells: "$#,##0.00", "[$€-407]#,##0.00". */
  formats: readonly string[];
  /** Their first cells as text, when they hold text: "$1,200", "1.234,56 €". */
  texts: readonly string[];
  /** The spreadsheet's locale: "de-DE", "en_US". */
  locale: string;
}

interface Currency {
  code: string;
  symbol: string;
  decimals: number;
}

const CURRENCIES: readonly Currency[] = [
  { code: "USD", symbol: "$", decimals: 2 }, { code: "EUR", symbol: "€", decimals: 2 }, { code: "GBP", symbol: "£", decimals: 2 },
  { code: "JPY", symbol: "¥", decimals: 0 }, { code: "INR", symbol: "₹", decimals: 2 }, { code: "BRL", symbol: "R$", decimals: 2 },
  { code: "IDR", symbol: "Rp", decimals: 0 }, { code: "KRW", symbol: "₩", decimals: 0 }, { code: "CHF", symbol: "CHF", decimals: 2 },
  { code: "AUD", symbol: "A$", decimals: 2 }, { code: "CAD", symbol: "C$", decimals: 2 }, { code: "SEK", symbol: "kr", decimals: 2 },
  { code: "NOK", symbol: "kr", decimals: 2 }, { code: "DKK", symbol: "kr.", decimals: 2 }, { code: "PLN", symbol: "zł", decimals: 2 },
  { code: "MYR", symbol: "RM", decimals: 2 }, { code: "MXN", symbol: "MX$", decimals: 2 }, { code: "CNY", symbol: "CN¥", decimals: 2 },
  { code: "TRY", symbol: "₺", decimals: 2 }, { code: "ZAR", symbol: "R", decimals: 2 },
];
const BY_CODE = new Map(CURRENCIES.map((c) => [c.code, c]));
/** Symbols that name one currency when they stand alone. */
const BY_SYMBOL = new Map<string, Currency>([["$", BY_CODE.get("USD")!], ["€", BY_CODE.get("EUR")!], ["£", BY_CODE.get("GBP")!], ["¥", BY_CODE.get("JPY")!], ["₹", BY_CODE.get("INR")!], ["R$", BY_CODE.get("BRL")!], ["Rp", BY_CODE.get("IDR")!], ["₩", BY_CODE.get("KRW")!], ["zł", BY_CODE.get("PLN")!], ["₺", BY_CODE.get("TRY")!]]);
/** Languages that write the symbol after the amount (1.234,56 €). */
const SYMBOL_AFTER = new Set(["de", "fr", "es", "it", "pl", "cs", "sk", "sv", "da", "nb", "no", "fi", "ru", "uk", "hu", "ro", "bg", "hr", "sl", "lt", "lv", "et", "pt-PT", "tr", "el", "ca"]);

/** The plain money format when nothing states a currency: the amount alone, never a guessed symbol. */
export const PLAIN_MONEY = "#,##0.00";

function fromHeader(header: string): Currency | undefined {
  for (const m of header.matchAll(/[([\s]([A-Z]{3})[)\]]?\s*$|\(([A-Z]{3})\)/g)) {
    const found = BY_CODE.get(m[1] ?? m[2]);
    if (found) return found;
  }
  return undefined;
}

function fromFormat(format: string): Currency | undefined {
  const bracket = /\[\$([^\]-]+)(?:-[0-9A-Fa-f]+)?\]/.exec(format);
  const quoted = /"([^"]+)"/.exec(format);
  const candidates = [bracket?.[1], quoted?.[1]?.trim(), ...[...BY_SYMBOL.keys()].filter((s) => format.replace(/"[^"]*"/g, "").includes(s))];
  for (const c of candidates) {
    if (c === undefined || c === "") continue;
    const found = BY_CODE.get(c.trim().toUpperCase()) ?? BY_SYMBOL.get(c.trim());
    if (found) return found;
  }
  return undefined;
}

function fromText(text: string): Currency | undefined {
  const code = /(?:^|[\s\d])([A-Z]{3})(?:$|[\s\d])/.exec(text);
  if (code && BY_CODE.has(code[1])) return BY_CODE.get(code[1]);
  for (const [symbol, currency] of BY_SYMBOL) if (text.includes(symbol)) return currency;
  return undefined;
}

/** The currency the data states, or null: every source that states one must agree (spend in USD, revenue in EUR says nothing). */
export function currencyOf(evidence: CurrencyEvidence): string | null {
  const found = [
    ...evidence.headers.map(fromHeader), ...evidence.formats.map(fromFormat), ...evidence.texts.map(fromText),
  ].filter((c): c is Currency => c !== undefined);
  const codes = new Set(found.map((c) => c.code));
  return codes.size === 1 ? [...codes][0] : null;
}

/** The money format for a currency in a locale: "€"#,##0.00 in English, #,##0.00 "€" in German; the plain format without one. */
export function moneyFormat(code: string | null, locale: string): string {
  const currency = code === null ? undefined : BY_CODE.get(code);
  if (currency === undefined) return PLAIN_MONEY;
  const amount = currency.decimals === 0 ? "#,##0" : "#,##0.00";
  const tag = locale.replace("_", "-");
  const after = SYMBOL_AFTER.has(tag) || SYMBOL_AFTER.has(tag.split("-")[0]);
  const symbol = currency.symbol.replace(/"/g, "");
  // A letter symbol (CHF, Rp, kr) is set off by a space either side; $ € £ sit against the amount in English.
  const spaced = /[A-Za-z]/.test(symbol) || after;
  return after ? `${amount} "${symbol}"` : `"${symbol}${spaced ? " " : ""}"${amount}`;
}
