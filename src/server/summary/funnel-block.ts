// The funnel table for the selected period: count, step and overall conversion, and drop-off per stage.
import type { WritableValue } from "../apps-script-api";
import { a1, type Block, FORMAT } from "./block";
import type { HeadlineLayout } from "./headline-block";
import { TITLES } from "./layout";
import { conversion } from "./metric-formulas";

export interface FunnelLayout {
  block: Block;
  /** Sheet row of each stage, in funnel order. */
  stageRows: number[];
}

/** Counts point at the headline's cells, so the period's SUMIFS run once. */
export function funnelBlock(row: number, stageNames: readonly string[], stageKeys: readonly string[], headline: HeadlineLayout): FunnelLayout {
  const cells: WritableValue[][] = [[TITLES.funnel, "", "", "", ""], ["Stage", "Count", "Step conversion", "Overall conversion", "Drop-off"]];
  const formats: string[][] = [["", "", "", "", ""], ["", "", "", "", ""]];
  const first = row + 2;
  const stageRows = stageNames.map((_, i) => first + i);
  stageNames.forEach((name, i) => {
    const headlineRow = headline.rows.get(`count_${stageKeys[i]}`) ?? 0;
    const count = a1(stageRows[i], 2);
    const previous = i > 0 ? a1(stageRows[i - 1], 2) : "";
    cells.push([
      name,
      `=${a1(headlineRow, headline.currentColumn)}`,
      i === 0 ? "" : `=${conversion(count, previous)}`,
      `=${conversion(count, a1(first, 2))}`,
      i === 0 ? "" : `=${previous}-${count}`,
    ]);
    formats.push(["", FORMAT.count, FORMAT.rate, FORMAT.rate, FORMAT.count]);
  });
  return { block: { row, column: 1, cells, formats, titleRows: [0], headerRows: [1] }, stageRows };
}
