// Guesses a table's language from its header words, for the locale that breaks ties when nothing else gives one.

const WORDS: ReadonlyArray<readonly [language: string, name: string, words: string]> = [
  ["en", "English", "day date campaign name cost spend spent amount clicks impressions impr conversions conv value revenue sessions users leads total source medium channel stage close create created deal owner reach results won lost customers visits week month"],
  ["de", "German", "tag datum kosten klicks impressionen kampagne kampagnenname betrag ausgegebener ausgegebene umsatz sitzungen anzeigengruppe reichweite ergebnisse kanal quelle abschlussdatum erstelldatum erstellungsdatum phase gewonnen interaktionen conversionwert"],
  ["fr", "French", "jour coût cout clics campagne montant dépensé depense revenu prospects clients canal création clôture étape nom semaine mois"],
  ["es", "Spanish", "día fecha coste costo clics campaña importe gastado impresiones ingresos canal clientes etapa cierre creación"],
  ["pt", "Portuguese", "dia data custo cliques campanha valor gasto impressões receita clientes canal etapa fechamento criação"],
  ["it", "Italian", "giorno data costo clic campagna importo speso impressioni entrate ricavi clienti canale fase chiusura creazione"],
  ["nl", "Dutch", "dag datum kosten klikken campagne bedrag besteed vertoningen omzet klanten kanaal fase"],
  ["id", "Indonesian", "tanggal biaya klik kampanye tayangan kunjungan prospek pelanggan pendapatan saluran jumlah sumber tahap"],
  ["ms", "Malay", "tarikh kos klik kempen tera pelawat petunjuk pelanggan hasil saluran jumlah sumber peringkat perbelanjaan"],
];

const LEXICON = WORDS.map(([language, name, words]) => ({ language, name, words: new Set(words.split(" ")) }));

/** The language most header words belong to, needing at least two words and a clear lead; null otherwise. */
export function headerLanguage(headers: readonly string[]): { language: string; name: string } | null {
  const tokens = new Set<string>();
  for (const h of headers) for (const t of h.toLowerCase().split(/[^\p{L}]+/u)) if (t !== "") tokens.add(t);
  let best: { language: string; name: string; score: number } | null = null;
  let second = 0;
  for (const entry of LEXICON) {
    let score = 0;
    for (const t of tokens) if (entry.words.has(t)) score++;
    if (best === null || score > best.score) {
      second = best?.score ?? 0;
      best = { language: entry.language, name: entry.name, score };
    } else if (score > second) second = score;
  }
  if (best === null || best.score < 2 || best.score === second) return null;
  return { language: best.language, name: best.name };
}
