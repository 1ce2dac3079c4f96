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
}

export function funnelBlock(
  origin: CellRef, stages: readonly { key: string; name: string }[], headline: HeadlineCells,
): { block: Block; cells: FunnelCells; chart: ChartSpec } {
  const c = origin.column;
  const columns = { countColumn: c + 1, stepColumn: c + 2, overallColumn: c + 3, dropOffColumn: c + 4 };
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
  const cells: SheetCell[][] = [[FUNNEL_TITLE, "", "", "", ""], ["Stage", "Count", "Step conversion", "Overall conversion", "Drop-off"]];
  const formats: string[][] = [["", "", "", "", ""], ["", "", "", "", ""]];
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
    ]);
    formats.push(["", FORMAT.count, FORMAT.rate, FORMAT.rate, FORMAT.count]);
  });
  const chart: ChartSpec = {
    type: "BAR",
    ranges: [{ row: origin.row + 1, column: c, numRows: stages.length + 1, numColumns: 2 }],
    anchor: { row: origin.row + 1, column: c + 6 },
    title: FUNNEL_TITLE,
    hideLegend: true,
  };
  return { block: { row: origin.row, column: c, cells, formats, titleRows: [0], headerRows: [1] }, cells: { stageRows, ...columns }, chart };
}
