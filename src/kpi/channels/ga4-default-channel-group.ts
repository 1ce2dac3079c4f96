// GA4's default channel group for a session's source, medium and campaign: Google's published rules for manual traffic, in their order, first match wins.
import { SEARCH_SOURCES, SHOPPING_SOURCES, SOCIAL_SOURCES, VIDEO_SOURCES } from "./ga4-source-categories";

/**
 * From "[GA4] Default channel group", support.google.com/analytics/answer/9756891 ("Channels for manual
 * traffic"). GA4 compares these case-insensitively after lower-casing the tags; so does this.
 */
export const GA4_CHANNELS = [
  "Direct", "Cross-network", "Paid Shopping", "Paid Search", "Paid Social", "Paid Video", "Display", "Paid Other", "Organic Shopping",
  "Organic Social", "Organic Video", "Organic Search", "Referral", "Email", "Affiliates", "Audio", "SMS", "Mobile Push Notifications",
] as const;

export type Ga4Channel = (typeof GA4_CHANNELS)[number];

export interface Ga4Traffic {
  source: string;
  medium: string;
  /** Optional: only the Cross-network and shopping rules read it. */
  campaign?: string;
}

interface Rule {
  channel: Ga4Channel;
  /** The rule in Google's words, for the reason a proposal gives. */
  words: string;
  test(t: { source: string; medium: string; campaign: string }): boolean;
}

const PAID_MEDIUM = /^(.*cp.*|ppc|retargeting|paid.*)$/;
const SHOPPING_CAMPAIGN = /^(.*(([^a-df-z]|^)shop|shopping).*)$/;
const EMAIL = new Set(["email", "e-mail", "e_mail", "e mail"]);
const inList = (list: readonly string[]) => {
  const set = new Set(list);
  return (source: string): boolean => set.has(source);
};
const isSearch = inList(SEARCH_SOURCES);
const isSocial = inList(SOCIAL_SOURCES);
const isVideo = inList(VIDEO_SOURCES);
const isShopping = inList(SHOPPING_SOURCES);

const RULES: readonly Rule[] = [
  { channel: "Direct", words: 'source is "(direct)" and medium is "(not set)" or "(none)"', test: (t) => t.source === "(direct)" && (t.medium === "(not set)" || t.medium === "(none)") },
  { channel: "Cross-network", words: 'campaign name contains "cross-network"', test: (t) => t.campaign.includes("cross-network") },
  {
    channel: "Paid Shopping",
    words: "a shopping site or shopping campaign, with a paid medium (cp…, ppc, retargeting, paid…)",
    test: (t) => (isShopping(t.source) || SHOPPING_CAMPAIGN.test(t.campaign)) && PAID_MEDIUM.test(t.medium),
  },
  { channel: "Paid Search", words: "a search site with a paid medium (cp…, ppc, retargeting, paid…)", test: (t) => isSearch(t.source) && PAID_MEDIUM.test(t.medium) },
  { channel: "Paid Social", words: "a social site with a paid medium (cp…, ppc, retargeting, paid…)", test: (t) => isSocial(t.source) && PAID_MEDIUM.test(t.medium) },
  { channel: "Paid Video", words: "a video site with a paid medium (cp…, ppc, retargeting, paid…)", test: (t) => isVideo(t.source) && PAID_MEDIUM.test(t.medium) },
  { channel: "Display", words: 'medium is "display", "banner", "expandable", "interstitial" or "cpm"', test: (t) => ["display", "banner", "expandable", "interstitial", "cpm"].includes(t.medium) },
  { channel: "Paid Other", words: "a paid medium (cp…, ppc, retargeting, paid…) from no known search, social, video or shopping site", test: (t) => PAID_MEDIUM.test(t.medium) },
  { channel: "Organic Shopping", words: "a shopping site or shopping campaign", test: (t) => isShopping(t.source) || SHOPPING_CAMPAIGN.test(t.campaign) },
  {
    channel: "Organic Social",
    words: 'a social site, or medium "social", "social-network", "social-media", "sm", "social network" or "social media"',
    test: (t) => isSocial(t.source) || ["social", "social-network", "social-media", "sm", "social network", "social media"].includes(t.medium),
  },
  { channel: "Organic Video", words: 'a video site, or a medium containing "video"', test: (t) => isVideo(t.source) || /^(.*video.*)$/.test(t.medium) },
  { channel: "Organic Search", words: 'a search site, or medium "organic"', test: (t) => isSearch(t.source) || t.medium === "organic" },
  { channel: "Referral", words: 'medium "referral", "app" or "link"', test: (t) => ["referral", "app", "link"].includes(t.medium) },
  { channel: "Email", words: 'source or medium "email", "e-mail", "e_mail" or "e mail"', test: (t) => EMAIL.has(t.source) || EMAIL.has(t.medium) },
  { channel: "Affiliates", words: 'medium "affiliate"', test: (t) => t.medium === "affiliate" },
  { channel: "Audio", words: 'medium "audio"', test: (t) => t.medium === "audio" },
  { channel: "SMS", words: 'source or medium "sms"', test: (t) => t.source === "sms" || t.medium === "sms" },
  {
    channel: "Mobile Push Notifications",
    words: 'medium ending in "push" or containing "mobile" or "notification", or source "firebase"',
    test: (t) => t.medium.endsWith("push") || t.medium.includes("mobile") || t.medium.includes("notification") || t.source === "firebase",
  },
];

export interface Ga4Assignment {
  channel: Ga4Channel;
  /** The matching rule in words. */
  rule: string;
}

/** The first rule that matches, or null where GA4 would say "Unassigned". */
export function ga4DefaultChannel(traffic: Ga4Traffic): Ga4Assignment | null {
  const t = { source: traffic.source.trim().toLowerCase(), medium: traffic.medium.trim().toLowerCase(), campaign: (traffic.campaign ?? "").trim().toLowerCase() };
  const rule = RULES.find((r) => r.test(t));
  return rule === undefined ? null : { channel: rule.channel, rule: rule.words };
}

/**
 * "google / cpc" as GA4 writes a session source / medium; "(direct) / (none)" keeps its brackets.
 * Null when the text has no " / " (nor a single "/") between two parts.
 */
export function splitSourceMedium(text: string): { source: string; medium: string } | null {
  const spaced = text.indexOf(" / ");
  if (spaced >= 0) return { source: text.slice(0, spaced).trim(), medium: text.slice(spaced + 3).trim() };
  const parts = text.split("/");
  if (parts.length !== 2) return null;
  return { source: parts[0].trim(), medium: parts[1].trim() };
}
