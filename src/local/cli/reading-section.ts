// The text report's account of reading the file: encoding and delimiter, the header row, every skipped row and what each column assumed.
import { columnNotes } from "../../reading/column-notes";
import type { ReadingReport } from "../../reading/reading-report";

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
