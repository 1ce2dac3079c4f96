// The funnel table for the selected period: count, step and overall conversion, and drop-off per stage, from the headline's counts.
import { conversion, difference, metric } from "../../kpi/summary-metrics/expression";
import { a1, type Block, type CellRef, f, FORMAT, type SheetCell } from "./block";
import { compileExpr, type FormulaEnv } from "./compile-formula";
import type { ChartSpec } from "./decorations";
import type { HeadlineCells } from "./headline-block";

export const FUNNEL_TITLE = "Funnel: the selected period";

export interface FunnelCells {
  /** Sheet row of each stage, in funnel order. */
  stageRows: number[];
  countColumn: number;
  stepColumn: number;
  overallColumn: number;
  dropOffColumn: number;
  /** "Clicks: 4.7% of Impressions", the chart's category labels. */
  labelColumn: number;
}

export const FUNNEL_LABEL_COLUMN = "Stage (of the stage before)";
/** A bar per stage on a log scale: 4,100 conversions under 3.9 million impressions still get a bar a third as long. */
export const FUNNEL_CHART = { width: 640, headroom: 90, perStage: 45, maxHeight: 360 } as const;

/**
 * The stage's name and its share of the stage before, from the table's own cells: no number is formatted by
 * TEXT (engines read its patterns differently), the rate is rounded to one decimal and joined as text.
 */
function stageLabel(row: number, before: number | null, nameColumn: number, stepColumn: number): string {
  const name = a1(row, nameColumn);
  if (before === null) return `${name}&""`;
  const step = a1(row, stepColumn);
  return `${name}&IF(ISNUMBER(${step}), ": "&ROUND(${step}*100, 1)&"% of "&${a1(before, nameColumn)}, "")`;
}

/**
 * Where the log axis starts: a decade below the smallest stage count known when the summary is written, so
 * the smallest bar is at least a decade long (an axis starting at that count itself would draw it as nothing).
 */
export function logAxisStart(smallestCount: number | null): number {
  if (smallestCount === null || !(smallestCount > 0)) return 1;
  return Math.max(1, 10 ** (Math.floor(Math.log10(smallestCount)) - 1));
}

export function funnelBlock(
  origin: CellRef, stages: readonly { key: string; name: string }[], headline: HeadlineCells, smallestCount: number | null = null,
): { block: Block; cells: FunnelCells; chart: ChartSpec } {
  const c = origin.column;
  const columns = { countColumn: c + 1, stepColumn: c + 2, overallColumn: c + 3, dropOffColumn: c + 4, labelColumn: c + 5 };
  const first = origin.row + 2;
  const stageRows = stages.map((_, i) => first + i);
  const countCell = new Map(stages.map((s, i) => [`count_${s.key}`, a1(stageRows[i], columns.countColumn)]));
  const env: FormulaEnv = {
    sum: () => {
      throw new Error("the funnel block reads counts only");
    },
    count: () => {
      throw new Error("the funnel block reads the headline's counts");
    },
    metricCell: (key) => countCell.get(key) ?? null,
    whole: () => {
      throw new Error("the funnel block has no whole");
    },
    input: () => {
      throw new Error("the funnel block has no inputs");
    },
    metrics: [],
  };
  const cells: SheetCell[][] = [[FUNNEL_TITLE, "", "", "", "", ""], ["Stage", "Count", "Step conversion", "Overall conversion", "Drop-off", FUNNEL_LABEL_COLUMN]];
  const formats: string[][] = [["", "", "", "", "", ""], ["", "", "", "", "", ""]];
  stages.forEach((stage, i) => {
    const count = metric(`count_${stage.key}`);
    const before = i > 0 ? metric(`count_${stages[i - 1].key}`) : null;
    const headlineRow = headline.rows[`count_${stage.key}`];
    cells.push([
      stage.name,
      f(a1(headlineRow, headline.currentColumn)),
      before === null ? "" : f(compileExpr(conversion(count, before), env)),
      f(compileExpr(conversion(count, metric(`count_${stages[0].key}`)), env)),
      before === null ? "" : f(compileExpr(difference(before, count), env)),
      f(stageLabel(stageRows[i], i === 0 ? null : stageRows[i - 1], c, columns.stepColumn)),
    ]);
    formats.push(["", FORMAT.count, FORMAT.rate, FORMAT.rate, FORMAT.count, ""]);
  });
  const rows = stages.length + 1;
  const chart: ChartSpec = {
    type: "BAR",
    ranges: [
      { row: origin.row + 1, column: columns.labelColumn, numRows: rows, numColumns: 1 },
      { row: origin.row + 1, column: columns.countColumn, numRows: rows, numColumns: 1 },
    ],
    // Under the table: beside it the chart would start past most screens' right edge.
    anchor: { row: first + stages.length + 1, column: c },
    title: `${FUNNEL_TITLE} (log scale: every stage shows)`,
    hideLegend: true,
    width: FUNNEL_CHART.width,
    height: Math.min(FUNNEL_CHART.maxHeight, FUNNEL_CHART.headroom + FUNNEL_CHART.perStage * stages.length),
    options: { hAxis: { logScale: true, format: "short", viewWindow: { min: logAxisStart(smallestCount) } }, series: { 0: { dataLabel: "value" } }, colors: ["#1a73e8"] },
  };
  return { block: { row: origin.row, column: c, cells, formats, titleRows: [0], headerRows: [1] }, cells: { stageRows, ...columns }, chart };
}
