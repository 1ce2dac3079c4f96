// The words that mark a row as a total or subtotal, and a column header as holding dates, in the languages exports come in.

/** "Total", "Total: Account", "Grand total", "Gesamt", "Summe", "Jumlah", "Jumlah Besar", "Total général", ... */
const TOTAL_LABEL = new RegExp(
  String.raw`^(?:grand\s+totals?|totals?|sub-?\s?totals?|overall\s+totals?|gesamt(?:summe|ergebnis|betrag)?|summe|insgesamt|zwischensumme|ergebnis|total\s+g[eé]n[eé]ral|sous-?\s?total|totale(?:\s+(?:complessivo|generale))?|subtotale|totaal|subtotaal|eindtotaal|totaal\s+generaal|jumlah(?:\s+(?:besar|keseluruhan|kecil|semua))?|subjumlah|total\s+keseluruhan|total\s+general|total\s+geral|suma(?:\s+total)?|gran\s+total)` +
    String.raw`(?:\s*[:：–—-]\s*.*|\s*\(.*\)|\s+\d.*)?$`,
  "i",
);

/** First letters of every total label: most first cells (a date, a number, a name) are ruled out without the pattern. */
const TOTAL_INITIALS = new Set("tTgGsSiIjJoOeEzZ");

export function isTotalLabel(text: string): boolean {
  if (text.length === 0 || !TOTAL_INITIALS.has(text.trimStart().charAt(0))) return false;
  const t = text.replace(/\u00a0/g, " ").trim();
  return t !== "" && t.length <= 80 && TOTAL_LABEL.test(t);
}

/** Header words that say a column holds dates, so a compact 20260923 or a serial there is a date. */
const DATE_HEADER_WORDS = new Set([
  "date", "day", "dates", "days", "week", "month", "period", "created", "closed", "starts", "ends", "start", "end", "time", "timestamp",
  "datum", "tag", "woche", "monat", "zeitraum", "erstellt", "erstelldatum", "abschlussdatum", "berichtsbeginn",
  "jour", "semaine", "mois", "periode", "période", "création", "fecha", "día", "dia", "semana", "mes", "período", "data", "mês",
  "giorno", "settimana", "mese", "periodo", "dag", "maand", "tanggal", "hari", "minggu", "bulan", "tarikh",
]);

export function headerSaysDate(header: string): boolean {
  return header
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => DATE_HEADER_WORDS.has(w));
}

/** A line giving the report's period: "1 August 2026 - 31 October 2026", "Aug 1, 2026 – Oct 31, 2026", "2026-08-01 to 2026-10-31". */
export function looksLikePeriodLine(text: string): boolean {
  return /\d{4}/.test(text) && /\s(?:-|–|—|to|bis|au|al|a|hingga|sampai|sehingga|tot)\s/i.test(text) && text.length <= 80;
}
