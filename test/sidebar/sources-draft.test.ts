// The wizard's edits of a funnel over several sheets, as pure functions: stages, suppliers, columns, the channel table, and which steps each mode shows.
import { describe, expect, it } from "vitest";
import { addSupply, addSourcedStage, moveSourcedStage, placeValue, removeSupply, renameSourcedStage, setSupplySource, setSupplyStatus } from "../../src/client/sources-draft";
import { initialSourcesState, routeStep, visibleSteps } from "../../src/client/sources-state";
import type { SourcedMapping } from "../../src/server/mapping/source-types";

const MAPPING: SourcedMapping = {
  version: 3,
  sources: [
    { id: "ads", sheetName: "Google Ads", headerRow: 1, shape: "aggregated", platform: "google-ads", role: "ad-spend", date: { header: "Day", index: 0 }, channel: null, channelKind: null, fixedChannel: null, spend: { header: "Cost", index: 2 }, revenue: null },
    { id: "crm", sheetName: "Deals", headerRow: 1, shape: "record-level", platform: null, role: "crm", date: null, channel: null, channelKind: null, fixedChannel: null, spend: null, revenue: null },
  ],
  stages: [
    { key: "clicks", name: "Clicks", supply: [{ source: "ads", column: { header: "Clicks", index: 3 } }] },
    { key: "customers", name: "Customers", supply: [{ source: "crm", column: { header: "Won", index: 1 }, status: { column: { header: "Stage", index: 0 }, values: ["Won"] } }] },
  ],
};

describe("editing stages and suppliers", () => {
  it("adds a supplier from the next source, and a new source's column is chosen afresh", () => {
    const added = addSupply(MAPPING, 0);
    expect(added.stages[0].supply).toEqual([MAPPING.stages[0].supply[0], { source: "crm", column: null }]);
    expect(addSupply(added, 0)).toBe(added);
    expect(setSupplySource(MAPPING, 1, 0, "ads").stages[1].supply).toEqual([{ source: "ads", column: null }]);
    expect(removeSupply(added, 0, 0).stages[0].supply).toEqual([{ source: "crm", column: null }]);
  });

  it("keeps a saved stage's key when renamed; a new stage's key follows its name", () => {
    expect(renameSourcedStage(MAPPING, 0, "Link clicks", true).stages[0]).toMatchObject({ key: "clicks", name: "Link clicks" });
    const fresh = addSourcedStage(MAPPING);
    expect(renameSourcedStage(fresh, 2, "Demos", false).stages[2]).toMatchObject({ key: "demos", name: "Demos", supply: [] });
    expect(moveSourcedStage(MAPPING, 1, -1).stages.map((s) => s.key)).toEqual(["customers", "clicks"]);
  });

  it("sets and clears a status", () => {
    expect(setSupplyStatus(MAPPING, 1, 0, null).stages[1].supply[0]).toEqual({ source: "crm", column: { header: "Won", index: 1 } });
  });
});

describe("the channel table and the modes", () => {
  it("places a value in its own row, or gives its existing row the channel", () => {
    const table = [{ source: "Deals", value: "Webinar", channel: "" }];
    expect(placeValue(table, "deals", "webinar ", "Events")).toEqual([{ source: "Deals", value: "Webinar", channel: "Events" }]);
    expect(placeValue(table, "Deals", "Trade show", "Events")).toEqual([...table, { source: "Deals", value: "Trade show", channel: "Events" }]);
  });

  it("shows Sources, Stages and Channels with sources, Data and Stages for one sheet, and routes between them", () => {
    const s = initialSourcesState();
    expect(visibleSteps(s)).toEqual(["data", "stages", "goals", "generate"]);
    expect(routeStep(s, "channels")).toBe("data");
    s.active = true;
    expect(visibleSteps(s)).toEqual(["sources", "source-stages", "channels", "goals", "generate"]);
    expect([routeStep(s, "data"), routeStep(s, "stages"), routeStep(s, "goals")]).toEqual(["sources", "source-stages", "goals"]);
  });
});
