// Goals the summary cannot measure are refused, older goals are read on their basis, a KPI lost to a remapping is flagged, and the wizard's prefill.
import { describe, expect, it } from "vitest";
import { isoDateToSerial, serialToIsoDate } from "../../src/kpi/dates";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { saveAndGenerate, suggestGoal } from "../../src/server/sidebar-api";
import type { GoalRow } from "../../src/server/summary/goal-types";
import { GOALS_TITLE, UNKNOWN_KPI } from "../../src/server/summary/goals-block";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { reportFor } from "./expected";
import { AGG_HEADERS, aggregatedRows } from "./fixtures";
import { harness } from "./summary-harness";

const rows = aggregatedRows();
const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
const good: GoalRow = { kpi: "Customers", basis: "since start", baseline: 0, target: 300, start: "2025-02-01", end: "2025-06-30", curve: "linear", direction: "up" };

describe("refused goals", () => {
  it.each([
    ["no target", { ...good, target: null }, "Goal 1 (Customers): enter a target"],
    ["an end before its start", { ...good, end: "2025-01-15" }, "Goal 1 (Customers): the end (2025-01-15) is before the start (2025-02-01)"],
    ["no baseline", { ...good, baseline: null }, "Goal 1 (Customers): enter a baseline: where the KPI stands at the start"],
    ["a KPI the funnel does not have", { ...good, kpi: "MRR" }, 'Goal 1 (MRR): "MRR" is not a KPI of this funnel; choose one from the list'],
    ["a start that is not a date", { ...good, start: "2025-02-30" }, "Goal 1 (Customers): enter a start date"],
  ] as const)("%s, with a message naming the goal, and nothing written", (_what, goal, message) => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      expect(() => h.emu.runExecution(() => saveAndGenerate(mapping, [goal as GoalRow]))).toThrow(message);
      expect(h.emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)).toBeNull();
    } finally {
      h.done();
    }
  });

  it("goals that are not a list", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      expect(() => h.emu.runExecution(() => saveAndGenerate(mapping, {} as unknown as GoalRow[]))).toThrow("Goals: expected a list of goals");
    } finally {
      h.done();
    }
  });
});

describe("goals carried across regenerations", () => {
  it("reads an older summary's goals (no basis column, old KPI names) as totals since their start, under today's names", () => {
    const headers = ["KPI", "Baseline", "Target", "Start", "End", "Curve", "Direction", "Actual", "Expected today", "Pace", "Projected end", "Status"];
    const old = [
      ["Goals: type KPI, baseline, target, start, end, curve and direction; the rest is computed"], headers,
      ["CAC", 30, 20, new Date(2025, 0, 1), new Date(2025, 5, 30), "linear", "down"],
      ["Conversion", 0.002, 0.004, new Date(2025, 0, 1), new Date(2025, 11, 31), "linear", "up"],
    ];
    const h = harness({ Data: [AGG_HEADERS, ...rows], [SUMMARY_SHEET_NAME]: old });
    try {
      const report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
      const g = report.layout.goals;
      const cells = h.summary().getRange(g.firstRow, 1, 2, 4).getValues();
      expect(cells).toEqual([["CAC (cost per customer)", "since start", 30, 20], ["Visits → Customers conversion", "since start", 0.002, 0.004]]);
      expect(h.value(g.firstRow, g.columns.Status)).not.toBe(UNKNOWN_KPI);
    } finally {
      h.done();
    }
  });

  it("renames goals the wizard sends under older names, so the table measures them", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const report = h.emu.runExecution(() => saveAndGenerate(mapping, [{ ...good, kpi: "CAC", baseline: 30, target: 20, direction: "down" }]));
      const g = report.layout.goals;
      expect(h.value(g.firstRow, g.columns.KPI)).toBe("CAC (cost per customer)");
      expect(typeof h.value(g.firstRow, g.columns.Actual)).toBe("number");
    } finally {
      h.done();
    }
  });

  it("flags a goal whose KPI the funnel no longer has after a remapping, and says so in the report", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      h.emu.runExecution(() => saveAndGenerate(mapping, [{ ...good, kpi: "Revenue", target: 20_000 }]));
      const withoutRevenue = { ...mapping, revenue: null };
      const report = h.emu.runExecution(() => saveAndGenerate(withoutRevenue, null));
      const g = report.layout.goals;
      expect(h.value(g.firstRow, g.columns.KPI)).toBe("Revenue");
      expect(h.value(g.firstRow, g.columns.Status)).toBe(UNKNOWN_KPI);
      expect(report.warnings).toContain('Goal "Revenue": this funnel has no such KPI any more; its row is kept and flagged');
      expect(h.summary().getDataRange().getValues().some((r) => r[0] === GOALS_TITLE)).toBe(true);
    } finally {
      h.done();
    }
  });
});

describe("the wizard's prefill, on the goal's basis, from the data before its start", () => {
  const spec = toFunnelSpec(mapping);
  const serial = (iso: string) => isoDateToSerial(...(iso.split("-").map(Number) as [number, number, number]));
  const start = "2025-03-10";
  const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Number(v.toPrecision(4)));
  const measured = (from: number, to: number, key: string) =>
    reportFor(spec, rows, { start: serialToIsoDate(from), end: serialToIsoDate(to) }).headline?.kpis.find((k) => k.key === key)?.current.value ?? Number.NaN;

  it("per day: the daily average of the 7 days before the start, and a target 10% higher", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const s = h.emu.runExecution(() => suggestGoal(mapping, "Visits", "per day", start, "2025-09-10"));
      const avg = measured(serial(start) - 7, serial(start) - 1, "count_visits") / 7;
      expect(s.baseline).toBe(round(avg));
      expect(s.target).toBe(round(avg * 1.1));
      expect(s.from).toBe("2025-03-03");
      expect(s.to).toBe("2025-03-09");
      expect(s.note).toBe("Daily average from 2025-03-03 to 2025-03-09");
    } finally {
      h.done();
    }
  });

  it("since start: a total starts at 0, its target keeps the recent pace to the end; a ratio starts where it stood", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const total = h.emu.runExecution(() => suggestGoal(mapping, "Customers", "since start", start, "2025-04-08"));
      expect(total.baseline).toBe(0);
      const pace = measured(serial(start) - 30, serial(start) - 1, "count_customers") / 30;
      expect(total.target).toBe(round(pace * 30 * 1.1));
      const cac = h.emu.runExecution(() => suggestGoal(mapping, "CAC (cost per customer)", "since start", start, null));
      const value = measured(serial(start) - 30, serial(start) - 1, "cost_per_customers");
      expect(cac.baseline).toBe(round(value));
      expect(cac.target).toBe(round(value * 0.9));
    } finally {
      h.done();
    }
  });

  it("refuses a KPI or a basis it does not know", () => {
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      expect(() => h.emu.runExecution(() => suggestGoal(mapping, "MRR", "per day", start, null))).toThrow('Goal KPI: "MRR" is not a KPI of this funnel');
      expect(() => h.emu.runExecution(() => suggestGoal(mapping, "Visits", "weekly", start, null))).toThrow('Goal basis: "weekly" is neither');
    } finally {
      h.done();
    }
  });
});
