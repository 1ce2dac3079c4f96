// The "Channel map" sheet: created by the add-on, edited by the team, read as the channel table; written as text so no value becomes a formula.
import type { ChannelTableRow, NumberedChannelRow } from "../../kpi/channels/channel-table";
import { isBlankRow, sourceKey, valueKey } from "../../kpi/channels/channel-table";
import type { SheetApi, WritableValue } from "../apps-script-api";
import { spreadsheetApp } from "../services";
import { CHANNEL_MAP_HEADERS, CHANNEL_MAP_SHEET_NAME, readChannelGrid } from "./channel-map-format";

export interface ChannelMapSheet {
  rows: NumberedChannelRow[];
  /** Why the sheet could not be read as a table (its header row was changed), or null. */
  problem: string | null;
}

/** The table as the team left it, or null when the workbook has no Channel map yet. */
export function readChannelMap(): ChannelMapSheet | null {
  const sheet = spreadsheetApp().getActiveSpreadsheet().getSheetByName(CHANNEL_MAP_SHEET_NAME);
  if (sheet === null) return null;
  const read = readChannelGrid(sheet.getDataRange().getValues(), `the "${CHANNEL_MAP_SHEET_NAME}" sheet`);
  return read.ok ? { rows: read.rows, problem: null } : { rows: [], problem: read.message };
}

/** A leading apostrophe makes Sheets keep exactly the characters: "=x", "TRUE" and "00123" stay text. */
function asText(text: string): WritableValue {
  return text === "" ? "" : `'${text}`;
}

const NOTE =
  "One row per value: Source is the sheet, Value a value of its channel column (blank: every value of that sheet not listed), " +
  "Channel the team's channel. Rows with a Value and no Channel are values no row places yet: fill in their channel. " +
  "The KPI Summary reads this sheet, so an edit here moves its numbers at once.";

function format(sheet: SheetApi, rows: number): void {
  sheet.getRange(1, 1, 1, CHANNEL_MAP_HEADERS.length).setFontWeight("bold").setBackground("#f1f3f4");
  sheet.getRange(1, 1).setNote(NOTE);
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, CHANNEL_MAP_HEADERS.length, 180);
  const app = spreadsheetApp();
  const unplaced = app.newConditionalFormatRule()
    .whenFormulaSatisfied('=AND(LEN($B2)>0,LEN(TRIM($C2))=0)')
    .setBackground("#fce8b2")
    .setRanges([sheet.getRange(2, 1, Math.max(rows, 1) + 500, CHANNEL_MAP_HEADERS.length)])
    .build();
  sheet.setConditionalFormatRules([unplaced]);
}

/** Writes the whole table (the wizard's edit of it): header, rows as text, the unplaced rows highlighted. */
export function writeChannelMap(rows: readonly ChannelTableRow[]): SheetApi {
  const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME) ?? spreadsheet.insertSheet(CHANNEL_MAP_SHEET_NAME);
  const kept = rows.filter((r) => !isBlankRow(r));
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, CHANNEL_MAP_HEADERS.length).clearContent();
  sheet.getRange(1, 1, 1, CHANNEL_MAP_HEADERS.length).setValues([[...CHANNEL_MAP_HEADERS]]);
  if (kept.length > 0) {
    sheet.getRange(2, 1, kept.length, CHANNEL_MAP_HEADERS.length).setValues(kept.map((r) => [asText(r.source), asText(r.value), asText(r.channel)]));
  }
  format(sheet, kept.length);
  return sheet;
}

/**
 * Regeneration keeps every row the team wrote and only adds, below them, the values no row covers yet, with
 * a blank Channel for the team to fill in; returns how many were added.
 */
export function appendUnplaced(values: ReadonlyArray<{ source: string; value: string }>, current: readonly NumberedChannelRow[]): number {
  const listed = new Set(current.filter((r) => !isBlankRow(r)).map((r) => `${sourceKey(r.source)}\u0000${valueKey(r.value)}`));
  const fresh = values.filter((v) => !listed.has(`${sourceKey(v.source)}\u0000${valueKey(v.value)}`));
  if (fresh.length === 0) return 0;
  const sheet = spreadsheetApp().getActiveSpreadsheet().getSheetByName(CHANNEL_MAP_SHEET_NAME);
  if (sheet === null) return 0;
  const at = Math.max(sheet.getLastRow(), 1) + 1;
  sheet.getRange(at, 1, fresh.length, CHANNEL_MAP_HEADERS.length).setValues(fresh.map((v) => [asText(v.source), asText(v.value), ""]));
  return fresh.length;
}
