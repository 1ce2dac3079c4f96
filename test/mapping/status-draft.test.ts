// The wizard's edits to status stages: a value means one stage, a stage left without values loses its status, the column is shared.
import { describe, expect, it } from "vitest";
import { setStatusColumn, setValueStage, stageOfValue, statusColumnOf } from "../../src/client/mapping-draft";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";

const stage = { header: "Deal Stage", index: 2 };
const base: FunnelMapping = {
  version: 2,
  sheetName: "Deals",
  headerRow: 1,
  shape: "record-level",
  stages: [
    { key: "leads", name: "Leads", column: { header: "Create Date", index: 5 } },
    { key: "opportunities", name: "Opportunities", column: null },
    { key: "customers", name: "Customers", column: { header: "Close Date", index: 4 }, status: { column: stage, values: ["Closed won"] } },
  ],
  date: null,
  channel: null,
  spend: null,
  revenue: null,
};

describe("status edits in the wizard", () => {
  it("gives a value to one stage at a time and drops a stage's status when its last value leaves", () => {
    const a = setValueStage(base, stage, "Contract sent", "opportunities");
    expect(a.stages[1].status).toEqual({ column: stage, values: ["Contract sent"] });
    expect(stageOfValue(a, "Contract sent")).toBe("opportunities");
    const b = setValueStage(a, stage, "Contract sent", "customers");
    expect(b.stages[1].status).toBeUndefined();
    expect(b.stages[2].status?.values).toEqual(["Closed won", "Contract sent"]);
    const c = setValueStage(b, stage, "Closed won", null);
    expect(c.stages[2].status?.values).toEqual(["Contract sent"]);
    expect(base.stages[2].status?.values).toEqual(["Closed won"]);
  });

  it("moves every status stage to another column, forgetting values chosen for the old one; null removes them", () => {
    expect(statusColumnOf(base)).toEqual(stage);
    const other = { header: "Status", index: 7 };
    expect(setStatusColumn(base, other).stages[2].status).toEqual({ column: other, values: [] });
    expect(setStatusColumn(base, { ...stage }).stages[2].status).toEqual({ column: stage, values: ["Closed won"] });
    const none = setStatusColumn(base, null);
    expect(none.stages.some((s) => "status" in s)).toBe(false);
    expect(statusColumnOf(none)).toBeNull();
  });
});
