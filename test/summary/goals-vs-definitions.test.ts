// The summary's native goal formulas (expected, pace, projection, status) equal src/kpi's goalProgress on the same goals.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/kpi/clock";
import { isoDateToSerial, serialToIsoDate } from "../../src/kpi/dates";
import { type GoalPath, goalProgress } from "../../src/kpi/definitions/goals";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { GoalRow } from "../../src/server/summary/goal-types";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { AGG_HEADERS, aggregatedRows } from "./fixtures";
import { type Harness, harness } from "./summary-harness";

const rows = aggregatedRows();
let h: Harness;
let report: SummaryReport;

// Periods around today, so the elapsed fraction is strictly between 0 and 1 whenever the test runs; the data
// (Jan–Apr 2025) all falls inside them, so the actuals are the all-time totals.
const today = systemClock.today();
const START = "2025-01-01";
const future = (days: number) => serialToIsoDate(today + days);
const GOALS: GoalRow[] = [
  { kpi: "Customers", baseline: 10, target: 400, start: START, end: future(300), curve: "linear", direction: "up" },
  { kpi: "Revenue", baseline: 500, target: 40_000, start: START, end: future(120), curve: "compound", direction: "up" },
  { kpi: "CAC", baseline: 60, target: 20, start: START, end: future(30), curve: "linear", direction: "down" },
  { kpi: "Spend", baseline: 100, target: 50, start: START, end: future(500), curve: "compound", direction: "down" },
  { kpi: "Leads", baseline: 0, target: 100, start: START, end: future(60), curve: "linear", direction: "up" },
  { kpi: "Visits", baseline: 100, target: 1_000, start: future(10), end: future(100), curve: "linear", direction: "up" },
];

beforeEach(() => {
  h = harness({ Data: [AGG_HEADERS, ...rows] });
  const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
  report = h.emu.runExecution(() => saveAndGenerate(mapping, GOALS));
});
afterEach(() => h.done());

function close(cell: unknown, value: number | null): boolean {
  if (value === null) return cell === "";
  return typeof cell === "number" && Math.abs(cell - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

describe("goals block against goalProgress", () => {
  it("expected, pace, projected end and status match row by row", () => {
    const first = report.layout.goals.firstRow;
    GOALS.forEach((goal, i) => {
      const cells = h.summary().getRange(first + i, 1, 1, 12).getValues()[0];
      expect(cells[0]).toBe(goal.kpi);
      const actual = cells[7];
      expect(typeof actual, `${goal.kpi} actual`).toBe("number");
      const path: GoalPath = {
        baseline: goal.baseline ?? 0, target: goal.target ?? 0, curve: goal.curve,
        start: isoDateToSerial(...(goal.start ?? "").split("-").map(Number) as [number, number, number]),
        end: isoDateToSerial(...(goal.end ?? "").split("-").map(Number) as [number, number, number]),
      };
      const progress = goalProgress(actual as number, path, goal.direction, today);
      expect(close(cells[8], progress.expected), `${goal.kpi} expected ${String(cells[8])} vs ${progress.expected}`).toBe(true);
      expect(close(cells[9], progress.pace), `${goal.kpi} pace ${String(cells[9])} vs ${progress.pace}`).toBe(true);
      expect(close(cells[10], progress.projectedEnd), `${goal.kpi} projection ${String(cells[10])} vs ${progress.projectedEnd}`).toBe(true);
      expect(cells[11], `${goal.kpi} status`).toBe(progress.status);
    });
  });
});
