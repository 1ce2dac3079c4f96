// The sheets of a workbook that can hold data: every sheet but the add-on's own (summary, setup, Channel map).
import { CHANNEL_MAP_SHEET_NAME } from "../../server/channel-map/channel-map-format";
import { SETUP_SHEET_NAME } from "../../server/setup-sheet-format";
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";

export function dataSheetNames(names: readonly string[]): string[] {
  return names.filter((n) => n !== SUMMARY_SHEET_NAME && n !== SETUP_SHEET_NAME && n !== CHANNEL_MAP_SHEET_NAME);
}
