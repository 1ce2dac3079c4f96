// The words people put in column headers for each funnel field, and the matcher that reads a header against them.

export type HeaderTarget =
  | { kind: "stage"; key: string }
  | { kind: "spend" }
  | { kind: "revenue" }
  | { kind: "channel" }
  | { kind: "period" }
  | { kind: "id" };

export interface KnownStage {
  key: string;
  name: string;
  /** Headers of a count column (aggregated) or a date column (record-level). */
  words: string[];
  /** Headers that only name this stage when the column holds dates: "Created" is when a lead appeared, not a count. */
  dateOnlyWords: string[];
}

/** In funnel order: an extra stage found in a sheet is slotted in where it belongs. */
export const KNOWN_STAGES: readonly KnownStage[] = [
  {
    key: "visits",
    name: "Visits",
    words: ["sessions", "session", "visitors", "visitor", "visits", "visit", "users", "user", "traffic"],
    dateOnlyWords: [],
  },
  {
    key: "leads",
    name: "Leads",
    words: ["leads", "lead", "signups", "signup", "sign ups", "sign up", "contacts", "contact"],
    dateOnlyWords: ["created", "create", "created at"],
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
    words: ["opportunities", "opportunity", "opps", "opp"],
    dateOnlyWords: [],
  },
  {
    key: "customers",
    name: "Customers",
    words: [
      "deals won", "won deals", "closed won", "new customers", "customers", "customer",
      "purchases", "purchase", "orders", "order", "conversions", "conversion",
    ],
    dateOnlyWords: ["won", "closed", "close", "win"],
  },
];

const FIELD_WORDS: ReadonlyArray<{ target: HeaderTarget; words: string[] }> = [
  { target: { kind: "spend" }, words: ["cost", "costs", "spend", "ad spend", "spent", "budget"] },
  { target: { kind: "revenue" }, words: ["revenue", "sales", "income", "value", "amount"] },
  { target: { kind: "channel" }, words: ["source", "medium", "channel", "origin", "campaign", "utm source", "utm medium", "utm campaign"] },
  { target: { kind: "period" }, words: ["date", "day", "week", "month", "period", "week start", "month start", "week of", "month of"] },
  { target: { kind: "id" }, words: ["id", "uuid", "email", "e mail"] },
];

/** Words that mark a column as an already computed ratio ("Cost per lead", "Conversion rate"), not raw data. */
const DERIVED_WORDS = new Set(["per", "rate", "ratio", "cpa", "cac", "cpl", "cpc", "ctr", "roas", "roi", "romi", "avg", "average", "percent", "pct", "share"]);

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
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "");
}

/** The computed-KPI word in a header, if any. */
export function derivedWord(header: string): string | null {
  if (header.includes("%")) return "%";
  for (const token of headerTokens(header)) if (DERIVED_WORDS.has(token)) return token;
  return null;
}

/** Every field a header could mean, best first. */
export function matchHeader(header: string): HeaderMatch[] {
  const tokens = headerTokens(header);
  if (tokens.length === 0) return [];
  const matches: HeaderMatch[] = [];
  const consider = (target: HeaderTarget, word: string, dateOnly: boolean): void => {
    const score = phraseScore(tokens, headerTokens(word));
    if (score > 0) matches.push({ target, word, score, dateOnly });
  };
  for (const stage of KNOWN_STAGES) {
    const target: HeaderTarget = { kind: "stage", key: stage.key };
    for (const word of stage.words) consider(target, word, false);
    for (const word of stage.dateOnlyWords) consider(target, word, true);
  }
  for (const { target, words } of FIELD_WORDS) for (const word of words) consider(target, word, false);
  // Stable sort keeps list order on ties, so the lists above double as priorities.
  return matches.sort((a, b) => b.score - a.score);
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
    default:
      return target.kind;
  }
}

export function sameTarget(a: HeaderTarget, b: HeaderTarget): boolean {
  return a.kind === b.kind && (a.kind !== "stage" || (b.kind === "stage" && a.key === b.key));
}

// Whole words only: "Leadership" is not leads, "Closed date" contains "closed".
function phraseScore(tokens: string[], phrase: string[]): number {
  const compactHeader = tokens.join("");
  const compactPhrase = phrase.join("");
  if (compactHeader === compactPhrase) return phrase.length * 10 + 5;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let all = true;
    for (let j = 0; j < phrase.length; j++) {
      if (tokens[i + j] !== phrase[j]) {
        all = false;
        break;
      }
    }
    if (all) return phrase.length * 10;
  }
  return 0;
}
