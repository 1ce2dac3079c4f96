// The goals table: the team's targets (kept across regenerations) and, per goal, actual, expected, pace, projection, status.
import { dateToSerial, serialToIsoDate } from "../../kpi/dates";
import type { WritableValue } from "../apps-script-api";
import { type Block, FORMAT } from "./block";
import type { GoalRow } from "./goal-types";
import { TITLES } from "./layout";
import { type GoalKpiChoice, goalKpiChoices } from "./goal-kpis";
import { conversion, MetricFormulas, ratio, type Window } from "./metric-formulas";

export const GOAL_HEADERS = ["KPI", "Baseline", "Target", "Start", "End", "Curve", "Direction",
  "Actual", "Expected today", "Pace", "Projected end", "Status"] as const;

/** Rows with formulas but no goal yet, so the team can add goals without regenerating. */
export const SPARE_GOAL_ROWS = 5;

export const GOAL_STATUSES = ["Achieved", "On track", "At risk", "Behind"] as const;

/** Each goal KPI's value over a window, as a native formula. */
function goalFormula(m: MetricFormulas, choice: GoalKpiChoice, w: Window): string {
  const last = m.stageNames.length - 1;
  const count = (i: number): string => m.stageCount(i, w);
  const spend = m.spend(w) ?? '"n/a"';
  const revenue = m.revenue(w) ?? '"n/a"';
  switch (choice.kind) {
    case "spend": return spend;
    case "stage": return count(choice.stageIndex);
    case "conversion": return conversion(count(last), count(0));
    case "cac": return ratio(spend, count(last));
    case "cpa": return ratio(spend, count(1));
    case "revenue": return revenue;
    case "roas": return ratio(revenue, spend);
  }
}

/** The goal KPIs offered in the table's dropdown, with the direction each suggests. */
export function goalKpiOptions(m: MetricFormulas): { label: string; direction: "up" | "down" }[] {
  return goalKpiChoices(m).map((k) => ({ label: k.label, direction: k.direction }));
}

function isoToDate(iso: string | null): Date | "" {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "";
  const [y, mo, d] = iso.split("-").map(Number);
  return new Date(y, mo - 1, d);
}

/** Merges the wizard's goals into the ones already in the sheet: same KPI replaces, new ones are added. */
export function mergeGoals(existing: readonly GoalRow[], fromWizard: readonly GoalRow[] | null): GoalRow[] {
  if (!fromWizard) return [...existing];
  const byKpi = new Map(fromWizard.map((g) => [g.kpi.trim().toLowerCase(), g]));
  const kept = existing.filter((g) => !byKpi.has(g.kpi.trim().toLowerCase()));
  return [...kept, ...fromWizard.filter((g) => g.kpi.trim() !== "")];
}

export interface GoalsLayout {
  block: Block;
  firstGoalRow: number;
  rows: number;
}

