// The cell-by-cell half of validation: wrong kinds of value, negative counts, missing dates, stage dates out of order.
import { type CellGrid, type TableRows, asGrid } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import { isBlank } from "../../kpi/cells";
import { readDateSerial, readNumber } from "../../kpi/funnel/cell-readers";
import { BLANK_CELL, columnReadings, labelColumn } from "../../kpi/funnel/column-readings";
import { describeRef, type MappedColumn } from "./mapped-columns";
import { CellProblems, cellsVerb, plainIssue, type MappingIssue } from "./mapping-issues";
import type { FunnelMapping } from "./mapping-types";

/** Checks only columns whose header still matches, so a moved column is not blamed for its neighbour's data. */
export function checkData(
  mapping: FunnelMapping,
  columns: readonly MappedColumn[],
  rows: TableRows,
  errors: MappingIssue[],
  warnings: MappingIssue[],
): void {
  const grid = asGrid(rows);
  const sheet = mapping.sheetName;
  const firstDataRow = mapping.headerRow + 1;
  const problems = columns.map((c) => ({
    column: c,
    wrongType: new CellProblems(sheet, c.ref.index),
    negative: new CellProblems(sheet, c.ref.index),
  }));
  const dateColumn = columns.find((c) => c.field === "date");
  const missingDate = new CellProblems(sheet, dateColumn?.ref.index ?? 0);
  const stageDates = mapping.shape === "record-level" ? columns.filter((c) => c.role === "stage-date") : [];
  const stageDateCols = stageDates.map((c) => c.ref.index);
  const outOfOrder = new CellProblems(sheet, stageDateCols[0] ?? 0);
  // Every mapped column read whole: blank cells are BLANK_CELL, wrong kinds of value NaN.
  const cells = problems.map((p) => columnReadings(grid, p.column.ref.index, readerFor(p.column.role)));
  const dateCells = dateColumn === undefined ? null : cells[columns.indexOf(dateColumn)];
  const stageDateCells = stageDates.map((c) => cells[columns.indexOf(c)]);
  // Rows with a filled mapped cell are data; the rest (blank, left out) are not looked at.
  const isData = new Uint8Array(grid.rowCount);
  for (const column of cells) for (let r = 0; r < column.length; r++) if (column[r] !== BLANK_CELL) isData[r] = 1;
  for (let r = 0; r < isData.length; r++) if (isData[r] === 1 && grid.rowWidth(r) === 0) isData[r] = 0;
  let dataRows = 0;
  for (let r = 0; r < isData.length; r++) dataRows += isData[r];

  // Column by column: each column's problems are still listed in row order.
  problems.forEach((p, k) => {
    const column = cells[k];
    const role = p.column.role;
    const numeric = role === "count" || role === "amount";
    if (!numeric && role !== "date" && role !== "stage-date") return;
    for (let r = 0; r < column.length; r++) {
      const n = column[r];
      if (n === BLANK_CELL || isData[r] === 0) continue;
      if (n !== n) p.wrongType.add(firstDataRow + r, grid.cell(r, p.column.ref.index));
      else if (numeric && n < 0) p.negative.add(firstDataRow + r, grid.cell(r, p.column.ref.index));
    }
  });
  for (let r = 0; r < isData.length; r++) {
    if (isData[r] === 0) continue;
    if (dateCells !== null && dateCells[r] === BLANK_CELL) missingDate.add(firstDataRow + r);
    if (stageDateCols.length > 1) checkStageOrder(stageDateCells, r, stageDateCols, firstDataRow + r, outOfOrder);
  }

  for (const { column, wrongType, negative } of problems) {
    if (wrongType.count > 0) {
      const dates = column.role === "date" || column.role === "stage-date";
      const what = dates ? cellsVerb(wrongType.count, "is not a date", "are not dates") : cellsVerb(wrongType.count, "is not a number", "are not numbers");
      errors.push(
        wrongType.issue(column.field, dates ? "not-a-date" : "not-a-number", `${column.label} (${describeRef(column.ref)}): ${what}: ${wrongType.listing()}`),
      );
    }
    if (negative.count > 0) {
      if (column.role === "count") {
        errors.push(
          negative.issue(column.field, "negative-count", `${column.label} (${describeRef(column.ref)}): ${cellsVerb(negative.count, "holds", "hold")} negative counts: ${negative.listing()}`),
        );
      } else {
        // Refunds and credits make negative amounts legitimate in a row; totals are what the KPIs check.
        warnings.push(
          negative.issue(column.field, "negative-amount", `${column.label} (${describeRef(column.ref)}): ${cellsVerb(negative.count, "is", "are")} negative: ${negative.listing()}; check they are refunds or credits`),
        );
      }
    }
  }
  if (dateColumn !== undefined && missingDate.count > 0) {
    // Record-level stages carry their own dates; only the record's spend hangs on this column.
    const consequence =
      mapping.shape === "aggregated"
        ? "those rows count in totals but in no month or period"
        : "their spend counts in totals but in no month or period";
    warnings.push(
      missingDate.issue("date", "missing-date", `${dateColumn.label} (${describeRef(dateColumn.ref)}): ${cellsVerb(missingDate.count, "is", "are")} blank in rows with data, so ${consequence}: ${missingDate.listing()}`),
    );
  }
  if (outOfOrder.count > 0) {
    warnings.push(
      outOfOrder.issue("stages", "stage-date-order", `Stages: ${outOfOrder.count === 1 ? "1 record has" : `${outOfOrder.count} records have`} a stage date before the previous stage's date: ${outOfOrder.listing()}`),
    );
  }
  checkStatusValues(mapping, columns, grid, warnings);
  if (dataRows === 0) {
    warnings.push(plainIssue("sheetName", "no-data", `Data sheet '${sheet}': no data rows below header row ${mapping.headerRow}`));
  }
}

