// Channel names as CRMs, agencies and analytics write them, each tied to the team channel it means; compared loosely ("paid_search" = "Paid Search").
import { GA4_CHANNELS, type Ga4Channel } from "./ga4-default-channel-group";

/**
 * Lower case without spaces, `_`, `-` or `/`: how two spellings of one channel name are recognised when the
 * table is proposed. The table itself then lists the data's own spelling, so nothing looser is needed later.
 */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[\s_\-/]+/g, "");
}

/**
 * Besides GA4's own channel names: HubSpot's original traffic sources ("Direct Traffic", "Email Marketing",
 * "Referrals", "Social Media"), Salesforce and Pipedrive lead sources that name a channel, and the
 * short forms marketers type. Lead sources that do not say how the lead arrived ("Web", "Other",
 * "Trade Show", "Partner") name no channel here: they are left for the team and listed as unmatched.
 */
const SYNONYMS: ReadonlyArray<readonly [string, Ga4Channel]> = [
  ["direct traffic", "Direct"], ["(direct)", "Direct"], ["direct", "Direct"], ["typed/bookmarked", "Direct"],
  ["email marketing", "Email"], ["e-mail", "Email"], ["newsletter", "Email"], ["email campaign", "Email"],
  ["referrals", "Referral"], ["referral traffic", "Referral"], ["referring sites", "Referral"],
  ["social media", "Organic Social"], ["organic social media", "Organic Social"], ["social", "Organic Social"],
  ["paid social media", "Paid Social"], ["social ads", "Paid Social"], ["social paid", "Paid Social"], ["facebook ads", "Paid Social"],
  ["meta ads", "Paid Social"], ["instagram ads", "Paid Social"], ["linkedin ads", "Paid Social"], ["tiktok ads", "Paid Social"],
  ["ppc", "Paid Search"], ["sem", "Paid Search"], ["cpc", "Paid Search"], ["search ads", "Paid Search"], ["google ads", "Paid Search"],
  ["adwords", "Paid Search"], ["bing ads", "Paid Search"], ["microsoft ads", "Paid Search"], ["paid search ads", "Paid Search"],
  ["seo", "Organic Search"], ["organic", "Organic Search"], ["search engine", "Organic Search"], ["natural search", "Organic Search"],
  ["display ads", "Display"], ["banner", "Display"], ["programmatic", "Display"],
  ["youtube ads", "Paid Video"], ["video ads", "Paid Video"],
  ["affiliate", "Affiliates"], ["affiliate marketing", "Affiliates"],
  ["push", "Mobile Push Notifications"], ["push notifications", "Mobile Push Notifications"],
  ["text message", "SMS"], ["podcast", "Audio"],
];

const BY_KEY = new Map<string, Ga4Channel>([
  ...GA4_CHANNELS.map((c) => [looseKey(c), c] as const),
  ...SYNONYMS.map(([word, channel]) => [looseKey(word), channel] as const),
]);

/** The team channel a written channel name means, or null when it names none this table knows. */
export function knownChannel(text: string): Ga4Channel | null {
  const key = looseKey(text);
  return key === "" ? null : (BY_KEY.get(key) ?? null);
}
