// The one rule that turns a channel cell into its group label, written so a native spreadsheet formula can follow it exactly.
import type { CellValue } from "../cells";
import { dateToSerial } from "../dates";

/** The group of rows whose channel cell is blank (or only spaces). */
export const NO_CHANNEL = "(no channel)";

/**
 * Leading and trailing spaces removed and inner runs of spaces made one: what TRIM does in Sheets,
 * Excel, LibreOffice and HyperFormula. Tabs and no-break spaces are kept, as TRIM keeps them, so the
 * summary's `TRIM(kpi_channel&"")` groups the same rows as the report.
 */
export function spreadsheetTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/**
 * A cell as `cell&""` reads in a formula: a number with at most 15 significant digits ("0.3", not
 * "0.30000000000000004"), a date as its serial, a boolean as TRUE/FALSE.
 */
export function cellText(raw: CellValue): string {
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "" : String(dateToSerial(raw));
  if (typeof raw === "number") return Number.isFinite(raw) ? String(Number(raw.toPrecision(15))) : "";
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return raw;
}

/** The label a channel cell is grouped under; labels that differ only in case share one group (compare with `channelKey`). */
export function channelLabel(raw: CellValue): string {
  const label = spreadsheetTrim(cellText(raw));
  return label === "" ? NO_CHANNEL : label;
}

/** Case-folded, as a spreadsheet's `=` compares text. */
export function channelKey(label: string): string {
  return label.toLowerCase();
}
