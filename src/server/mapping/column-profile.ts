// What a column's sample cells hold (dates, numbers, text, blanks), counted so a proposal can say why it chose a column.
import type { CellValue } from "../../kpi/cells";
import { isBlank } from "../../kpi/cells";
import { readDateSerial, readNumber } from "../../kpi/funnel/cell-readers";

export type ColumnKind = "date" | "number" | "text" | "empty";

export interface ColumnProfile {
  kind: ColumnKind;
  rows: number;
  filled: number;
  dates: number;
  numbers: number;
  texts: number;
  /** Distinct filled values, capped; an id column has as many as filled rows. */
  distinct: number;
}

/** Share of filled cells that must agree before a column is called dates or numbers. */
const MAJORITY = 0.8;
const DISTINCT_CAP = 1000;

export function profileColumn(sampleRows: readonly (readonly CellValue[])[], index: number): ColumnProfile {
  let filled = 0;
  let dates = 0;
  let numbers = 0;
  let texts = 0;
  const seen = new Set<string>();
  for (const row of sampleRows) {
    const cell = row[index];
    if (isBlank(cell) || (typeof cell === "string" && cell.trim() === "")) continue;
    filled++;
    if (seen.size < DISTINCT_CAP) seen.add(cell instanceof Date ? `d${cell.getTime()}` : `${typeof cell}:${String(cell)}`);
    // A bare number is a count here: Sheets hands date cells over as Date objects, never as serials.
    const isDate = cell instanceof Date || (typeof cell === "string" && !Number.isNaN(readDateSerial(cell) ?? Number.NaN));
    const n = isDate ? null : readNumber(cell);
    if (isDate) dates++;
    else if (n !== null && !Number.isNaN(n)) numbers++;
    else texts++;
  }
  let kind: ColumnKind = "text";
  if (filled === 0) kind = "empty";
  else if (dates >= MAJORITY * filled) kind = "date";
  else if (numbers >= MAJORITY * filled) kind = "number";
  return { kind, rows: sampleRows.length, filled, dates, numbers, texts, distinct: seen.size };
}

/** "holds dates in 48 of 50 sample rows", or with blanks "holds dates in 20 of 20 filled sample rows (30 blank)". */
export function describeProfile(profile: ColumnProfile): string {
  if (profile.kind === "empty") return `is blank in all ${profile.rows} sample rows`;
  const count = profile.kind === "date" ? profile.dates : profile.kind === "number" ? profile.numbers : profile.texts;
  const noun = profile.kind === "date" ? "dates" : profile.kind === "number" ? "numbers" : "text";
  if (profile.filled === profile.rows) return `holds ${noun} in ${count} of ${profile.rows} sample rows`;
  return `holds ${noun} in ${count} of ${profile.filled} filled sample rows (${profile.rows - profile.filled} blank)`;
}
