// The reading conventions a locale implies (decimal separator, day/month order), used only to break ties a column cannot settle.

export type DecimalSeparator = "." | ",";
export type DayOrder = "DMY" | "MDY";

export interface ReadingLocale {
  /** As given or derived, normalised to "ll-RR" or "ll" ("de-DE", "en-US"). */
  tag: string;
  decimal: DecimalSeparator;
  dayOrder: DayOrder;
  /** Where the locale came from, for the report: "the spreadsheet's locale", "--locale", "the headers' language". */
  source: string;
}

/** Languages whose everyday numbers use a decimal comma; the regions listed in DOT_REGIONS are the exceptions. */
const COMMA_LANGUAGES = new Set(["de", "fr", "es", "pt", "it", "nl", "id", "da", "sv", "nb", "no", "fi", "pl", "cs", "sk", "tr", "ru", "uk", "el", "hu", "ro", "bg", "hr", "sl", "lt", "lv", "et", "ca", "eu", "gl", "vi"]);
const DOT_REGIONS = new Set(["de-CH", "de-LI", "fr-CH", "it-CH", "es-MX", "es-US", "es-PR", "es-GT", "es-HN", "es-NI", "es-PA", "es-SV", "es-DO"]);
/** Regions that write the month first. */
const MDY_REGIONS = new Set(["en-US", "en-PH", "en-BZ", "es-US", "en-FM", "en-MH", "en-PW"]);

/** Reads "de_DE", "de-DE", "pt-br", "en" (Sheets gives "en_US"); null for anything else. */
export function normaliseLocaleTag(raw: string): string | null {
  const m = /^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?(?:[_-].*)?$/.exec(raw.trim());
  if (m === null) return null;
  const language = m[1].toLowerCase();
  return m[2] === undefined ? language : `${language}-${m[2].toUpperCase()}`;
}

/** Default region per language when only a language is known (from headers, or "de"). */
const DEFAULT_REGION: Record<string, string> = {
  en: "en-US", de: "de-DE", fr: "fr-FR", es: "es-ES", pt: "pt-BR", it: "it-IT", nl: "nl-NL", id: "id-ID", ms: "ms-MY",
};

export function readingLocale(raw: string, source: string): ReadingLocale | null {
  const normal = normaliseLocaleTag(raw);
  if (normal === null) return null;
  const tag = normal.includes("-") ? normal : (DEFAULT_REGION[normal] ?? normal);
  const language = tag.split("-")[0];
  const decimal: DecimalSeparator = COMMA_LANGUAGES.has(language) && !DOT_REGIONS.has(tag) ? "," : ".";
  const dayOrder: DayOrder = MDY_REGIONS.has(tag) || tag === "en" ? "MDY" : "DMY";
  return { tag, decimal, dayOrder, source };
}

/** The fallback when nothing says otherwise: how Sheets itself starts a new spreadsheet. */
export const DEFAULT_LOCALE: ReadingLocale = { tag: "en-US", decimal: ".", dayOrder: "MDY", source: "the default locale" };
