// The text report's account of reading the file: encoding and delimiter, the header row, every skipped row and what each column assumed.
import type { ColumnReport, ReadingReport } from "../../reading/reading-report";
import { columnName } from "../../reading/column-name";

function quoted(cells: ColumnReport["unreadable"]["cells"]): string {
  return cells.map((c) => `${c.address} '${c.text.length > 30 ? `${c.text.slice(0, 29)}…` : c.text}'`).join(", ");
}

/** What a column's reading needs the user to know; empty when nothing was assumed or left unread. */
export function columnNotes(c: ColumnReport): string[] {
  const name = `${columnName(c.index)} '${c.header}'`;
  const lines: string[] = [];
  for (const a of c.assumptions) lines.push(`${name}: ${a}`);
  if (c.mixed !== null) lines.push(`${name}: mixed formats: ${c.mixed}`);
  if (c.unreadable.count > 0) {
    const what = c.kind === "date" ? "dates" : "numbers";
    const more = c.unreadable.count - c.unreadable.cells.length;
    lines.push(
      `${name}: ${c.unreadable.count} ${c.unreadable.count === 1 ? "cell is" : "cells are"} not ${what} and ${c.unreadable.count === 1 ? "was" : "were"} left out: ${quoted(c.unreadable.cells)}${more > 0 ? ` and ${more} more` : ""}`,
    );
  }
  return lines;
}

export function readingSection(reading: ReadingReport | null, sheetName: string): string | null {
  if (reading === null) return null;
  const lines: string[] = [];
  const how = [reading.encoding, reading.dialect].filter((s): s is string => s !== null).join(", ");
  lines.push(`Reading "${sheetName}"${how === "" ? "" : ` (${how})`}`);
  lines.push(`  header row ${reading.headerRow}: ${reading.headerReason}`);
  lines.push(`  ties broken with ${reading.locale}`);
  if (reading.skippedCount > 0) {
    lines.push(`  ${reading.skippedCount} ${reading.skippedCount === 1 ? "row" : "rows"} left out:`);
    for (const s of reading.skipped) lines.push(`    row ${s.row}: ${s.text}`);
    const more = reading.skippedCount - reading.skipped.length;
    if (more > 0) lines.push(`    and ${more} more`);
  }
  const notes = reading.columns.flatMap(columnNotes);
  if (notes.length > 0) {
    lines.push("  columns:");
    for (const n of notes) lines.push(`    ${n}`);
  }
  return lines.join("\n");
}
