// One header-row column as auto-detect sees it (header, sample content, header matches), and how reasons quote it.
import { columnLetter } from "./a1";
import type { ColumnProfile } from "./column-profile";
import { derivedWord, type HeaderMatch } from "./header-synonyms";
import type { ColumnRef } from "./mapping-types";

export interface DetectedColumn {
  index: number;
  header: string;
  profile: ColumnProfile;
  matches: HeaderMatch[];
}

/** Header as quoted in a reason: trimmed and cut short, so a pasted paragraph does not swamp the sidebar. */
export function quoteHeader(header: string): string {
  const flat = header.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return `'${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}'`;
}

export function describeColumn(column: DetectedColumn): string {
  return `column ${columnLetter(column.index)} ${quoteHeader(column.header)}`;
}

export function bestStageMatch(column: DetectedColumn, allowDateOnly: boolean): HeaderMatch | undefined {
  return column.matches.find((m) => m.target.kind === "stage" && (allowDateOnly || !m.dateOnly));
}

export function isStageDateColumn(column: DetectedColumn): boolean {
  return column.profile.kind === "date" && derivedWord(column.header) === null && bestStageMatch(column, true) !== undefined;
}

export function isIdColumn(column: DetectedColumn): boolean {
  return (
    column.matches.some((m) => m.target.kind === "id") &&
    column.profile.filled > 0 &&
    column.profile.distinct === column.profile.filled
  );
}

export function idReason(column: DetectedColumn): string {
  return `header ${quoteHeader(column.header)} looks like a record id (one distinct value per row); the funnel does not need it`;
}

export function ref(column: DetectedColumn): ColumnRef {
  return { header: column.header, index: column.index };
}
