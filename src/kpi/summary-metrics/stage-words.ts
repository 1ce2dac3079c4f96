// Words for metrics named after a funnel stage: "Cost per lead", "CAC (cost per customer)", and which stages are ad impressions and clicks.

/** Stage keys that make CTR, CPC and CPM available (an ad platform's impressions → clicks → conversions funnel). */
export const IMPRESSIONS_KEY = "impressions";
export const CLICKS_KEY = "clicks";

/** Stages whose cost is a customer acquisition cost in the textbook sense (Skok's CAC). */
const CUSTOMER_WORDS = /^(new )?(customers?|clients?|accounts?|buyers?|subscribers?|deals? won|won( deals?)?|paying customers?)$/i;

export function isCustomerStage(stage: { key: string; name: string }): boolean {
  return CUSTOMER_WORDS.test(stage.name.trim()) || CUSTOMER_WORDS.test(stage.key.replace(/_/g, " "));
}

function singularWord(word: string): string {
  if (/ies$/i.test(word) && word.length > 4) return `${word.slice(0, -3)}${word.slice(-3) === "IES" ? "Y" : "y"}`;
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/s$/i.test(word) && word.length > 2) return word.slice(0, -1);
  return word;
}

/**
 * "Leads" → "lead", "New customers" → "new customer", "MQLs" → "MQL", "Opportunities" → "opportunity":
 * the last word made singular, words in capitals (acronyms) kept as they are.
 */
export function singularStageName(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words.length - 1;
  return words
    .map((word, i) => {
      const one = i === last ? singularWord(word) : word;
      return /[A-Z]{2}/.test(one) ? one : one.toLowerCase();
    })
    .join(" ");
}
