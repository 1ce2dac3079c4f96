// The first data rows as auto-detect profiles them: a date column's serials as ISO text, since a bare number there reads as a count.
import { type TableRows, asGrid } from "../kpi/cell-grid";
import type { CellValue } from "../kpi/cells";
import { serialToIsoDate } from "../kpi/dates";
import type { ColumnReport } from "./reading-report";

export function detectionSample(rows: TableRows, columns: readonly ColumnReport[], count: number): CellValue[][] {
  const dateColumns = columns.filter((c) => c.kind === "date").map((c) => c.index);
  const out: CellValue[][] = [];
  const grid = asGrid(rows);
  for (let r = 0; r < grid.rowCount; r++) {
    if (out.length >= count) break;
    const width = grid.rowWidth(r);
    if (width === 0) continue;
    const copy = Array.from({ length: width }, (_, c) => grid.cell(r, c));
    for (const c of dateColumns) {
      const v = copy[c];
      if (typeof v === "number" && Number.isFinite(v)) copy[c] = serialToIsoDate(v);
    }
    out.push(copy);
  }
  return out;
}
