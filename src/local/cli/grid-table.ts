// The reading step for a workbook's sheet: table finding and column reading applied to the grid load-xlsx returns.
import { rowArrays } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import { detectionSample } from "../../reading/detection-sample";
import { readGrid } from "../../reading/table-reader";
import { SAMPLE_ROWS } from "../../server/mapping/auto-detect";
import { InputError } from "./cli-errors";
import type { DataTable, LoadOptions } from "./data-table";

/**
 * load-xlsx takes the first filled row (or the given one) as the header; the rows from there down are read
 * again here, so a title or period line above the table, total rows and text numbers are handled as in a CSV.
 */
export function readGridTable(table: DataTable, path: string, options: LoadOptions): DataTable {
  const grid: (readonly CellValue[])[] = [table.headers, ...rowArrays(table.rows)];
  const given = options.headerRow === null ? null : 1;
  const read = readGrid(grid, { headerRow: given, locale: options.locale, sheetName: table.sheetName });
  const offset = table.headerRow - 1;
  const headerRow = read.headerRow + offset;
  for (const s of read.report.skipped) s.row += offset;
  read.report.headerRow = headerRow;
  read.report.headerReason = options.headerRow === null ? read.report.headerReason : `row ${headerRow}, as given`;
  if (read.rows.every((row) => row.length === 0)) throw new InputError(`${path}: sheet "${table.sheetName}" has a header row but no data rows below it`);
  fixAddresses(read.report.columns, offset);
  return {
    ...table,
    headerRow,
    headers: read.headers,
    rows: read.rows,
    sample: detectionSample(read.rows, read.report.columns, SAMPLE_ROWS),
    reading: read.report,
  };
}

/** Cell addresses were counted from the grid's first row; the sheet's rows start `offset` further down. */
function fixAddresses(columns: ReturnType<typeof readGrid>["report"]["columns"], offset: number): void {
  if (offset === 0) return;
  const shift = (address: string): string => address.replace(/(\d+)$/, (d) => String(Number(d) + offset));
  for (const c of columns) {
    for (const cell of c.unreadable.cells) cell.address = shift(cell.address);
    for (const cell of c.fromText.cells) cell.address = shift(cell.address);
  }
}
