// The scorecard band at the top of the summary: each scorecard KPI large, the previous period, the change coloured by the metric's better direction, and a trend line.
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, type CellStyle, f, ref, type SheetCell } from "./block";
import { area, BAD, type ColourRule, type Decorations, GOOD } from "./decorations";
import type { HeadlineCells } from "./headline-block";
import type { PeriodCells } from "./period-block";
import { type TrendCells, TREND_WINDOWS } from "./trend-block";
import { trendFormula } from "./trend-formula";

export const SCORECARD_TITLE = "At a glance: the selected period against the one before";
export const SCORECARD_ROWS = { kpi: "KPI", current: "This period", previous: "Previous period", change: "Change", trend: `Trend (${TREND_WINDOWS} periods, oldest first)` } as const;
/** ▲ and ▼ say the direction without colour; the colour says whether it is good. */
export const CHANGE_FORMAT = '"▲ "0.0%;"▼ "0.0%;0.0%';
/** Rows tall enough for 16 pt numbers and a legible sparkline. */
export const BIG_NUMBER = { fontSize: 16, rowHeight: 36 } as const;
export const TREND_ROW_HEIGHT = 44;
const MUTED = "#5f6368";

export interface ScorecardCells {
  /** Metric key → its card's column, in order. */
  columns: Record<string, number>;
  currentRow: number;
  previousRow: number;
  changeRow: number;
  trendRow: number;
}

export interface ScorecardInputs {
  metrics: readonly SummaryMetric[];
  headline: HeadlineCells;
  trend: TrendCells;
  period: PeriodCells;
}

/** How many rows the band takes, known before the tables it reads are placed. */
export const SCORECARD_HEIGHT = 7;

function periodLine(p: PeriodCells): string {
  const day = (cell: CellRef): string => `TEXT(${ref(cell)}, "yyyy-mm-dd")`;
  const range = `${day(p.start)}&" to "&${day(p.end)}&", against "&${day(p.previousStart)}&" to "&${day(p.previousEnd)}`;
  return `IF(${ref(p.valid)}, ${range}&IF(${ref(p.partial)}<>"", ". "&${ref(p.partial)}, ""), "Pick a usable period below (Period)")`;
}

/** Green for a change in the better direction, red against it; spend's change stays uncoloured. */
export function changeColours(metric: SummaryMetric, cell: CellRef): ColourRule[] {
  if (!metric.judgeChange) return [];
  const at = area(cell.row, cell.column);
  const [up, down] = metric.better === "up" ? [GOOD, BAD] : [BAD, GOOD];
  return [
    { kind: "number", area: at, when: "above", threshold: 0, ...up },
    { kind: "number", area: at, when: "below", threshold: 0, ...down },
  ];
}

export function scorecardBlock(origin: CellRef, inputs: ScorecardInputs): { block: Block; cells: ScorecardCells; decorations: Partial<Decorations> } {
  const { metrics, headline, trend } = inputs;
  const c = origin.column;
  const width = 1 + metrics.length;
  const rows = { current: origin.row + 3, previous: origin.row + 4, change: origin.row + 5, trend: origin.row + 6 };
  const columns: Record<string, number> = {};
  metrics.forEach((m, i) => {
    columns[m.key] = c + 1 + i;
  });
  const blank = (): SheetCell[] => Array.from({ length: width }, () => "");
  const cell = (key: string, column: number): SheetCell => {
    const r = headline.rows[key];
    if (r === undefined) throw new Error(`the scorecard's ${key} is not in the headline`);
    return f(a1(r, column));
  };
  const trendCell = (key: string): SheetCell => {
    const column = trend.columns[key];
    if (column === undefined) throw new Error(`the trend block has no ${key} column`);
    const cells = trend.rows.map((r) => a1(r, column));
    return f(trendFormula(`${cells[0]}:${cells[cells.length - 1]}`, cells));
  };
  const title = blank();
  title[0] = SCORECARD_TITLE;
  const period = blank();
  period[0] = "Dates compared";
  period[1] = f(periodLine(inputs.period));
  const cells: SheetCell[][] = [
    title,
    period,
    [SCORECARD_ROWS.kpi, ...metrics.map((m) => m.label)],
    [SCORECARD_ROWS.current, ...metrics.map((m) => cell(m.key, headline.currentColumn))],
    [SCORECARD_ROWS.previous, ...metrics.map((m) => cell(m.key, headline.previousColumn))],
    [SCORECARD_ROWS.change, ...metrics.map((m) => cell(m.key, headline.changeColumn))],
    [SCORECARD_ROWS.trend, ...metrics.map((m) => trendCell(m.key))],
  ];
  const none = (): string[] => Array.from({ length: width }, () => "");
  const formats = [none(), none(), none(), ["", ...metrics.map((m) => m.format)], ["", ...metrics.map((m) => m.format)], ["", ...metrics.map(() => CHANGE_FORMAT)], none()];
  const notes = [none(), none(), none(),
    ["", ...metrics.map((m) => m.how)],
    ["", ...metrics.map((m) => `The previous period's value (see the period block). ${m.how}`)],
    ["", ...metrics.map((m) => (m.judgeChange
      ? `(This period − previous) ÷ previous. Green when ${m.label} moves the better way (${m.better === "up" ? "up" : "down"}), red when it moves the other way.`
      : `(This period − previous) ÷ previous. Not coloured: more or less ${m.label.toLowerCase()} is a budget decision, neither good nor bad.`))],
    ["", ...metrics.map(() => `The KPI over the selected period and the ${TREND_WINDOWS - 1} windows of the same length before it (the trend table at the bottom of the sheet); a window that starts before the data is a gap. In Excel and LibreOffice a text trend (▁▃▅▇) stands in for the line.`)],
  ];
  const n = metrics.length;
  const styles: CellStyle[] = [
    { row: 1, column: 1, numColumns: Math.max(1, n), fontColor: MUTED },
    { row: 2, column: 1, numColumns: n, wrap: true, align: "right" },
    // Right-aligned like the numbers, so an "n/a" sits where its number would.
    { row: 3, column: 1, numColumns: n, fontSize: BIG_NUMBER.fontSize, bold: true, align: "right" },
    { row: 4, column: 1, numColumns: n, fontColor: MUTED, align: "right" },
    { row: 5, column: 1, numColumns: n, bold: true, wrap: true, align: "right" },
  ];
  const decorations: Partial<Decorations> = {
    colours: metrics.flatMap((m) => changeColours(m, { row: rows.change, column: columns[m.key] })),
    rowHeights: [{ row: rows.current, height: BIG_NUMBER.rowHeight }, { row: rows.trend, height: TREND_ROW_HEIGHT }],
  };
  return {
    block: { row: origin.row, column: c, cells, formats, notes, titleRows: [0], headerRows: [2], styles },
    cells: { columns, currentRow: rows.current, previousRow: rows.previous, changeRow: rows.change, trendRow: rows.trend },
    decorations,
  };
}
