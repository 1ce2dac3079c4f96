// Finds the header row below title lines, report periods, comment blocks and logo rows, and tells total and repeated-header rows in the data.
import type { CellValue } from "../kpi/cells";
import { readDateText } from "./date-text";
import { readNumberText } from "./number-text";
import type { SkipReason, SkippedRow } from "./reading-report";
import { isTotalLabel, looksLikePeriodLine } from "./row-words";

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value).trim();
}

function filledCells(row: readonly CellValue[]): number {
  let n = 0;
  for (const cell of row) if (cellText(cell) !== "") n++;
  return n;
}

function firstText(row: readonly CellValue[]): string {
  for (const cell of row) {
    const t = cellText(cell);
    if (t !== "") return t;
  }
  return "";
}

/** A label rather than a value: text that is neither a number nor a date. */
function isLabel(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const t = value.trim();
  return t !== "" && readNumberText(t) === null && readDateText(t) === null && t !== "--";
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return `'${flat.length > 50 ? `${flat.slice(0, 49)}…` : flat}'`;
}

export function skipped(row: number, reason: SkipReason, first: string): SkippedRow {
  const words: Record<SkipReason, string> = {
    blank: "blank row",
    comment: "comment line",
    title: "title or note line",
    period: "report period line",
    "above-header": "above the header row",
    total: "total row",
    "repeated-header": "repeated header row",
  };
  return { row, reason, text: first === "" ? words[reason] : `${words[reason]} (${quote(first)})` };
}

export interface HeaderFinding {
  /** 0-based index into the rows given. */
  index: number;
  reason: string;
  skipped: SkippedRow[];
}

/**
 * The header is the first row that is as wide as the table below it and made of labels. Rows above it
 * are reported by what they look like. `firstRow` is the 1-based number of rows[0].
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], firstRow = 1): HeaderFinding | null {
  const widths = rows.map(filledCells);
  const freq = new Map<number, number>();
  for (const w of widths) if (w >= 2) freq.set(w, (freq.get(w) ?? 0) + 1);
  let typical = 0;
  let best = 0;
  for (const [w, f] of freq) if (f > best || (f === best && w > typical)) [typical, best] = [w, f];
  const skippedRows: SkippedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const first = firstText(row);
    const n = widths[i];
    if (n === 0) {
      skippedRows.push(skipped(firstRow + i, "blank", ""));
      continue;
    }
    if (first.startsWith("#")) {
      skippedRows.push(skipped(firstRow + i, "comment", first));
      continue;
    }
    const labels = row.filter(isLabel).length;
    if (n >= 2 && n >= Math.ceil(typical * 0.6) && labels >= Math.ceil(n * 0.6) && !isTotalLabel(first)) {
      const above = i === 0 ? "the first row" : `the first row as wide as the table (${n} columns) made of labels`;
      return { index: i, reason: `${above}`, skipped: skippedRows };
    }
    const reason: SkipReason = n === 1 ? (looksLikePeriodLine(first) ? "period" : "title") : "above-header";
    skippedRows.push(skipped(firstRow + i, reason, first));
  }
  return null;
}

/** Why a data row is left out, or null when it is data. `headers` are the header row's texts, lower-cased. */
export function dataRowSkip(row: readonly CellValue[], headers: readonly string[], rowNumber: number): SkippedRow | null {
  let first = "";
  let firstAt = -1;
  let filled = 0;
  let sameAsHeader = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell === "" || cell === null || cell === undefined) continue;
    const t = typeof cell === "string" ? cell.trim() : cellText(cell);
    if (t === "") continue;
    filled++;
    if (firstAt < 0) {
      first = t;
      firstAt = c;
    }
    const h = headers[c];
    if (typeof cell === "string" && h !== undefined && h !== "" && t.length === h.length && t.toLowerCase() === h) sameAsHeader++;
  }
  if (filled === 0) return skipped(rowNumber, "blank", "");
  if (first.startsWith("#")) return skipped(rowNumber, "comment", first);
  if (firstAt <= 2 && isTotalLabel(first)) return skipped(rowNumber, "total", first);
  if (sameAsHeader >= 2 && sameAsHeader >= Math.ceil(filled * 0.6)) return skipped(rowNumber, "repeated-header", first);
  return null;
}
