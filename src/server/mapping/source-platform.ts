// Which export a sheet is (Google Ads, Meta Ads, LinkedIn, GA4, HubSpot, ...), from its name and the headers each platform writes, with the reason.
import { PLATFORM_NAMES, type SourcePlatform } from "../../kpi/channels/ad-platforms";
import { headerTokens } from "./header-synonyms";

interface Signature {
  platform: SourcePlatform;
  /** Word runs in the sheet's name. */
  names: readonly string[];
  /** Headers only this export writes (folded, as headerTokens folds them). */
  headers: readonly string[];
}

const SIGNATURES: readonly Signature[] = [
  { platform: "google-ads", names: ["google ads", "adwords", "googleads", "google"], headers: ["campaign type", "kampagnentyp", "type de campagne", "tipo de campana", "tipo de campanha", "impr", "conv value", "conv wert", "search impr share", "avg cpc"] },
  { platform: "microsoft-ads", names: ["microsoft ads", "microsoft advertising", "bing ads", "bing"], headers: [] },
  {
    platform: "meta-ads",
    names: ["meta", "facebook", "instagram", "fb"],
    headers: ["amount spent", "ausgegebener betrag", "montant depense", "importe gastado", "valor usado", "importo speso", "besteed bedrag", "jumlah yang dibelanjakan", "result indicator", "ergebnisindikator", "indicateur de resultat", "reichweite", "portee", "alcance", "copertura", "bereik", "jangkauan", "capaian", "link klicks", "link clicks"],
  },
  { platform: "linkedin-ads", names: ["linkedin"], headers: ["campaign group name", "campaign group", "total spent", "click through rate"] },
  { platform: "tiktok-ads", names: ["tiktok"], headers: ["clicks destination", "cpc destination", "ad group name"] },
  { platform: "youtube-ads", names: ["youtube"], headers: [] },
  { platform: "pinterest-ads", names: ["pinterest"], headers: [] },
  { platform: "snapchat-ads", names: ["snapchat"], headers: [] },
  { platform: "x-ads", names: ["twitter", "x ads"], headers: [] },
  { platform: "reddit-ads", names: ["reddit"], headers: [] },
  {
    platform: "ga4",
    names: ["ga4", "google analytics", "analytics"],
    headers: ["session default channel group", "session source medium", "session source", "session medium", "first user default channel group", "first user source medium", "engaged sessions", "engagement rate", "key events"],
  },
  { platform: "hubspot", names: ["hubspot"], headers: ["deal stage", "original traffic source", "original source", "lifecycle stage", "record id"] },
  { platform: "salesforce", names: ["salesforce", "sfdc"], headers: ["opportunity name", "opportunity id", "opportunity owner", "lead source", "is won"] },
  { platform: "pipedrive", names: ["pipedrive"], headers: ["deal status", "deal title", "deal won time", "deal deal created", "deal value"] },
];

export interface PlatformFinding {
  platform: SourcePlatform;
  reason: string;
}

function hasRun(tokens: readonly string[], phrase: string): boolean {
  const words = phrase.split(" ");
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

/**
 * The likeliest export, or null when it is not clear: the sheet's name says it, or at least two headers
 * typical of one export do (one header alone, "Deal value", is too common to tell).
 */
export function detectPlatform(sheetName: string, headers: readonly string[]): PlatformFinding | null {
  const nameTokens = headerTokens(sheetName);
  const folded = headers.map((h) => ({ header: h, tokens: headerTokens(h) }));
  let best: { signature: Signature; score: number; name: string | null; headers: string[] } | null = null;
  for (const signature of SIGNATURES) {
    const name = signature.names.find((n) => hasRun(nameTokens, n)) ?? null;
    const matched = folded.filter((f) => signature.headers.some((h) => f.tokens.join(" ") === h || (h.includes(" ") && hasRun(f.tokens, h)))).map((f) => f.header);
    const score = (name === null ? 0 : 2) + matched.length;
    if (score >= 2 && (best === null || score > best.score)) best = { signature, score, name, headers: matched };
  }
  if (best === null) return null;
  const what = PLATFORM_NAMES[best.signature.platform];
  const parts: string[] = [];
  if (best.name !== null) parts.push(`the sheet's name '${sheetName}'`);
  if (best.headers.length > 0) parts.push(`${best.headers.length === 1 ? "header" : "headers"} ${best.headers.slice(0, 3).map((h) => `'${h}'`).join(", ")}`);
  return { platform: best.signature.platform, reason: `${parts.join(" and ")} look like a ${what} export` };
}
