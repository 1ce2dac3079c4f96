// Writes blocks to the summary sheet in batches: one call per block for values, formats, notes and header styling.
import type { SheetApi } from "../apps-script-api";
import { type Block, blockHeight, blockWidth } from "./block";

const HEADER_BACKGROUND = "#f1f3f4";
const TITLE_COLOUR = "#1a73e8";

export function writeBlock(sheet: SheetApi, block: Block): void {
  const height = blockHeight(block);
  const width = blockWidth(block);
  if (height === 0 || width === 0) return;
  const range = sheet.getRange(block.row, block.column, height, width);
  range.setValues(block.cells);
  if (block.formats) range.setNumberFormats(block.formats);
  if (block.notes) range.setNotes(block.notes);
  for (const offset of block.headerRows ?? []) {
    sheet.getRange(block.row + offset, block.column, 1, width).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  }
  for (const offset of block.titleRows ?? []) {
    sheet.getRange(block.row + offset, block.column, 1, width).setFontWeight("bold").setFontColor(TITLE_COLOUR);
  }
}

/** Empties a sheet the add-on generated before, keeping the sheet itself so other sheets' references to it stay valid. */
export function resetGeneratedSheet(sheet: SheetApi): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.setConditionalFormatRules([]);
  const rows = Math.max(sheet.getMaxRows(), 1);
  const columns = Math.max(sheet.getMaxColumns(), 1);
  sheet.getRange(1, 1, rows, columns).clear({ contentsOnly: true, formatOnly: true, validationsOnly: true });
  sheet.getRange(1, 1, rows, columns).clearNote();
}