/** A chosen status value that no row holds is most likely a typo or a value from another export. */
function checkStatusValues(mapping: FunnelMapping, columns: readonly MappedColumn[], grid: CellGrid, warnings: MappingIssue[]): void {
  if (mapping.shape !== "record-level") return;
  for (const stage of mapping.stages) {
    const status = stage.status;
    if (!status || !columns.some((c) => c.role === "status" && c.ref.index === status.column.index)) continue;
    const present = new Set<string>();
    const { values } = labelColumn(grid, status.column.index);
    for (const v of values) if (v !== null && v !== undefined && v !== "") present.add(String(v).toLowerCase());
    const missing = status.values.filter((v) => !present.has(v.toLowerCase()));
    if (missing.length > 0) {
      warnings.push(
        plainIssue(`stage:${stage.key}`, "status-unused-value", `Stage '${stage.name}': ${missing.map((v) => `'${v}'`).join(", ")} ${missing.length === 1 ? "is" : "are"} in no row of ${describeRef(status.column)}`),
      );
    }
  }
}

/** Counts a record once, at the first stage dated before the nearest earlier stage it reached. */
function checkStageOrder(stageCells: readonly Float64Array[], r: number, cols: readonly number[], sheetRow: number, outOfOrder: CellProblems): void {
  let previous = Number.NaN;
  for (let i = 0; i < cols.length; i++) {
    const s = stageCells[i][r];
    if (s === BLANK_CELL || Number.isNaN(s)) continue;
    if (s < previous) {
      outOfOrder.addAt(sheetRow, cols[i]);
      return;
    }
    previous = s;
  }
}

/** A text or status cell read as 0 when filled: only whether it is blank matters. */
function filledOrNull(value: CellValue): number | null {
  return isEmpty(value) ? null : 0;
}

/** What each role's cells are read as; readNumber and readDateSerial are null exactly for the cells isEmpty calls blank. */
function readerFor(role: MappedColumn["role"]): (value: CellValue) => number | null {
  switch (role) {
    case "count":
    case "amount":
      return readNumber;
    case "date":
    case "stage-date":
      return readDateSerial;
    default:
      return filledOrNull;
  }
}

function isEmpty(value: CellValue): boolean {
  return isBlank(value) || (typeof value === "string" && value.trim() === "");
}
