// The channel an ad platform's spend belongs to, from the platform and, for Google Ads, the campaign or campaign type (Search, Display, Video, Shopping, Performance Max).
import type { Ga4Channel } from "./ga4-default-channel-group";

/** The export a source came from, as detection names it. */
export type SourcePlatform =
  | "google-ads" | "microsoft-ads" | "meta-ads" | "linkedin-ads" | "tiktok-ads" | "youtube-ads" | "pinterest-ads" | "snapchat-ads" | "x-ads" | "reddit-ads"
  | "ga4" | "hubspot" | "salesforce" | "pipedrive";

export const PLATFORM_NAMES: Readonly<Record<SourcePlatform, string>> = {
  "google-ads": "Google Ads", "microsoft-ads": "Microsoft Ads", "meta-ads": "Meta Ads", "linkedin-ads": "LinkedIn Ads", "tiktok-ads": "TikTok Ads",
  "youtube-ads": "YouTube Ads", "pinterest-ads": "Pinterest Ads", "snapchat-ads": "Snapchat Ads", "x-ads": "X Ads", "reddit-ads": "Reddit Ads",
  ga4: "Google Analytics 4", hubspot: "HubSpot", salesforce: "Salesforce", pipedrive: "Pipedrive",
};

/** Where an ad platform's clicks land in GA4's default channel group when nothing more is known. */
const PLATFORM_CHANNEL: Partial<Record<SourcePlatform, Ga4Channel>> = {
  "google-ads": "Paid Search",
  "microsoft-ads": "Paid Search",
  "meta-ads": "Paid Social",
  "linkedin-ads": "Paid Social",
  "tiktok-ads": "Paid Social",
  "pinterest-ads": "Paid Social",
  "snapchat-ads": "Paid Social",
  "x-ads": "Paid Social",
  "reddit-ads": "Paid Social",
  "youtube-ads": "Paid Video",
};

export function isAdPlatform(platform: SourcePlatform | null): boolean {
  return platform !== null && PLATFORM_CHANNEL[platform] !== undefined;
}

export interface PlatformChannel {
  channel: Ga4Channel;
  reason: string;
}

/** The platform's own channel: all of a Meta Ads export is Paid Social. */
export function platformChannel(platform: SourcePlatform): PlatformChannel | null {
  const channel = PLATFORM_CHANNEL[platform];
  return channel === undefined ? null : { channel, reason: `${PLATFORM_NAMES[platform]} is ${channel} (GA4 files its clicks there)` };
}

/**
 * Campaign words that move a Google or Microsoft Ads campaign out of Paid Search, in the order tested:
 * Google's ad network types as GA4 files them (YouTube → Paid Video, Display Network → Display,
 * Performance Max and Demand Gen → Cross-network) and Shopping campaigns → Paid Shopping.
 */
const CAMPAIGN_WORDS: ReadonlyArray<{ pattern: RegExp; channel: Ga4Channel; what: string }> = [
  { pattern: /performance\s*max|\bpmax\b|demand\s*gen|\bdiscovery\b|cross[-\s]?network|smart\s*shopping/i, channel: "Cross-network", what: "a Performance Max or Demand Gen campaign" },
  { pattern: /youtube|\bvideo\b|\bvid\b|\btrueview\b|\bbumper\b/i, channel: "Paid Video", what: "a video (YouTube) campaign" },
  { pattern: /shopping|\bpla\b|merchant/i, channel: "Paid Shopping", what: "a Shopping campaign" },
  { pattern: /display|\bgdn\b|\bbanner\b|\baudience\b|remarketing\s*-\s*display/i, channel: "Display", what: "a Display campaign" },
  { pattern: /search|\bsem\b|\bbrand\b|\bgeneric\b|\bdsa\b/i, channel: "Paid Search", what: "a Search campaign" },
];

/** A Google or Microsoft Ads campaign (or campaign type) value: its network decides the channel. */
export function campaignChannel(platform: SourcePlatform, value: string): PlatformChannel | null {
  if (platform !== "google-ads" && platform !== "microsoft-ads") return null;
  const hit = CAMPAIGN_WORDS.find((w) => w.pattern.test(value));
  if (hit === undefined) return null;
  return { channel: hit.channel, reason: `"${value}" reads as ${hit.what} of ${PLATFORM_NAMES[platform]}, which GA4 files under ${hit.channel}` };
}
