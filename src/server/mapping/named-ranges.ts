// The named ranges a mapping publishes (kpi_spend, kpi_leads, ...), open-ended so rows added later are counted.
import { columnLetter, quotedSheetRef } from "./a1";
import { STATUS_RANGE_SUFFIX, type ColumnRef, type FunnelMapping } from "./mapping-types";

export interface NamedRangeSpec {
  /** "kpi_spend", "kpi_<stage key>". */
  name: string;
  /** "'Data'!C2:C": from the first data row to the bottom of the sheet, whatever its size later. */
  a1: string;
  /** Which part of the mapping it names: "date", "channel", "spend", "revenue", "stage:<key>" or "status:<key>". */
  field: string;
}

export const NAMED_RANGE_PREFIX = "kpi_";

/**
 * One open-ended range per mapped column. Record-level data without its own date column gets
 * kpi_date on the first stage's date, the date the report uses for it.
 * Stage keys are validated (lower-case, not a reserved field) before this is called.
 */
export function namedRangesFor(mapping: FunnelMapping): NamedRangeSpec[] {
  const firstDataRow = mapping.headerRow + 1;
  const range = (field: string, name: string, column: ColumnRef): NamedRangeSpec => ({
    name: `${NAMED_RANGE_PREFIX}${name}`,
    a1: openColumnA1(mapping.sheetName, column.index, firstDataRow),
    field,
  });
  const specs: NamedRangeSpec[] = [];
  const date = mapping.date ?? (mapping.shape === "record-level" ? (mapping.stages[0]?.column ?? null) : null);
  if (date !== null) specs.push(range("date", "date", date));
  if (mapping.channel !== null) specs.push(range("channel", "channel", mapping.channel));
  if (mapping.spend !== null) specs.push(range("spend", "spend", mapping.spend));
  if (mapping.revenue !== null) specs.push(range("revenue", "revenue", mapping.revenue));
  for (const stage of mapping.stages) {
    if (stage.column !== null) specs.push(range(`stage:${stage.key}`, stage.key, stage.column));
    if (stage.status && mapping.shape === "record-level") {
      specs.push(range(`status:${stage.key}`, `${stage.key}${STATUS_RANGE_SUFFIX}`, stage.status.column));
    }
  }
  return specs;
}

/** "'My data'!C2:C": always quoted, so names with spaces, quotes or that look like cells all work. */
export function openColumnA1(sheetName: string, columnIndex: number, firstRow: number): string {
  const letter = columnLetter(columnIndex);
  return `${quotedSheetRef(sheetName)}!${letter}${firstRow}:${letter}`;
}
