// The words people put in column headers for each funnel field, and the matcher that reads a header against them.

export type HeaderTarget =
  | { kind: "stage"; key: string }
  | { kind: "spend" }
  | { kind: "revenue" }
  | { kind: "channel" }
  | { kind: "period" }
  | { kind: "id" }
  | { kind: "status" };

export interface KnownStage {
  key: string;
  name: string;
  /** Headers of a count column (aggregated) or a date column (record-level). */
  words: string[];
  /** Headers that only name this stage when the column holds dates: "Created" is when a lead appeared, not a count. */
  dateOnlyWords: string[];
}

/**
 * In funnel order: an extra stage found in a sheet is slotted in where it belongs. Words are folded
 * (lower case, accents removed) and cover the exports of Google Ads, Microsoft Ads, Meta Ads, LinkedIn,
 * TikTok Ads, GA4, HubSpot, Salesforce and Pipedrive in English, German, French, Spanish, Portuguese,
 * Italian, Dutch, Indonesian and Malay. Ad-platform data so reads as impressions → clicks → conversions.
 */
export const KNOWN_STAGES: readonly KnownStage[] = [
  {
    key: "impressions",
    name: "Impressions",
    words: ["impressions", "impression", "impr", "impressionen", "impresiones", "impressoes", "impressioni", "vertoningen", "weergaven", "tayangan", "impresi", "tera"],
    dateOnlyWords: [],
  },
  {
    key: "clicks",
    name: "Clicks",
    words: [
      "clicks", "click", "link clicks", "clicks all", "clics", "clics en el enlace", "clics sur un lien", "klicks", "link klicks", "klicks auf link",
      "klikken", "linkklikken", "cliques", "cliques no link", "clic", "clic sul link", "klik", "klik tautan", "klik pautan", "interactions", "interaktionen",
    ],
    dateOnlyWords: [],
  },
  {
    key: "visits",
    name: "Visits",
    words: [
      "sessions", "session", "visitors", "visitor", "visits", "visit", "users", "user", "total users", "traffic", "landing page views",
      "sitzungen", "besuche", "besucher", "nutzer", "visites", "visiteurs", "sesiones", "visitas", "visitantes", "sessoes", "sessioni", "visite",
      "visitatori", "sessies", "bezoeken", "bezoekers", "kunjungan", "pengunjung", "sesi", "pelawat", "lawatan",
    ],
    dateOnlyWords: [],
  },
  {
    key: "leads",
    name: "Leads",
    words: [
      "leads", "lead", "signups", "signup", "sign ups", "sign up", "contacts", "contact", "prospects", "prospect", "interessenten", "kontakte",
      "prospectos", "clientes potenciales", "contatti", "prospek", "calon pelanggan", "petunjuk", "bakal pelanggan",
    ],
    dateOnlyWords: [
      "created", "create", "created at", "create date", "created date", "erstelldatum", "erstellungsdatum", "erstellt am", "date de creation",
      "fecha de creacion", "data de criacao", "data di creazione", "aanmaakdatum", "tanggal dibuat", "tarikh dicipta", "deal created",
    ],
  },
  {
    key: "mql",
    name: "MQL",
    words: ["mql", "mqls", "marketing qualified", "marketing qualified leads", "marketing qualified lead"],
    dateOnlyWords: [],
  },
  {
    key: "sql",
    name: "SQL",
    words: ["sql", "sqls", "sales qualified", "sales qualified leads", "sales qualified lead"],
    dateOnlyWords: [],
  },
  {
    key: "opportunities",
    name: "Opportunities",
    words: ["opportunities", "opportunity", "opps", "opp", "deals", "verkaufschancen", "opportunites", "oportunidades", "opportunita", "kansen", "peluang"],
    dateOnlyWords: [],
  },
  {
    key: "conversions",
    name: "Conversions",
    words: [
      "conversions", "conversion", "conv", "all conv", "results", "key events", "konversionen", "ergebnisse", "resultats", "conversiones",
      "resultados", "conversoes", "conversioni", "risultati", "conversies", "resultaten", "konversi", "penukaran", "acara utama", "peristiwa utama",
    ],
    dateOnlyWords: [],
  },
  {
    key: "customers",
    name: "Customers",
    words: [
      "deals won", "won deals", "closed won", "new customers", "customers", "customer", "purchases", "purchase", "orders", "order",
      "kunden", "neukunden", "clients", "nouveaux clients", "clientes", "nuevos clientes", "novos clientes", "clienti", "nuovi clienti",
      "klanten", "nieuwe klanten", "pelanggan", "pelanggan baru", "pembelian", "pesanan",
    ],
    dateOnlyWords: [
      "won", "closed", "close", "win", "close date", "closed date", "abschlussdatum", "date de cloture", "fecha de cierre", "data de fechamento",
      "data di chiusura", "sluitingsdatum", "tanggal penutupan", "tarikh tutup", "won time", "won date",
    ],
  },
];

