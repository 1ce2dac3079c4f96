// The goals table: the team's targets (kept across regenerations) and, per goal on its stated basis, actual, expected, pace, projection, status.
import { DEFAULT_GOAL_BASIS, GOAL_BASES, PER_DAY_DAYS, goalBasisNamed } from "../../kpi/definitions/goal-basis";
import { dateToSerial, serialToIsoDate } from "../../kpi/dates";
import type { InputName, Measure } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import type { SheetValue } from "../apps-script-api";
import { a1, type Block, type CellRef, f, FORMAT, type SheetCell } from "./block";
import { compileMetric, type FormulaEnv, textLiteral } from "./compile-formula";
import type { SummaryTotals } from "./data-ranges";
import { area, type ColourRule, type Decorations } from "./decorations";
import type { GoalKpiChoice } from "./goal-kpis";
import type { GoalRow } from "./goal-types";

export const GOALS_TITLE = "Goals: type KPI, basis, baseline, target, start, end, curve and direction; the rest is computed";

export const GOAL_COLUMNS = ["KPI", "Basis", "Baseline", "Target", "Start", "End", "Curve", "Direction",
  "Actual", "Expected", "Pace", "Projected end", "Status", "Measured from", "Measured to", "Days measured"] as const;
type GoalColumn = (typeof GOAL_COLUMNS)[number];

/** Rows with formulas but no goal yet, so the team can add goals without regenerating. */
export const SPARE_GOAL_ROWS = 5;

export const GOAL_STATUSES = ["Achieved", "On track", "At risk", "Behind"] as const;
export const UNKNOWN_KPI = "KPI not in this funnel";
const WAITING_STATUSES = ["Not started", "Just started"] as const;
const PROBLEM_STATUSES = ["Needs a target", "Needs a baseline", "Needs start and end dates", "End is before start", "Check direction", UNKNOWN_KPI] as const;

const STATUS_COLOURS: Record<string, string> = {
  Achieved: "#b7e1cd", "On track": "#d9ead3", "At risk": "#fce8b2", Behind: "#f4c7c3",
  "Not started": "#eeeeee", "Just started": "#eeeeee",
};
const PROBLEM_COLOUR = "#f9cb9c";

export interface GoalsCells {
  firstRow: number;
  rows: number;
  count: number;
  /** Column of each goal field and of each total the actual is computed from ("total:spend", "total:stage:<key>"). */
  columns: Record<string, number>;
}

