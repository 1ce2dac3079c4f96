// The wizard's pure pieces: goal defaults, stage edits and the error field carried through google.script.run.
import { describe, expect, it } from "vitest";
import { addMonths, defaultDirection, goalKpis, goalRefusal, newGoal } from "../../src/client/goal-defaults";
import { addStage, moveStage, removeStage, renameStage } from "../../src/client/mapping-draft";
import { decodeFieldError, encodeFieldError } from "../../src/server/field-error-wire";
import { MAPPING_VERSION, type FunnelMapping } from "../../src/server/mapping/mapping-types";

const mapping: FunnelMapping = {
  version: MAPPING_VERSION, sheetName: "Data", headerRow: 1, shape: "aggregated",
  stages: [
    { key: "visits", name: "Visits", column: { header: "Visits", index: 1 } },
    { key: "leads", name: "Leads", column: { header: "Leads", index: 2 } },
  ],
  date: { header: "Date", index: 0 }, channel: null, spend: null, revenue: null,
};

describe("goal defaults", () => {
  const money: FunnelMapping = {
    ...mapping,
    stages: [...mapping.stages, { key: "customers", name: "Customers", column: { header: "Won", index: 3 } }],
    spend: { header: "Spend", index: 4 }, revenue: { header: "Revenue", index: 5 },
  };

  it("offers the summary's headline metrics, down for a cost per result, up otherwise", () => {
    expect(goalKpis(money)).toEqual([
      "Spend", "Visits", "Leads", "Customers", "Visits → Leads conversion", "Leads → Customers conversion", "Visits → Customers conversion",
      "Cost per lead", "CAC (cost per customer)", "Revenue", "ROI", "ROAS", "Average deal size (revenue per customer)",
    ]);
    expect(["CAC (cost per customer)", "Cost per lead"].map((k) => defaultDirection(k, money))).toEqual(["down", "down"]);
    expect(["Customers", "Revenue", "ROAS", "Visits → Customers conversion", "Spend"].map((k) => defaultDirection(k, money))).toEqual(["up", "up", "up", "up", "up"]);
    // Without spend there is no cost per result at all, rather than a choice that could only read n/a; two stages have one conversion.
    expect(goalKpis(mapping)).toEqual(["Visits", "Leads", "Visits → Leads conversion"]);
  });

  it("refuses a goal without a target, ending before it starts, or on a KPI the funnel no longer has", () => {
    const ok = { ...newGoal("Leads", mapping, new Date(2025, 2, 1)), baseline: 10, target: 20 };
    const kpis = goalKpis(mapping);
    expect(goalRefusal(ok, kpis)).toBeNull();
    expect(goalRefusal({ ...ok, target: null }, kpis)).toBe("enter a target");
    expect(goalRefusal({ ...ok, end: "2025-01-01" }, kpis)).toBe("the end (2025-01-01) is before the start (2025-03-01)");
    expect(goalRefusal({ ...ok, kpi: "Revenue" }, kpis)).toBe('"Revenue" is not a KPI of this funnel any more; choose one from the list');
  });

  it("ends six calendar months after the start, clamped to the month's end", () => {
    expect(addMonths("2025-01-15", 6)).toBe("2025-07-15");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2025-11-30", 6)).toBe("2026-05-30");
    expect(newGoal("Leads", mapping, new Date(2025, 2, 1))).toEqual({
      kpi: "Leads", basis: "since start", baseline: null, target: null, start: "2025-03-01", end: "2025-09-01", curve: "linear", direction: "up",
    });
  });
});

describe("stage edits", () => {
  it("adds with a free key, renames a new stage's key with its name but keeps a saved one's", () => {
    const added = addStage(mapping);
    expect(added.stages[2]).toEqual({ key: "stage_3", name: "Stage 3", column: null });
    expect(renameStage(added, 2, "Demo booked", false).stages[2].key).toBe("demo_booked");
    expect(renameStage(added, 2, "Leads", false).stages[2].key).toBe("leads_2");
    expect(renameStage(added, 2, "Date", false).stages[2].key).toBe("date_2");
    expect(renameStage(mapping, 0, "Sessions", true).stages[0]).toMatchObject({ key: "visits", name: "Sessions" });
  });

  it("moves within bounds and removes", () => {
    expect(moveStage(mapping, 0, 1).stages.map((s) => s.key)).toEqual(["leads", "visits"]);
    expect(moveStage(mapping, 0, -1)).toBe(mapping);
    expect(removeStage(mapping, 0).stages.map((s) => s.key)).toEqual(["leads"]);
  });
});

describe("field errors over google.script.run", () => {
  it("round-trips the field, even behind a prefix Apps Script may add", () => {
    const wire = encodeFieldError("stage:leads", "Stage 'Leads': no column is chosen");
    expect(decodeFieldError(wire)).toEqual({ field: "stage:leads", message: "Stage 'Leads': no column is chosen" });
    expect(decodeFieldError(`Exception: ${wire}`)).toEqual({ field: "stage:leads", message: "Stage 'Leads': no column is chosen" });
    expect(decodeFieldError("TypeError: x is undefined")).toEqual({ field: null, message: "TypeError: x is undefined" });
  });
});
