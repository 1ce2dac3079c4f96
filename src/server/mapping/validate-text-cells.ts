// Warns where the report read numbers or dates that sit in the sheet as text, which the summary's own formulas cannot count.
import { columnLetter } from "./a1";
import type { ReadingReport } from "../../reading/reading-report";
import type { MappedColumn } from "./mapped-columns";
import { type MappingIssue } from "./mapping-issues";

/**
 * SUMIFS and COUNTIFS skip text, so "1.234,56" or "23.09.2026" typed or pasted as text counts in the
 * report but not in the live KPI Summary. Each mapped column holding such cells gets one warning with
 * the count and the first cells; the Data step offers to convert exactly those cells.
 */
export function checkTextCells(columns: readonly MappedColumn[], reading: ReadingReport, warnings: MappingIssue[]): void {
  for (const column of columns) {
    if (column.role === "text" || column.role === "status") continue;
    const read = reading.columns.find((c) => c.index === column.ref.index);
    if (read === undefined || read.fromText.count === 0) continue;
    const what = read.kind === "date" ? "dates" : "numbers";
    const n = read.fromText.count;
    const shown = read.fromText.cells.map((c) => `${c.address} ('${c.text}')`).join(", ");
    const more = n - read.fromText.cells.length;
    warnings.push({
      field: column.field,
      code: "text-cells",
      message: `${column.label} (column ${columnLetter(column.ref.index)} '${column.ref.header}'): ${n === 1 ? "1 cell holds" : `${n} cells hold`} ${what} as text: ${shown}${more > 0 ? ` and ${more} more` : ""}. This check reads them, but the KPI Summary's live formulas will not count them; convert them to real ${what} in the Data step.`,
      cells: read.fromText.cells.map((c) => c.address),
      count: n,
    });
  }
}
