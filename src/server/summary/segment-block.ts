// The per-channel and per-month tables: spend, stage counts, conversion, CAC, revenue and ROAS for each row key.
import type { WritableValue } from "../apps-script-api";
import { a1, type Block, FORMAT } from "./block";
import { type Criteria, conversion, MetricFormulas, ratio, type Window } from "./metric-formulas";

export interface SegmentLayout {
  block: Block;
  /** Sheet row of each segment, in the order given. */
  rows: number[];
  /** Column (1-based) of each measure: "spend", "share", "count_<i>", "conversion", "cac", "revenue", "roas". */
  columns: Map<string, number>;
}

interface SegmentSpec {
  row: number;
  title: string;
  keyHeader: string;
  keys: readonly WritableValue[];
  keyFormat: string;
  /** The window and extra criteria of the segment in sheet row `row`, whose key sits in column A. */
  slice(row: number): { window: Window; criteria: Criteria };
  /** The cell holding total spend, for share of spend; absent for months. */
  totalSpendCell?: string;
}

export function segmentBlock(m: MetricFormulas, spec: SegmentSpec): SegmentLayout {
  const headers = ["Spend", ...(spec.totalSpendCell ? ["Share of spend"] : []), ...m.stageNames, "Conversion", "CAC", "Revenue", "ROAS"];
  const columns = new Map<string, number>();
  let col = 2;
  columns.set("spend", col++);
  if (spec.totalSpendCell) columns.set("share", col++);
  m.stageNames.forEach((_, i) => columns.set(`count_${i}`, col++));
  for (const key of ["conversion", "cac", "revenue", "roas"]) columns.set(key, col++);
  const width = headers.length + 1;
  const blank = (): string[] => Array.from({ length: width }, () => "");
  const title = blank();
  title[0] = spec.title;
  const cells: WritableValue[][] = [title, [spec.keyHeader, ...headers]];
  const formats: string[][] = [blank(), blank()];
  const first = spec.row + 2;
  const rows = spec.keys.map((_, i) => first + i);
  const last = m.stageNames.length - 1;
  spec.keys.forEach((key, i) => {
    const row = rows[i];
    const { window, criteria } = spec.slice(row);
    const at = (name: string): string => a1(row, columns.get(name) ?? 0);
    const line: WritableValue[] = [key, `=${m.spend(window, criteria) ?? '"n/a"'}`];
    const format = [spec.keyFormat, FORMAT.money];
    if (spec.totalSpendCell) {
      line.push(`=${ratio(at("spend"), spec.totalSpendCell)}`);
      format.push(FORMAT.rate);
    }
    m.stageNames.forEach((_, s) => {
      line.push(`=${m.stageCount(s, window, criteria)}`);
      format.push(FORMAT.count);
    });
    line.push(
      `=${conversion(at(`count_${last}`), at("count_0"))}`,
      `=${ratio(at("spend"), at(`count_${last}`))}`,
      `=${m.revenue(window, criteria) ?? '"n/a"'}`,
      `=${ratio(at("revenue"), at("spend"))}`,
    );
    format.push(FORMAT.rate, FORMAT.money, FORMAT.money, FORMAT.ratio);
    cells.push(line);
    formats.push(format);
  });
  return { block: { row: spec.row, column: 1, cells, formats, titleRows: [0], headerRows: [1] }, rows, columns };
}

/** Channel rows follow the selected period; the report's "(no channel)" group matches blank channel cells. */
export function channelCriteria(channelCell: string, label: string): Criteria {
  return [[MetricFormulas.CHANNEL, label === "(no channel)" ? '""' : channelCell]];
}
