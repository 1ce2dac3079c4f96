// The Channel map as the summary reads it: a fixed number of its rows, numbered here, so each value's row is found with SUMPRODUCT in every engine.
import { quotedSheetRef } from "../../mapping/a1";
import { CHANNEL_MAP_SHEET_NAME } from "../../channel-map/channel-map-format";
import { a1, type Block, type CellRef, f, type SheetCell } from "../block";
import { textLiteral } from "../compile-formula";

export const MAP_INDEX_TITLE = "Channel map rows the summary reads";

export interface MapIndexCells {
  /** How many rows of the Channel map (from row 2) are read. */
  capacity: number;
  /** The numbers 1..capacity, one per Channel map row: SUMPRODUCT multiplies a match by them to find its row. */
  index: string;
  /** TRIM(text) of each column of those rows, for comparisons. */
  source: string;
  value: string;
  channel: string;
  /** The Channel column itself, for INDEX. */
  channelColumn: string;
  /** A cell that says when the Channel map has rows past those read. */
  overflow: CellRef;
}

function mapColumn(letter: string, capacity: number): string {
  return `${quotedSheetRef(CHANNEL_MAP_SHEET_NAME)}!$${letter}$2:$${letter}$${capacity + 1}`;
}

export const OVERFLOW_TEXT = "The Channel map has rows past those the summary reads: regenerate the summary to include them";

export function mapIndexBlock(origin: CellRef, capacity: number): { block: Block; cells: MapIndexCells } {
  const map = quotedSheetRef(CHANNEL_MAP_SHEET_NAME);
  const past = capacity + 2;
  const overflow: CellRef = { row: origin.row + 1, column: origin.column + 1 };
  const cells: SheetCell[][] = [
    [MAP_INDEX_TITLE, ""],
    [`Rows 2 to ${capacity + 1}`, f(`IF(COUNTA(${map}!A${past}:A)+COUNTA(${map}!B${past}:B)+COUNTA(${map}!C${past}:C)>0, ${textLiteral(OVERFLOW_TEXT)}, "")`)],
    ["#", ""],
  ];
  for (let i = 1; i <= capacity; i++) cells.push([i, ""]);
  const first = origin.row + 3;
  const index = `${a1(first, origin.column, true)}:${a1(first + capacity - 1, origin.column, true)}`;
  const trimmed = (letter: string): string => `TRIM(${mapColumn(letter, capacity)}&"")`;
  return {
    block: { row: origin.row, column: origin.column, cells, titleRows: [0], headerRows: [2] },
    cells: { capacity, index, source: trimmed("A"), value: trimmed("B"), channel: trimmed("C"), channelColumn: mapColumn("C", capacity), overflow },
  };
}
