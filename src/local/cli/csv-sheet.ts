// Puts a CSV into an emulated sheet as the reading layer read it, for --out over several sources: same encoding, delimiter and rows, numbers and dates as real values.
import { readFileSync } from "node:fs";
import { asGrid } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import { serialToIsoDate } from "../../kpi/dates";
import { decodeBytes } from "../../reading/byte-decoder";
import { sniffDialect } from "../../reading/csv-dialect";
import { tokenizeCsv } from "../../reading/csv-tokenizer";
import type { WritableValue } from "../../server/apps-script-api";
import type { Emulation } from "../emulation";
import type { DataTable } from "./data-table";

/** Text stays text: the apostrophe keeps "=x", "TRUE" or "1.200" from being read as a formula, boolean or number. */
function asText(field: string): WritableValue {
  return field === "" ? null : `'${field}`;
}

/** A value the reader produced, as the sheet should hold it: a date column's serials as ISO days, which the sheet takes as dates. */
function asRead(value: CellValue, isDate: boolean): WritableValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDate && Number.isFinite(value) ? serialToIsoDate(value) : value;
  if (typeof value === "string") return asText(value);
  return value;
}

/**
 * Every row of the file in its place: title, period and total rows as the text they were, the header as
 * text, data rows with the values the report counted, so the summary's formulas count what the report did.
 * A single CSV's --out streams its data sheet instead (csv-data-sheet.ts); several sources go through the engine.
 */
export function loadCsvAsRead(emulation: Emulation, table: DataTable, path: string): void {
  let { text } = decodeBytes(readFileSync(path));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const dialect = sniffDialect(text.slice(0, 64 * 1024));
  if (dialect.sepLine) text = text.slice(text.indexOf("\n") + 1);
  const dates = new Set((table.reading?.columns ?? []).filter((c) => c.kind === "date").map((c) => c.index));
  const read = asGrid(table.rows);
  const grid = tokenizeCsv(text, dialect.delimiter).map((fields, r) => {
    const at = r - table.headerRow;
    const width = at >= 0 && at < read.rowCount ? read.rowWidth(at) : 0;
    if (width === 0) return fields.map(asText);
    return fields.map((field, c) => (c < width ? asRead(read.cell(at, c), dates.has(c)) : asText(field)));
  });
  emulation.loadSheet(table.sheetName, grid);
}
