// The proposed channel table: ad platforms by their network, GA4 source / medium by Google's rules, CRM channel names matched loosely, and no row for what nothing places.
import { describe, expect, it } from "vitest";
import { proposeChannelTable } from "../../src/kpi/channels/propose-channel-table";

describe("proposing the channel table", () => {
  it("Google Ads: campaigns on another network get a row each, the rest fall to Paid Search", () => {
    const rows = proposeChannelTable([{
      source: "Google Ads", platform: "google-ads", channelKind: "campaign", fixedChannel: null, paid: true,
      values: ["Brand - Search", "Generic - Search", "Remarketing - Display", "YouTube Bumper", "PMax Shoes", "Shopping - Boots"],
    }]);
    expect(rows.map((r) => [r.value, r.channel])).toEqual([
      ["Remarketing - Display", "Display"],
      ["YouTube Bumper", "Paid Video"],
      ["PMax Shoes", "Cross-network"],
      ["Shopping - Boots", "Paid Shopping"],
      ["", "Paid Search"],
    ]);
    expect(rows[0].reason).toContain("Display campaign");
  });

  it("Meta and LinkedIn without a channel column: one blank-Value row for the whole source", () => {
    const rows = proposeChannelTable([
      { source: "Meta Ads", platform: "meta-ads", channelKind: null, fixedChannel: null, paid: true, values: [] },
      { source: "LinkedIn", platform: "linkedin-ads", channelKind: "campaign", fixedChannel: null, paid: true, values: ["Demand Gen EMEA", "Webinar Q3"] },
    ]);
    expect(rows.map((r) => [r.source, r.value, r.channel])).toEqual([
      ["Meta Ads", "", "Paid Social"],
      ["LinkedIn", "", "Paid Social"],
    ]);
  });

  it("a fixed channel set up for a source is its one row", () => {
    expect(proposeChannelTable([{ source: "TV", platform: null, channelKind: "campaign", fixedChannel: "Offline", paid: true, values: ["Spot A"] }]))
      .toEqual([{ source: "TV", value: "", channel: "Offline", reason: "all of TV is Offline, as set up" }]);
  });

  it("GA4 source / medium by the default channel group rules; what is unassigned gets no row", () => {
    const rows = proposeChannelTable([{
      source: "GA4", platform: "ga4", channelKind: "source-medium", fixedChannel: null, paid: false,
      values: ["google / cpc", "(direct) / (none)", "facebook / paid", "google / organic", "hs_email / something"],
    }]);
    expect(rows.map((r) => [r.value, r.channel])).toEqual([
      ["google / cpc", "Paid Search"],
      ["(direct) / (none)", "Direct"],
      ["facebook / paid", "Paid Social"],
      ["google / organic", "Organic Search"],
    ]);
  });

  it("CRM channel names match loosely, spelled as the data spells them", () => {
    const rows = proposeChannelTable([{
      source: "HubSpot deals", platform: "hubspot", channelKind: "channel", fixedChannel: null, paid: false,
      values: ["Paid Search", "paid_social", "Email Marketing", "Direct Traffic", "ORGANIC-SEARCH", "Webinar", "(no channel)"],
    }]);
    expect(rows.map((r) => [r.value, r.channel])).toEqual([
      ["Paid Search", "Paid Search"],
      ["paid_social", "Paid Social"],
      ["Email Marketing", "Email"],
      ["Direct Traffic", "Direct"],
      ["ORGANIC-SEARCH", "Organic Search"],
    ]);
  });

  it("a bare site name is paid in a source with spend, organic in one without", () => {
    const paid = proposeChannelTable([{ source: "Agency", platform: null, channelKind: "channel", fixedChannel: null, paid: true, values: ["Instagram", "Google Ads", "TikTok"] }]);
    expect(paid.map((r) => r.channel)).toEqual(["Paid Social", "Paid Search", "Paid Social"]);
    const organic = proposeChannelTable([{ source: "Leads", platform: null, channelKind: "channel", fixedChannel: null, paid: false, values: ["instagram"] }]);
    expect(organic.map((r) => r.channel)).toEqual(["Organic Social"]);
  });
});
