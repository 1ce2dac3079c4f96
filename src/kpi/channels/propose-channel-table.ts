// Proposes the channel table for a funnel's sources: from each ad platform, GA4's default channel group rules for source / medium, and channel names matched loosely.
import { NO_CHANNEL } from "../funnel/channel-label";
import { campaignChannel, isAdPlatform, platformChannel, PLATFORM_NAMES, type SourcePlatform } from "./ad-platforms";
import type { ChannelTableRow } from "./channel-table";
import { knownChannel } from "./channel-vocabulary";
import { ga4DefaultChannel, splitSourceMedium, type Ga4Channel } from "./ga4-default-channel-group";
import { SEARCH_SOURCES, SOCIAL_SOURCES, VIDEO_SOURCES } from "./ga4-source-categories";

/** What a source's channel column holds: channel names, ad campaigns (or campaign types), or GA4's "source / medium". */
export type ChannelColumnKind = "channel" | "campaign" | "source-medium";

export interface SourceToAlign {
  /** The source's name as the table's Source column writes it (its sheet, or file). */
  source: string;
  platform: SourcePlatform | null;
  /** Null when the source has no channel column: all of it is one channel. */
  channelKind: ChannelColumnKind | null;
  /** The channel chosen for the whole source, if the team chose one. */
  fixedChannel: string | null;
  /** True when the source carries spend: a bare site name ("Instagram") in it is then a paid channel. */
  paid: boolean;
  /** The distinct values of its channel column, as the data spells them. */
  values: readonly string[];
}

export interface ProposedChannelRow extends ChannelTableRow {
  reason: string;
}

const SITE_CHANNELS: ReadonlyArray<{ sites: ReadonlySet<string>; paid: Ga4Channel; organic: Ga4Channel }> = [
  { sites: new Set(SEARCH_SOURCES), paid: "Paid Search", organic: "Organic Search" },
  { sites: new Set(SOCIAL_SOURCES), paid: "Paid Social", organic: "Organic Social" },
  { sites: new Set(VIDEO_SOURCES), paid: "Paid Video", organic: "Organic Video" },
];

/** A channel name the loose vocabulary knows, or a site GA4 classifies (paid when the source carries spend). */
function namedChannel(value: string, paid: boolean): { channel: Ga4Channel; reason: string } | null {
  const known = knownChannel(value);
  if (known !== null) return { channel: known, reason: `"${value}" names the channel ${known}` };
  const site = value.trim().toLowerCase();
  for (const s of SITE_CHANNELS) {
    if (!s.sites.has(site)) continue;
    const channel = paid ? s.paid : s.organic;
    return { channel, reason: `"${value}" is a site GA4 lists under ${s.paid.replace("Paid ", "").toLowerCase()}, and this source ${paid ? "carries spend, so it is paid" : "carries no spend"}: ${channel}` };
  }
  return null;
}

function sourceMediumChannel(value: string): { channel: Ga4Channel; reason: string } | null {
  const parts = splitSourceMedium(value);
  if (parts === null) return null;
  const hit = ga4DefaultChannel(parts);
  return hit === null ? null : { channel: hit.channel, reason: `"${value}": ${hit.rule}, so GA4's default channel group is ${hit.channel}` };
}

function proposeFor(s: SourceToAlign): ProposedChannelRow[] {
  const row = (value: string, channel: string, reason: string): ProposedChannelRow => ({ source: s.source, value, channel, reason });
  if (s.fixedChannel !== null && s.fixedChannel.trim() !== "") {
    return [row("", s.fixedChannel.trim(), `all of ${s.source} is ${s.fixedChannel.trim()}, as set up`)];
  }
  const platform = s.platform !== null && isAdPlatform(s.platform) ? platformChannel(s.platform) : null;
  const values = s.values.filter((v) => v.trim() !== "" && v !== NO_CHANNEL);
  if (s.channelKind === null) {
    return platform === null ? [] : [row("", platform.channel, `${platform.reason}, and ${s.source} has no channel column`)];
  }
  const rows: ProposedChannelRow[] = [];
  if (s.channelKind === "campaign" && platform !== null && s.platform !== null) {
    for (const value of values) {
      const hit = campaignChannel(s.platform, value);
      if (hit !== null && hit.channel !== platform.channel) rows.push(row(value, hit.channel, hit.reason));
    }
    rows.push(row("", platform.channel, `${platform.reason}: every campaign not listed above`));
    return rows;
  }
  for (const value of values) {
    const hit = (s.channelKind === "source-medium" ? sourceMediumChannel(value) : null) ?? namedChannel(value, s.paid);
    if (hit !== null) rows.push(row(value, hit.channel, hit.reason));
  }
  if (platform !== null && s.platform !== null) {
    rows.push(row("", platform.channel, `${platform.reason}: every ${PLATFORM_NAMES[s.platform]} value not listed above`));
  }
  return rows;
}

/** One table for all sources, in source order; a value no rule places gets no row, so it is listed as unmatched. */
export function proposeChannelTable(sources: readonly SourceToAlign[]): ProposedChannelRow[] {
  return sources.flatMap(proposeFor);
}
