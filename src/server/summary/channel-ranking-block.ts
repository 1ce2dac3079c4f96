// "Where does the next dollar go": the channels ranked live by cost per last stage (cheapest first), with a bar chart of it and a pie of the share of spend.
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, type CellStyle, f, FORMAT, type SheetCell } from "./block";
import type { ChannelCells } from "./channel-block";
import { NA } from "./compile-formula";
import { type ChartSpec, chartRows } from "./decorations";

export const RANK_HELPER = "Sort helper: rank of the channel in the same row of the table above";
export const RANKING_CHART = { width: 560, height: 300 } as const;
export const SHARE_CHART = { width: 400, height: 300 } as const;

export interface RankingCells {
  /** Sheet rows, best first. */
  rows: number[];
  channelColumn: number;
  valueColumn: number;
  shareColumn: number;
  helperColumn: number;
  /** The first row below the charts. */
  bottom: number;
}

export interface RankingInputs {
  channels: ChannelCells;
  /** What channels are ranked by: the cost per last stage (lower first) or, without spend, revenue or the last stage (higher first). */
  rankBy: SummaryMetric;
  /** The pie's metric: spend, or without spend the last stage's count. */
  shareOf: SummaryMetric;
  /** The share column next to the ranking (share of spend), when the channel table has one. */
  shareKey: string | null;
}

export function rankingTitle(rankBy: SummaryMetric): string {
  return rankBy.better === "down" ? `Channels by ${rankBy.label}, cheapest first: where the next dollar goes` : `Channels by ${rankBy.label}, biggest first`;
}

/**
 * Ranks are computed live from the channel table's cells, so the order follows the period: a number's rank
 * is how many numbers beat it, plus the equal ones listed above it (ties keep the table's order); channels
 * with n/a come last, in the table's order, and so do those with a cost of 0 (nothing spent on them).
 * Rank k's row shows the channel whose rank is k (INDEX/MATCH).
 */
export function channelRankingBlock(origin: CellRef, inputs: RankingInputs): { block: Block; cells: RankingCells; charts: ChartSpec[] } {
  const { channels, rankBy, shareOf } = inputs;
  const c = origin.column;
  const listed = channels.rows;
  const column = (key: string): number => {
    const at = channels.columns[key];
    if (at === undefined) throw new Error(`the channel table has no ${key} column`);
    return at;
  };
  const valueCol = column(rankBy.key);
  const range = (col: number): string => `${a1(listed[0], col, true)}:${a1(listed[listed.length - 1], col, true)}`;
  const values = range(valueCol);
  const beats = rankBy.better === "down" ? "<" : ">";
  const columns = { channelColumn: c + 1, valueColumn: c + 2, shareColumn: c + 3, helperColumn: c + 4 };
  const first = origin.row + 2;
  const rows = listed.map((_, i) => first + i);
  const helpers = `${a1(rows[0], columns.helperColumn, true)}:${a1(rows[rows.length - 1], columns.helperColumn, true)}`;
  const shareHeader = inputs.shareKey === null ? shareOf.label : "Share of spend";
  const cells: SheetCell[][] = [
    [rankingTitle(rankBy), "", "", "", ""],
    ["Rank", "Channel", rankBy.label, shareHeader, RANK_HELPER],
  ];
  const formats: string[][] = [["", "", "", "", ""], ["", "", "", "", ""]];
  listed.forEach((tableRow, i) => {
    const k = i + 1;
    const value = a1(tableRow, valueCol);
    const above = i === 0 ? null : `${a1(listed[0], valueCol, true)}:${a1(listed[i - 1], valueCol)}`;
    const tiesAbove = above === null ? "0" : `COUNTIF(${above}, ${value})`;
    // A cost of 0 is a channel nothing was spent on (organic, direct): no next dollar goes there, so it is ranked with the n/a ones.
    const rank = rankBy.better === "down"
      ? `IF(AND(ISNUMBER(${value}), N(${value})>0), COUNTIF(${values}, "<"&${value})-COUNTIF(${values}, "<=0")+${tiesAbove}+1, `
        + `COUNTIF(${values}, ">0")+${i}-${above === null ? "0" : `COUNTIF(${above}, ">0")`}+1)`
      : `IF(ISNUMBER(${value}), COUNTIF(${values}, "${beats}"&${value})+${tiesAbove}+1, `
        + `COUNT(${values})+${i}-${above === null ? "0" : `COUNT(${above})`}+1)`;
    const pick = (col: number): string => `INDEX(${range(col)}, MATCH(${k}, ${helpers}, 0))`;
    const at = `MATCH(${k}, ${helpers}, 0)`;
    cells.push([
      k,
      f(`IF(ISNUMBER(${at}), ${pick(channels.keyColumn)}&"", ${NA})`),
      f(`IF(ISNUMBER(${at}), ${pick(valueCol)}, ${NA})`),
      f(`IF(ISNUMBER(${at}), ${pick(inputs.shareKey === null ? column(shareOf.key) : column(inputs.shareKey))}, ${NA})`),
      f(rank),
    ]);
    formats.push([FORMAT.count, "", rankBy.format, inputs.shareKey === null ? shareOf.format : FORMAT.rate, FORMAT.count]);
  });
  const tableBottom = first + listed.length;
  const chartsAt = tableBottom + 1;
  const header = origin.row + 1;
  const bar: ChartSpec = {
    type: "BAR",
    ranges: [
      { row: header, column: columns.channelColumn, numRows: listed.length + 1, numColumns: 1 },
      { row: header, column: columns.valueColumn, numRows: listed.length + 1, numColumns: 1 },
    ],
    anchor: { row: chartsAt, column: c + 2 },
    title: rankingTitle(rankBy).replace(/: where.*$/, ""),
    hideLegend: true,
    ...RANKING_CHART,
    options: { series: { 0: { dataLabel: "value" } }, colors: ["#1a73e8"] },
  };
  // The pie reads the channel table itself (biggest spend first), the "All other channels" row included.
  const lastRow = channels.otherRow ?? listed[listed.length - 1];
  const pie: ChartSpec = {
    type: "PIE",
    ranges: [
      { row: channels.headerRow, column: channels.keyColumn, numRows: lastRow - channels.headerRow + 1, numColumns: 1 },
      { row: channels.headerRow, column: column(shareOf.key), numRows: lastRow - channels.headerRow + 1, numColumns: 1 },
    ],
    anchor: { row: chartsAt, column: c },
    title: `Share of ${shareOf.label.toLowerCase()} by channel`,
    hideLegend: false,
    ...SHARE_CHART,
    options: { pieHole: 0.4, legend: { position: "right" } },
  };
  const styles: CellStyle[] = [{ row: 1, column: 4, fontColor: "#80868b", wrap: true }, { row: 2, column: 4, numRows: Math.max(1, listed.length), fontColor: "#80868b" }];
  const bottom = chartsAt + Math.max(chartRows(bar), chartRows(pie));
  return {
    block: { row: origin.row, column: c, cells, formats, titleRows: [0], headerRows: [1], styles },
    cells: { rows, ...columns, bottom },
    charts: [pie, bar],
  };
}
