// The goals table measured like its actuals: on each goal's basis, up to the latest data, its actual, expected, pace, projection and status equal src/kpi's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isoDateToSerial, serialToIsoDate } from "../../src/kpi/dates";
import { type GoalBasis, goalWindow, summaryGoalProgress } from "../../src/kpi/definitions/goal-basis";
import type { GoalPath } from "../../src/kpi/definitions/goals";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { metricContextOf, resolveGoalKpi } from "../../src/server/summary/goal-kpis";
import type { GoalRow } from "../../src/server/summary/goal-types";
import { reportFor } from "./expected";
import { AGG_HEADERS, aggregatedRows } from "./fixtures";
import { type Harness, harness } from "./summary-harness";

const rows = aggregatedRows();
const mapping = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
const spec = toFunnelSpec(mapping);
const context = metricContextOf(mapping);
const metrics = summaryMetrics(context);
const latest = reportFor(spec, rows).span?.latest ?? 0;
const day = (offset: number) => serialToIsoDate(latest + offset);

const goal = (kpi: string, basis: GoalBasis, baseline: number, target: number, start: string, end: string, curve: GoalRow["curve"], direction: GoalRow["direction"]): GoalRow =>
  ({ kpi, basis, baseline, target, start, end, curve, direction });

const GOALS: GoalRow[] = [
  goal("Customers", "since start", 0, 300, "2025-02-01", "2025-06-30", "linear", "up"),
  goal("Visits", "per day", 800, 3000, "2025-02-01", "2025-12-31", "compound", "up"),
  goal("CAC (cost per customer)", "since start", 60, 20, "2025-01-15", day(40), "linear", "down"),
  goal("Revenue", "per day", 50, 400, "2025-01-01", day(90), "linear", "up"),
  goal("Visits → Leads conversion", "per day", 0.02, 0.05, "2025-03-01", day(10), "linear", "up"),
  goal("Spend", "since start", 0, 100_000, day(0), day(120), "linear", "up"),
  goal("Leads", "since start", 0, 500, day(5), day(100), "linear", "up"),
];

let h: Harness;
let report: SummaryReport;

beforeEach(() => {
  h = harness({ Data: [AGG_HEADERS, ...rows] });
  report = h.emu.runExecution(() => saveAndGenerate(mapping, GOALS));
});
afterEach(() => h.done());

const serial = (iso: string) => isoDateToSerial(...(iso.split("-").map(Number) as [number, number, number]));
const close = (cell: unknown, value: number | null) =>
  value === null ? cell === "" : typeof cell === "number" && Math.abs(cell - value) <= 1e-9 * Math.max(1, Math.abs(value));

describe("goals block against src/kpi, on each goal's basis", () => {
  it.each(GOALS.map((g, i) => [g.kpi, g.basis, i] as const))("%s (%s): actual, expected, pace, projected end and status", (_kpi, _basis, i) => {
    const g = GOALS[i];
    const cols = report.layout.goals.columns;
    const row = report.layout.goals.firstRow + i;
    const cell = (name: string) => h.value(row, cols[name]);
    expect(cell("KPI")).toBe(g.kpi);
    expect(cell("Basis")).toBe(g.basis);
    const window = goalWindow(g.basis, serial(g.start ?? ""), serial(g.end ?? ""), latest);
    const choice = resolveGoalKpi(g.kpi, metrics, context);
    expect(choice).not.toBeNull();
    const path: GoalPath = { baseline: g.baseline ?? 0, target: g.target ?? 0, curve: g.curve, start: serial(g.start ?? ""), end: serial(g.end ?? "") };
    let actual: number | null = null;
    if (window.days > 0) {
      const measured = reportFor(spec, rows, { start: serialToIsoDate(window.from), end: serialToIsoDate(window.to) });
      const value = measured.headline?.kpis.find((k) => k.key === choice?.key)?.current.value ?? null;
      actual = value === null ? null : choice?.additive && g.basis === "per day" ? value / window.days : value;
    }
    expect(close(cell("Actual"), actual), `actual ${String(cell("Actual"))} vs ${actual}`).toBe(true);
    const progress = summaryGoalProgress(actual ?? 0, path, g.direction, window.to);
    expect(cell("Status")).toBe(progress.status);
    expect(close(cell("Expected"), progress.expected), `expected ${String(cell("Expected"))} vs ${progress.expected}`).toBe(true);
    expect(close(cell("Pace"), progress.pace), `pace ${String(cell("Pace"))} vs ${progress.pace}`).toBe(true);
    expect(close(cell("Projected end"), progress.projectedEnd), `projection ${String(cell("Projected end"))} vs ${progress.projectedEnd}`).toBe(true);
  });

  it("a goal starting on the latest day with data has just started, and one starting later has not: neither is Behind", () => {
    const statusColumn = report.layout.goals.columns.Status;
    const first = report.layout.goals.firstRow;
    expect(h.value(first + 5, statusColumn)).toBe("Just started");
    expect(h.value(first + 6, statusColumn)).toBe("Not started");
  });

  it("shows each goal's basis and measures it up to the latest data, not today", () => {
    const cols = report.layout.goals.columns;
    const first = report.layout.goals.firstRow;
    const to = h.summary().getRange(first, cols["Measured to"]).getDisplayValue();
    expect(to).toBe(serialToIsoDate(latest));
    const perDayFrom = h.summary().getRange(first + 1, cols["Measured from"]).getDisplayValue();
    expect(perDayFrom).toBe(serialToIsoDate(latest - 6));
  });
});