export interface GoalsInputs {
  goals: readonly GoalRow[];
  choices: readonly GoalKpiChoice[];
  metrics: readonly SummaryMetric[];
  data: SummaryTotals;
  /** The period selector's latest date with data: goals are measured up to it. */
  latestCell: string;
  inputCell(name: InputName): string;
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

export function goalsBlock(origin: CellRef, inputs: GoalsInputs): { block: Block; cells: GoalsCells; decorations: Partial<Decorations> } {
  const measures: { id: string; header: string; measure: Measure | null; stage: string | null }[] = [];
  if (inputs.metrics.some((m) => m.key === "spend")) measures.push({ id: "total:spend", header: "Spend measured", measure: "spend", stage: null });
  if (inputs.metrics.some((m) => m.key === "revenue")) measures.push({ id: "total:revenue", header: "Revenue measured", measure: "revenue", stage: null });
  for (const m of inputs.metrics) {
    if (m.formula.op === "count") measures.push({ id: `total:stage:${m.formula.stage}`, header: `${m.label} measured`, measure: null, stage: m.formula.stage });
  }
  const columns: Record<string, number> = {};
  GOAL_COLUMNS.forEach((name, i) => {
    columns[name] = origin.column + i;
  });
  measures.forEach((m, i) => {
    columns[m.id] = origin.column + GOAL_COLUMNS.length + i;
  });
  const headers = [...GOAL_COLUMNS, ...measures.map((m) => m.header)];
  const width = headers.length;
  const blank = (): string[] => Array.from({ length: width }, () => "");
  const cells: SheetCell[][] = [[GOALS_TITLE, ...blank().slice(1)], [...headers]];
  const formats: string[][] = [blank(), blank()];
  const first = origin.row + 2;
  const total = inputs.goals.length + SPARE_GOAL_ROWS;

  for (let i = 0; i < total; i++) {
    const r = first + i;
    const goal = inputs.goals[i];
    const c = (name: GoalColumn | string): string => a1(r, columns[name], true);
    const [A, B, C, D, E, F, G, H] = ["KPI", "Basis", "Baseline", "Target", "Start", "End", "Curve", "Direction"].map(c);
    const [I, J, K, N, O, P] = ["Actual", "Expected", "Pace", "Measured from", "Measured to", "Days measured"].map(c);
    const latest = inputs.latestCell;
    const ready = `AND(ISNUMBER(${C}), ISNUMBER(${D}), ISNUMBER(${E}), ISNUMBER(${F}), ${F}>=${E})`;
    const to = `IF(AND(ISNUMBER(${E}), ISNUMBER(${F}), ISNUMBER(${latest})), MIN(${F}, ${latest}), "")`;
    const from = `IF(ISNUMBER(${O}), IF(${B}=${textLiteral("per day")}, MAX(${E}, ${O}-${PER_DAY_DAYS - 1}), ${E}), "")`;
    const days = `IF(ISNUMBER(${O}), ${O}-${N}+1, "")`;
    const window = { start: N, end: O };
    const measured = (formula: string): string => `IF(AND(ISNUMBER(${N}), N(${P})>0), ${formula}, "")`;
    const totalCell = (id: string): string => c(id);
    const env: FormulaEnv = {
      sum: (measure) => totalCell(`total:${measure}`),
      count: (stage) => totalCell(`total:stage:${stage}`),
      metricCell: () => null,
      whole: () => {
        throw new Error("a goal has no whole to share");
      },
      input: inputs.inputCell,
      metrics: inputs.metrics,
    };
    const perDay = `${B}=${textLiteral("per day")}`;
    const valueOf = (choice: GoalKpiChoice): string => {
      const metric = inputs.metrics.find((m) => m.key === choice.key);
      if (metric === undefined) throw new Error(`goal KPI ${choice.key} is not a metric`);
      const value = compileMetric(metric, env);
      return choice.additive ? `IF(${perDay}, IF(ISNUMBER(${value}), ${value}/${P}, "n/a"), ${value})` : value;
    };
    const chain = inputs.choices.reduceRight((rest, choice) => `IF(${A}=${textLiteral(choice.label)}, ${valueOf(choice)}, ${rest})`, textLiteral(UNKNOWN_KPI));
    const actual = `IF(${A}="", "", IF(NOT(ISNUMBER(${P})), "", IF(N(${P})<=0, "", ${chain})))`;
    const fraction = `IF(${F}=${E}, IF(${O}<${E}, 0, 1), MAX(0, MIN(1, (${O}-${E})/(${F}-${E}))))`;
    const compound = `${G}="compound"`;
    const expected = `IF(OR(NOT(${ready}), NOT(ISNUMBER(${O}))), "", IFERROR(IF(${fraction}<=0, ${C}, IF(${fraction}>=1, ${D}, IF(${compound}, ${C}*(${D}/${C})^${fraction}, ${C}+(${D}-${C})*${fraction}))), "check baseline and target"))`;
    const pace = `IF(OR(NOT(ISNUMBER(${I})), NOT(ISNUMBER(${J}))), "", IF(${J}=${C}, "", (${I}-${C})/(${J}-${C})))`;
    const projected = `IF(OR(NOT(ISNUMBER(${I})), NOT(${ready}), NOT(ISNUMBER(${O}))), "", IF(${fraction}<=0, "", IF(${fraction}>=1, ${I}, IF(${compound}, IF(${I}/${C}>0, ${C}*(${I}/${C})^(1/${fraction}), ""), ${C}+(${I}-${C})/${fraction}))))`;
    const down = `${H}="down"`;
    const status = `IF(${A}="", "", IF(${I}=${textLiteral(UNKNOWN_KPI)}, ${textLiteral(UNKNOWN_KPI)}, `
      + `IF(NOT(ISNUMBER(${D})), "Needs a target", IF(OR(NOT(ISNUMBER(${E})), NOT(ISNUMBER(${F}))), "Needs start and end dates", `
      + `IF(${F}<${E}, "End is before start", IF(NOT(ISNUMBER(${C})), "Needs a baseline", `
      + `IF(IF(${down}, ${D}>${C}, ${D}<${C}), "Check direction", IF(NOT(ISNUMBER(${O})), "n/a", `
      + `IF(${O}<${E}, "Not started", IF(${O}=${E}, "Just started", IF(NOT(ISNUMBER(${I})), "n/a", `
      + `IF(IF(${down}, ${I}<=${D}, ${I}>=${D}), "Achieved", `
      + `IF(${J}=${C}, IF(IF(${down}, ${I}>${C}, ${I}<${C}), "Behind", "On track"), `
      + `IF(${K}>=1, "On track", IF(${K}>=0.8, "At risk", "Behind")))))))))))))))`;
    const line: SheetCell[] = [
      goal?.kpi ?? "", goal?.basis ?? (goal ? DEFAULT_GOAL_BASIS : ""), goal?.baseline ?? "", goal?.target ?? "",
      isoToDate(goal?.start ?? null), isoToDate(goal?.end ?? null), goal?.curve ?? "", goal?.direction ?? "",
      f(actual), f(expected), f(pace), f(projected), f(status), f(from), f(to), f(days),
      ...measures.map((m) => f(measured(m.measure !== null ? inputs.data.sum(m.measure, window) : inputs.data.count(m.stage ?? "", window)))),
    ];
    cells.push(line);
    formats.push(["", "", "", "", FORMAT.date, FORMAT.date, "", "", "#,##0.00", "#,##0.00", "0.00", "#,##0.00", "", FORMAT.date, FORMAT.date, "0",
      ...measures.map(() => "#,##0.00")]);
  }
  const col = (name: GoalColumn): number => columns[name];
  const rowsArea = (name: GoalColumn) => area(first, col(name), total, 1);
  const statusArea = rowsArea("Status");
  const colours: ColourRule[] = [
    ...[...GOAL_STATUSES, ...WAITING_STATUSES].map((text): ColourRule => ({ kind: "text", area: statusArea, text, background: STATUS_COLOURS[text] })),
    ...PROBLEM_STATUSES.map((text): ColourRule => ({ kind: "text", area: statusArea, text, background: PROBLEM_COLOUR })),
  ];
  return {
    block: { row: origin.row, column: origin.column, cells, formats, titleRows: [0], headerRows: [1] },
    cells: { firstRow: first, rows: total, count: inputs.goals.length, columns },
    decorations: {
      validations: [
        { kind: "list", area: rowsArea("KPI"), values: inputs.choices.map((k) => k.label), allowInvalid: false },
        { kind: "list", area: rowsArea("Basis"), values: GOAL_BASES, allowInvalid: false },
        { kind: "list", area: rowsArea("Curve"), values: ["linear", "compound"], allowInvalid: false },
        { kind: "list", area: rowsArea("Direction"), values: ["up", "down"], allowInvalid: false },
        { kind: "date", area: area(first, col("Start"), total, 2), helpText: "A date, e.g. 2025-03-01; the end on or after the start" },
      ],
      colours,
    },
  };
}

function isoOf(v: SheetValue | undefined): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return serialToIsoDate(dateToSerial(v));
  if (typeof v === "number" && Number.isFinite(v)) return serialToIsoDate(v);
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? v.trim() : null;
}

/**
 * One goal row as read back from the sheet, by its header names (older summaries have no Basis column:
 * their actuals were totals since the start), or null for an empty row.
 */
export function goalFromCells(cells: readonly SheetValue[], headers: readonly SheetValue[]): GoalRow | null {
  const at = (name: string): SheetValue | undefined => {
    const i = headers.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === name.toLowerCase());
    return i < 0 ? undefined : cells[i];
  };
  const kpiCell = at("KPI");
  const kpi = typeof kpiCell === "string" ? kpiCell.trim() : "";
  if (kpi === "") return null;
  const num = (v: SheetValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return {
    kpi,
    basis: goalBasisNamed(at("Basis")) ?? DEFAULT_GOAL_BASIS,
    baseline: num(at("Baseline")),
    target: num(at("Target")),
    start: isoOf(at("Start")),
    end: isoOf(at("End")),
    curve: String(at("Curve") ?? "").trim().toLowerCase() === "compound" ? "compound" : "linear",
    direction: String(at("Direction") ?? "").trim().toLowerCase() === "down" ? "down" : "up",
  };
}
