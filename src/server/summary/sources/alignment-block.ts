// Every value of every source with the channel the Channel map gives it (live), how it was placed, and its totals in the selected period: what the per-channel table adds up.
import { NO_CHANNEL } from "../../../kpi/funnel/channel-label";
import type { MappingSource } from "../../mapping/source-types";
import { a1, type Block, type CellRef, f, FORMAT, type SheetCell } from "../block";
import type { ChannelMatch } from "../channel-match";
import { textLiteral } from "../compile-formula";
import type { ChannelSlice, DataRanges, Window } from "../data-ranges";
import type { MapIndexCells } from "./map-index-block";

export const ALIGNMENT_TITLE = "Channel alignment: each value of each source, the channel the Channel map gives it, and its totals in the selected period";
export const OTHER_VALUES = "(every other value)";
export const UNMATCHED = "unmatched";

export interface AlignedValue {
  /** As the data spells it (trimmed); "(no channel)" for blank cells and for a source without a channel column. */
  label: string;
  match: ChannelMatch;
  /** Data rows holding it when the summary was generated. */
  rows: number;
}

export interface AlignedSource {
  source: MappingSource;
  ranges: DataRanges;
  /** "spend", "revenue" and the stage keys it supplies. */
  supplies: ReadonlySet<string>;
  values: readonly AlignedValue[];
}

export interface AlignmentInputs {
  sources: readonly AlignedSource[];
  /** The measures in column order: "spend", each stage key, "revenue" (those some source supplies). */
  measures: ReadonlyArray<{ key: string; label: string; format: string }>;
  window: Window;
  validCell: string;
  map: MapIndexCells;
}

export interface AlignmentCells {
  /** Sheet rows of each source's own row and of its values, in order. */
  sourceRows: Array<{ sheetName: string; row: number; valueRows: number[] }>;
  /** Absolute range of the Channel column over every row of the block: what the per-channel table compares with. */
  channelRange: string;
  /** Absolute range of a measure's column, same rows; undefined for a measure no column holds. */
  measureRange: Record<string, string>;
  columns: { source: number; value: number; channel: number; matchedBy: number; matches: number; mapRow: number; rows: number; measures: Record<string, number> };
  headerRow: number;
}



export function alignmentBlock(origin: CellRef, inputs: AlignmentInputs): { block: Block; cells: AlignmentCells } {
  const c0 = origin.column;
  const columns = {
    source: c0, value: c0 + 1, channel: c0 + 2, matchedBy: c0 + 3, matches: c0 + 4, mapRow: c0 + 5, rows: c0 + 6,
    measures: Object.fromEntries(inputs.measures.map((m, i) => [m.key, c0 + 7 + i])) as Record<string, number>,
  };
  const width = 7 + inputs.measures.length;
  const blank = (): SheetCell[] => Array.from({ length: width }, () => "");
  const title = blank();
  title[0] = ALIGNMENT_TITLE;
  const header: SheetCell[] = ["Source", "Value", "Channel", "Placed by", "Channel map rows", "Channel map row", "Rows when generated", ...inputs.measures.map((m) => m.label)];
  const cells: SheetCell[][] = [title, header];
  const formats: string[][] = [Array.from({ length: width }, () => ""), Array.from({ length: width }, () => "")];
  const map = inputs.map;
  const rowFormats = ["", "", "", "", FORMAT.count, FORMAT.count, FORMAT.count, ...inputs.measures.map((m) => m.format)];
  const sourceRows: AlignmentCells["sourceRows"] = [];
  let row = origin.row + 2;

  for (const s of inputs.sources) {
    const at = (r: number, c: number): string => a1(r, c, true);
    const own = row;
    const src = at(own, columns.source);
    const match = (value: string | null): string => {
      const valueTest = value === null ? `(${map.value}="")` : `(${map.value}=${value})*(${map.value}<>"")`;
      return `(${map.source}=${src})*${valueTest}*(${map.channel}<>"")`;
    };
    const n0 = at(own, columns.matches);
    const r0 = at(own, columns.mapRow);
    const ch0 = at(own, columns.channel);
    const defaultChannel = `IF(${n0}=1, TRIM(INDEX(${map.channelColumn}, ${r0})&""), IF(${n0}>1, "(other values listed "&${n0}&" times)", ""))`;
    const defaultPlaced = `IF(${n0}=1, "Channel map row "&(${r0}+1), IF(${n0}>1, "listed "&${n0}&" times", "no row: values not listed are unmatched"))`;
    cells.push([s.source.sheetName, OTHER_VALUES, f(defaultChannel), f(defaultPlaced), f(`SUMPRODUCT(${match(null)})`), f(`SUMPRODUCT(${match(null)}*${map.index})`), "", ...inputs.measures.map(() => "")]);
    formats.push([...rowFormats]);
    const valueRows: number[] = [];
    row += 1;
    for (const v of s.values) {
      const val = at(row, columns.value);
      const n = at(row, columns.matches);
      const r = at(row, columns.mapRow);
      const channel = `IF(${n}=1, TRIM(INDEX(${map.channelColumn}, ${r})&""), IF(${n}>1, "(listed "&${n}&" times in the Channel map)", IF(${n0}>=1, ${ch0}, ${val})))`;
      const placed = `IF(${n}=1, "Channel map row "&(${r}+1), IF(${n}>1, "listed "&${n}&" times", IF(${n0}>=1, "every other value of the source", ${textLiteral(UNMATCHED)})))`;
      const slice: ChannelSlice | null = s.source.channel === null || s.source.fixedChannel !== null ? null : { keyCell: val, match: v.match, takesBlank: v.label === NO_CHANNEL };
      const measure = (key: string): SheetCell => {
        if (!s.supplies.has(key)) return "";
        const total = key === "spend" || key === "revenue" ? s.ranges.sum(key, inputs.window, slice) : s.ranges.count(key, inputs.window, slice);
        return f(`IF(${inputs.validCell}, ${total}, 0)`);
      };
      cells.push([s.source.sheetName, v.label, f(channel), f(placed), f(`SUMPRODUCT(${match(val)})`), f(`SUMPRODUCT(${match(val)}*${map.index})`), v.rows, ...inputs.measures.map((m) => measure(m.key))]);
      formats.push([...rowFormats]);
      valueRows.push(row);
      row += 1;
    }
    sourceRows.push({ sheetName: s.source.sheetName, row: own, valueRows });
  }
  const first = origin.row + 2;
  const last = Math.max(first, row - 1);
  const range = (column: number): string => `${a1(first, column, true)}:${a1(last, column, true)}`;
  return {
    block: { row: origin.row, column: c0, cells, formats, titleRows: [0], headerRows: [1] },
    cells: {
      sourceRows,
      channelRange: range(columns.channel),
      measureRange: Object.fromEntries(inputs.measures.map((m) => [m.key, range(columns.measures[m.key])])),
      columns,
      headerRow: origin.row + 1,
    },
  };
}