export function goalsBlock(row: number, m: MetricFormulas, goals: readonly GoalRow[]): GoalsLayout {
  const kpis = goalKpiChoices(m);
  const cells: WritableValue[][] = [[TITLES.goals, ...GOAL_HEADERS.slice(1).map(() => "")], [...GOAL_HEADERS]];
  const formats: string[][] = [GOAL_HEADERS.map(() => ""), GOAL_HEADERS.map(() => "")];
  const first = row + 2;
  const total = goals.length + SPARE_GOAL_ROWS;
  for (let i = 0; i < total; i++) {
    const r = first + i;
    const goal = goals[i];
    const c = (letter: string): string => `$${letter}${r}`;
    const ready = `AND(ISNUMBER(${c("B")}), ISNUMBER(${c("C")}), ISNUMBER(${c("D")}), ISNUMBER(${c("E")}))`;
    const f = `IF(${c("E")}=${c("D")}, IF(TODAY()<${c("D")}, 0, 1), MAX(0, MIN(1, (TODAY()-${c("D")})/(${c("E")}-${c("D")}))))`;
    const window: Window = { start: c("D"), end: `IF(ISNUMBER(${c("E")}), MIN(${c("E")}, TODAY()), TODAY())` };
    const actual = `=IF(OR(${c("A")}="", NOT(ISNUMBER(${c("D")}))), "", SWITCH(${c("A")}, `
      + kpis.map((k) => `"${k.label.replace(/"/g, '""')}", ${goalFormula(m, k, window)}`).join(", ") + `, "n/a"))`;
    const compound = `${c("F")}="compound"`;
    const expected = `=IF(NOT(${ready}), "", IFERROR(IF(${f}<=0, ${c("B")}, IF(${f}>=1, ${c("C")}, IF(${compound}, ${c("B")}*(${c("C")}/${c("B")})^${f}, ${c("B")}+(${c("C")}-${c("B")})*${f}))), "check baseline and target"))`;
    const pace = `=IF(OR(NOT(ISNUMBER(${c("H")})), NOT(ISNUMBER(${c("I")}))), "", IF(${c("I")}=${c("B")}, "", (${c("H")}-${c("B")})/(${c("I")}-${c("B")})))`;
    const projected = `=IF(OR(NOT(ISNUMBER(${c("H")})), NOT(${ready})), "", IF(${f}<=0, "", IF(${f}>=1, ${c("H")}, IF(${compound}, IF(${c("H")}/${c("B")}>0, ${c("B")}*(${c("H")}/${c("B")})^(1/${f}), ""), ${c("B")}+(${c("H")}-${c("B")})/${f}))))`;
    const down = `${c("G")}="down"`;
    const status = `=IF(OR(NOT(ISNUMBER(${c("H")})), NOT(ISNUMBER(${c("I")}))), "", `
      + `IF(IF(${down}, ${c("C")}>${c("B")}, ${c("C")}<${c("B")}), "Check direction", `
      + `IF(IF(${down}, ${c("H")}<=${c("C")}, ${c("H")}>=${c("C")}), "Achieved", `
      + `IF(${c("I")}=${c("B")}, IF(IF(${down}, ${c("H")}>${c("B")}, ${c("H")}<${c("B")}), "Behind", "On track"), `
      + `IF(${c("J")}>=1, "On track", IF(${c("J")}>=0.8, "At risk", "Behind"))))))`;
    cells.push([
      goal?.kpi ?? "", goal?.baseline ?? "", goal?.target ?? "", isoToDate(goal?.start ?? null), isoToDate(goal?.end ?? null),
      goal?.curve ?? "", goal?.direction ?? "", actual, expected, pace, projected, status,
    ]);
    formats.push(["", "", "", FORMAT.date, FORMAT.date, "", "", "#,##0.00", "#,##0.00", "0.00", "#,##0.00", ""]);
  }
  return { block: { row, column: 1, cells, formats, titleRows: [0], headerRows: [1] }, firstGoalRow: first, rows: total };
}

/** One goal row as read back from the sheet, or null for an empty row. */
export function goalFromCells(cells: readonly unknown[]): GoalRow | null {
  const kpi = typeof cells[0] === "string" ? cells[0].trim() : "";
  if (kpi === "") return null;
  const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const iso = (v: unknown): string | null => {
    if (v instanceof Date && !Number.isNaN(v.getTime())) return serialToIsoDate(dateToSerial(v));
    if (typeof v === "number" && Number.isFinite(v)) return serialToIsoDate(v);
    return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? v.trim() : null;
  };
  return {
    kpi,
    baseline: num(cells[1]),
    target: num(cells[2]),
    start: iso(cells[3]),
    end: iso(cells[4]),
    curve: String(cells[5]).trim().toLowerCase() === "compound" ? "compound" : "linear",
    direction: String(cells[6]).trim().toLowerCase() === "down" ? "down" : "up",
  };
}