const FIELD_WORDS: ReadonlyArray<{ target: HeaderTarget; words: string[] }> = [
  {
    target: { kind: "spend" },
    words: [
      "cost", "costs", "spend", "ad spend", "spent", "budget", "amount spent", "total spent", "kosten", "ausgegebener betrag", "ausgaben",
      "cout", "couts", "montant depense", "coste", "costo", "gasto", "importe gastado", "custo", "valor gasto", "valor usado", "speso",
      "importo speso", "besteed bedrag", "bedrag besteed", "biaya", "pengeluaran", "jumlah yang dibelanjakan", "kos", "perbelanjaan",
      "jumlah dibelanjakan",
    ],
  },
  {
    target: { kind: "revenue" },
    words: [
      "revenue", "sales", "income", "value", "amount", "total revenue", "purchase revenue", "conv value", "conversion value", "all conv value",
      "purchase value", "umsatz", "einnahmen", "conversionwert", "wert", "chiffre d affaires", "revenu", "revenus", "valeur de conversion",
      "ingresos", "valor de conversion", "receita", "valor da conversao", "ricavi", "entrate", "valore conversione", "omzet", "opbrengst",
      "conversiewaarde", "pendapatan", "nilai konversi", "hasil", "jualan", "nilai penukaran",
    ],
  },
  {
    target: { kind: "channel" },
    words: [
      "source", "medium", "channel", "origin", "campaign", "campaign name", "utm source", "utm medium", "utm campaign",
      "session default channel group", "session source medium", "first user default channel group", "original traffic source",
      "original source", "lead source", "kanal", "quelle", "kampagne", "kampagnenname", "canal", "campagne", "nom de la campagne", "campana",
      "nombre de la campana", "campanha", "nome da campanha", "campagna", "nome campagna", "kanaal", "bron", "campagnenaam", "saluran",
      "sumber", "kampanye", "nama kampanye", "kempen", "nama kempen",
    ],
  },
  {
    target: { kind: "period" },
    words: [
      "date", "day", "week", "month", "period", "week start", "month start", "week of", "month of", "reporting starts", "datum", "tag", "woche",
      "monat", "berichtsbeginn", "jour", "semaine", "mois", "debut des rapports", "fecha", "dia", "semana", "mes", "inicio del informe", "data",
      "inicio dos relatorios", "giorno", "settimana", "mese", "inizio report", "dag", "maand", "begin rapportage", "tanggal", "hari", "minggu",
      "bulan", "tarikh", "bulan laporan",
    ],
  },
  { target: { kind: "id" }, words: ["id", "uuid", "email", "e mail", "record id", "deal id", "opportunity id"] },
  {
    target: { kind: "status" },
    words: [
      "deal stage", "stage", "status", "lifecycle stage", "won", "is won", "iswon", "opportunity stage", "pipeline stage", "phase", "deal phase",
      "dealphase", "etapa", "etape", "etape de la transaction", "etapa del negocio", "etapa do negocio", "fase", "fase dell affare", "dealfase",
      "tahap", "tahap kesepakatan", "peringkat", "peringkat urus niaga", "status deal",
    ],
  },
];

/**
 * Words that mark a column as an already computed rate or average ("Cost per lead", "Conv. rate", "Avg. CPC"),
 * never a stage or an amount to sum.
 */
const DERIVED_WORDS = new Set([
  "per", "pro", "par", "por", "je", "setiap", "rate", "ratio", "cpa", "cac", "cpl", "cpc", "cpm", "ctr", "roas", "roi", "romi", "avg", "average", "percent", "pct", "share", "frequency",
  "durchschn", "durchschnittlich", "durchschnittliche", "rate", "quote", "klickrate", "moyenne", "moyen", "taux", "promedio", "tasa", "media",
  "medio", "taxa", "tasso", "gemiddeld", "gemiddelde", "percentage", "rata", "tingkat", "purata", "kadar", "frekuensi", "frequenz", "frequence",
]);
const FORECAST_WORDS = new Set(["expected", "forecast", "erwartetes", "erwartet", "voraussichtliches", "prevue", "prevista", "previsto", "prevista", "verwachte", "jangkaan", "perkiraan", "dijangka"]);

export interface HeaderMatch {
  target: HeaderTarget;
  /** The synonym that matched, as written in the list above. */
  word: string;
  /** Longer and exact matches win: "Marketing qualified leads" is MQL, not leads. */
  score: number;
  /** True when the synonym only counts for a date column. */
  dateOnly: boolean;
}

/** Lower-case words of a header; "Sign-ups", "sign_ups" and "SIGN UPS" all become ["sign", "ups"]. */
export function headerTokens(header: string): string[] {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
}

