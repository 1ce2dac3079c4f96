// Finds a CRM's deal stage or status column and the values that mean a deal was won, so only won records become customers.
import type { TableRows } from "../../kpi/cell-grid";
import { asGrid } from "../../kpi/cell-grid";
import { columnLetter } from "./a1";
import { quoteHeader, type DetectedColumn } from "./detected-column";
import { headerTokens } from "./header-synonyms";

export interface DistinctValue {
  value: string;
  count: number;
}

/** Won in the languages exports come in; folded (lower case, no accents). "Closed won", "Gewonnen", "Ganado", "Menang"... */
const WON = new Set([
  "won", "win", "closed won", "closedwon", "deal won", "customer", "gewonnen", "abgeschlossen gewonnen", "kunde", "ganado", "ganada",
  "cerrado ganado", "cerrada ganada", "cliente", "gagne", "gagnee", "ferme gagne", "client", "ganho", "ganha", "fechado ganho", "vinto",
  "vinta", "chiuso vinto", "chiusa vinta", "gesloten gewonnen", "klant", "menang", "berhasil", "pelanggan", "berjaya", "dimenangi",
]);
/** Boolean columns ("Won", "IsWon"): the values that mean yes. */
const YES = new Set(["true", "yes", "1", "ja", "si", "oui", "sim", "ya"]);
const BOOLEAN_WON_HEADERS = new Set(["won", "is won", "iswon", "gewonnen", "ganado", "gagne", "ganho", "vinto", "menang", "berjaya"]);

function fold(text: string): string {
  return headerTokens(text).join(" ");
}

/** Distinct non-blank values of a column in order of first appearance, with how often each occurs; null past `cap` values. */
export function distinctValues(rows: TableRows, index: number, cap = 40): DistinctValue[] | null {
  const counts = new Map<string, DistinctValue>();
  const grid = asGrid(rows);
  for (let r = 0; r < grid.rowCount; r++) {
    const cell = grid.cell(r, index);
    if (cell === null || cell === undefined || cell === "" || cell instanceof Date) continue;
    const value = typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
    if (value.trim() === "") continue;
    const known = counts.get(value);
    if (known !== undefined) known.count++;
    else {
      if (counts.size >= cap) return null;
      counts.set(value, { value, count: 1 });
    }
  }
  return [...counts.values()];
}

/** The values of a status column that mean won, by the column's header and the values' words. */
export function wonValues(header: string, values: readonly DistinctValue[]): string[] {
  const booleanHeader = BOOLEAN_WON_HEADERS.has(fold(header));
  return values.filter((v) => (booleanHeader ? YES.has(fold(v.value)) : WON.has(fold(v.value)))).map((v) => v.value);
}

export interface StatusFinding {
  column: DetectedColumn;
  values: string[];
  distinct: DistinctValue[];
  reason: string;
}

/** The first column named like a stage or status whose values include a won value. */
export function findStatusColumn(columns: readonly DetectedColumn[], rows: TableRows): StatusFinding | null {
  const candidates = columns
    .filter((c) => c.matches.some((m) => m.target.kind === "status") && c.profile.kind !== "date" && c.profile.kind !== "empty")
    .sort((a, b) => statusScore(b) - statusScore(a));
  for (const column of candidates) {
    const distinct = distinctValues(rows, column.index);
    if (distinct === null) continue;
    const values = wonValues(column.header, distinct);
    if (values.length === 0) continue;
    const others = distinct.filter((d) => !values.includes(d.value));
    const shownOthers = others.slice(0, 3).map((d) => `'${d.value}'`).join(", ");
    const rest = others.length > 3 ? ` and ${others.length - 3} more` : "";
    const won = values.map((v) => `'${v}'`).join(", ");
    const reason = `column ${columnLetter(column.index)} ${quoteHeader(column.header)} says which records were won (${won}); only those are customers${others.length > 0 ? `, not ${shownOthers}${rest}` : ""}`;
    return { column, values, distinct, reason };
  }
  return null;
}

function statusScore(column: DetectedColumn): number {
  return column.matches.find((m) => m.target.kind === "status")?.score ?? 0;
}

/** The distinct values of each text column, keyed by its index, for the wizard's status pickers; a column of more than `cap` is left out. */
export function distinctTextValues(rows: TableRows, columns: ReadonlyArray<{ index: number; kind: string }>, cap = 40): Record<string, DistinctValue[]> {
  const distinct: Record<string, DistinctValue[]> = {};
  for (const c of columns) {
    if (c.kind !== "text") continue;
    const values = distinctValues(rows, c.index, cap);
    if (values !== null) distinct[String(c.index)] = values;
  }
  return distinct;
}
