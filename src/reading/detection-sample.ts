// The first data rows as auto-detect profiles them: a date column's serials as ISO text, since a bare number there reads as a count.
import type { CellValue } from "../kpi/cells";
import { serialToIsoDate } from "../kpi/dates";
import type { ColumnReport } from "./reading-report";

export function detectionSample(rows: readonly (readonly CellValue[])[], columns: readonly ColumnReport[], count: number): CellValue[][] {
  const dateColumns = columns.filter((c) => c.kind === "date").map((c) => c.index);
  const out: CellValue[][] = [];
  for (const row of rows) {
    if (out.length >= count) break;
    if (row.length === 0) continue;
    const copy = [...row];
    for (const c of dateColumns) {
      const v = copy[c];
      if (typeof v === "number" && Number.isFinite(v)) copy[c] = serialToIsoDate(v);
    }
    out.push(copy);
  }
  return out;
}