/** "Cost / conv.", "Kosten/Conv.", "Spend / result": an amount divided by a count. */
const PER_SLASH = /(cost|spend|kosten|cout|coste|costo|custo|biaya|kos)\s*\/\s*\p{L}/iu;

/** The computed-KPI word in a header, if any. */
export function derivedWord(header: string): string | null {
  if (header.includes("%")) return "%";
  if (PER_SLASH.test(header.normalize("NFD").replace(/[\u0300-\u036f]/g, ""))) return "/";
  for (const token of headerTokens(header)) if (DERIVED_WORDS.has(token)) return token;
  return null;
}

/** A synonym of the lists above, tokenised once; `order` is its place in them, the tie-breaker. */
interface Synonym {
  target: HeaderTarget;
  word: string;
  dateOnly: boolean;
  stage: boolean;
  tokens: string[];
  order: number;
}

interface SynonymIndex {
  /** By the words run together: a header equal to the phrase scores highest. */
  byCompact: Map<string, Synonym[]>;
  /** By the phrase's first word: where a phrase can start inside a header. */
  byFirstToken: Map<string, Synonym[]>;
}

let synonymIndex: SynonymIndex | null = null;

/** Built on first use: a sheet of 150,000 columns must not tokenise the whole vocabulary for each header. */
function synonyms(): SynonymIndex {
  if (synonymIndex !== null) return synonymIndex;
  const index: SynonymIndex = { byCompact: new Map(), byFirstToken: new Map() };
  let order = 0;
  const add = (target: HeaderTarget, word: string, dateOnly: boolean, stage: boolean): void => {
    const tokens = headerTokens(word);
    if (tokens.length === 0) return;
    const synonym: Synonym = { target, word, dateOnly, stage, tokens, order: order++ };
    const push = (map: Map<string, Synonym[]>, key: string): void => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [synonym]);
      else list.push(synonym);
    };
    push(index.byCompact, tokens.join(""));
    push(index.byFirstToken, tokens[0]);
  };
  for (const stage of KNOWN_STAGES) {
    const target: HeaderTarget = { kind: "stage", key: stage.key };
    for (const word of stage.words) add(target, word, false, true);
    for (const word of stage.dateOnlyWords) add(target, word, true, true);
  }
  for (const { target, words } of FIELD_WORDS) for (const word of words) add(target, word, false, false);
  synonymIndex = index;
  return index;
}

/** Every field a header could mean, best first; on equal scores the lists' order decides, so they double as priorities. */
export function matchHeader(header: string): HeaderMatch[] {
  const tokens = headerTokens(header);
  if (tokens.length === 0) return [];
  const index = synonyms();
  // "Expected close date" is a forecast, not the day a stage was reached.
  const forecast = tokens.some((t) => FORECAST_WORDS.has(t));
  const best = new Map<Synonym, number>();
  const consider = (synonym: Synonym, score: number): void => {
    if (forecast && synonym.stage) return;
    if (score > (best.get(synonym) ?? 0)) best.set(synonym, score);
  };
  for (const synonym of index.byCompact.get(tokens.join("")) ?? []) consider(synonym, synonym.tokens.length * 10 + 5);
  tokens.forEach((token, start) => {
    for (const synonym of index.byFirstToken.get(token) ?? []) {
      if (startsAt(tokens, synonym.tokens, start)) consider(synonym, synonym.tokens.length * 10);
    }
  });
  return [...best]
    .sort(([a, sa], [b, sb]) => sb - sa || a.order - b.order)
    .map(([synonym, score]) => ({ target: synonym.target, word: synonym.word, score, dateOnly: synonym.dateOnly }));
}

// Whole words only: "Leadership" is not leads, "Closed date" contains "closed".
function startsAt(tokens: readonly string[], phrase: readonly string[], start: number): boolean {
  if (start + phrase.length > tokens.length) return false;
  for (let j = 0; j < phrase.length; j++) if (tokens[start + j] !== phrase[j]) return false;
  return true;
}

export function targetLabel(target: HeaderTarget): string {
  switch (target.kind) {
    case "stage":
    {
      const name = KNOWN_STAGES.find((s) => s.key === target.key)?.name ?? target.key;
      // "looks like visits" but "looks like MQL": acronyms keep their capitals.
      return name === name.toUpperCase() ? name : name.toLowerCase();
    }
    case "period":
      return "a period date";
    case "id":
      return "a record id";
    case "status":
      return "a deal stage or status";
    default:
      return target.kind;
  }
}

export function sameTarget(a: HeaderTarget, b: HeaderTarget): boolean {
  return a.kind === b.kind && (a.kind !== "stage" || (b.kind === "stage" && a.key === b.key));
}

