// The channel table's rules: literal lookup (trimmed, case ignored), the blank-Value row as the source's fallback, and each bad row named.
import { describe, expect, it } from "vitest";
import { channelResolver } from "../../src/kpi/channels/channel-resolver";
import { numberRows } from "../../src/kpi/channels/channel-table";
import { checkChannelTable } from "../../src/kpi/channels/channel-table-check";

const SOURCES = ["Google Ads", "Meta Ads", "HubSpot deals"];

describe("looking a value up", () => {
  const table = numberRows([
    { source: "Google Ads", value: "YouTube - Video", channel: "Paid Video" },
    { source: "google ads", value: "", channel: "Paid Search" },
    { source: "HubSpot deals", value: "  paid social ", channel: " Paid Social" },
    { source: "HubSpot deals", value: "*", channel: "Wildcard" },
  ], 2);

  it("finds a value's own row, ignoring case and outer spaces, and names the row", () => {
    const google = channelResolver(table, "Google Ads");
    expect(google("youtube - video")).toEqual({ channel: "Paid Video", by: "value", row: 2 });
    expect(channelResolver(table, "HubSpot deals")("Paid Social")).toEqual({ channel: "Paid Social", by: "value", row: 4 });
  });

  it("falls back to the source's blank-Value row for every value not listed", () => {
    expect(channelResolver(table, "Google Ads")("Brand - Search")).toEqual({ channel: "Paid Search", by: "source", row: 3 });
  });

  it("leaves a value no row covers as its own channel", () => {
    expect(channelResolver(table, "HubSpot deals")("Webinar")).toEqual({ channel: "Webinar", by: "unmatched", row: null });
    expect(channelResolver(table, "Meta Ads")("Herbst Sale")).toEqual({ channel: "Herbst Sale", by: "unmatched", row: null });
  });

  it("compares literally: no wildcard, no loose spelling", () => {
    const hubspot = channelResolver(table, "HubSpot deals");
    expect(hubspot("Webinar").by).toBe("unmatched");
    expect(hubspot("*").channel).toBe("Wildcard");
    expect(hubspot("paid_social").by).toBe("unmatched");
  });
});

describe("checking a table", () => {
  it("accepts a good table and skips blank rows", () => {
    const rows = numberRows([
      { source: "Google Ads", value: "", channel: "Paid Search" },
      { source: "", value: "", channel: "" },
      { source: "Meta Ads", value: "", channel: "Paid Social" },
    ], 2);
    expect(checkChannelTable(rows, SOURCES, "Channel map")).toEqual([]);
  });

  it("names an unknown source with the sources there are", () => {
    const [problem] = checkChannelTable(numberRows([{ source: "Gogle Ads", value: "x", channel: "Paid Search" }], 2), SOURCES, "Channel map");
    expect(problem.code).toBe("unknown-source");
    expect(problem.message).toBe('Channel map row 2: source "Gogle Ads" is not a source of this funnel (its sources are "Google Ads", "Meta Ads", "HubSpot deals")');
  });

  it("names a duplicate value by both rows", () => {
    const problems = checkChannelTable(numberRows([
      { source: "HubSpot deals", value: "Paid Search", channel: "Paid Search" },
      { source: "HubSpot deals", value: "paid search ", channel: "paid search" },
    ], 5), SOURCES, "channels.csv");
    expect(problems).toEqual([{ code: "duplicate-value", row: 6, message: 'channels.csv rows 5 and 6 both map "paid search" of "HubSpot deals" to "paid search"; keep one of them' }]);
  });

  it("names a value mapped to two channels, and two blank-Value rows that disagree", () => {
    const problems = checkChannelTable(numberRows([
      { source: "Google Ads", value: "Brand", channel: "Paid Search" },
      { source: "Google Ads", value: "brand", channel: "Brand" },
      { source: "Meta Ads", value: "", channel: "Paid Social" },
      { source: "Meta Ads", value: " ", channel: "Display" },
    ], 2), SOURCES, "Channel map");
    expect(problems.map((p) => p.code)).toEqual(["conflicting-value", "conflicting-value"]);
    expect(problems[0].message).toBe('Channel map: "brand" of "Google Ads" is mapped to two channels, "Paid Search" (row 2) and "Brand" (row 3); keep one');
    expect(problems[1].message).toBe('Channel map: every other value of "Meta Ads" (the blank Value row) is mapped to two channels, "Paid Social" (row 4) and "Display" (row 5); keep one');
  });

  it("names a row without a source; a value listed without a channel is left for the team, not an error", () => {
    const rows = numberRows([
      { source: "Meta Ads", value: "Herbst Sale", channel: "" },
      { source: "", value: "Herbst Sale", channel: "Paid Social" },
      { source: "Meta Ads", value: "Herbst Sale", channel: "Paid Social" },
    ], 2);
    expect(checkChannelTable(rows, SOURCES, "Channel map").map((p) => p.message)).toEqual([
      "Channel map row 3: the Source is blank; write the sheet (or file) the value comes from",
    ]);
    expect(channelResolver(rows.slice(0, 1), "Meta Ads")("Herbst Sale")).toEqual({ channel: "Herbst Sale", by: "unmatched", row: null });
  });
});
