// Checks a funnel mapping against the sheet as it is now, before anything is written: errors block, warnings inform.
import type { CellValue } from "../../kpi/cells";
import { isBlank } from "../../kpi/cells";
import { readDateSerial, readNumber } from "../../kpi/funnel/cell-readers";
import { columnLetter } from "./a1";
import { CellProblems, cellsVerb, plainIssue, type MappingIssue, type MappingValidation } from "./mapping-issues";
import {
  RESERVED_STAGE_KEYS,
  STAGE_KEY_PATTERN,
  type ColumnRef,
  type FunnelMapping,
  type MappingField,
} from "./mapping-types";

export type { MappingIssue, MappingValidation } from "./mapping-issues";

/** One mapped column with what it is for, in words for messages and as a field id for the sidebar. */
interface MappedColumn {
  field: string;
  label: string;
  ref: ColumnRef;
  role: "count" | "amount" | "date" | "stage-date" | "text";
}

const FIELD_LABELS: Record<MappingField, string> = {
  date: "Date",
  channel: "Channel",
  spend: "Spend",
  revenue: "Revenue",
};

/**
 * `headers` is the header row as it is now; `rows` are the data rows below it (header excluded),
 * so row i of `rows` is sheet row `headerRow + 1 + i`.
 */
export function validateMapping(
  mapping: FunnelMapping,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
): MappingValidation {
  const errors: MappingIssue[] = [];
  const warnings: MappingIssue[] = [];
  checkShapeAndPlace(mapping, errors);
  checkStages(mapping, errors);
  const columns = mappedColumns(mapping, errors);
  const current = columns.filter((c) => checkColumnStillThere(c, headers, errors));
  checkReuse(columns, errors);
  if (Number.isInteger(mapping.headerRow) && mapping.headerRow >= 1) {
    checkData(mapping, current, rows, errors, warnings);
  }
  return { ok: errors.length === 0, errors, warnings };
}

function checkShapeAndPlace(mapping: FunnelMapping, errors: MappingIssue[]): void {
  if (mapping.sheetName.trim() === "") errors.push(plainIssue("sheetName", "sheet-name", "Data sheet: no sheet is chosen"));
  if (!Number.isInteger(mapping.headerRow) || mapping.headerRow < 1) {
    errors.push(plainIssue("headerRow", "header-row", `Header row: ${mapping.headerRow} is not a row number (1 or more)`));
  }
  if (mapping.shape !== "aggregated" && mapping.shape !== "record-level") {
    errors.push(plainIssue("shape", "shape", `Data shape: '${String(mapping.shape)}' is neither 'aggregated' nor 'record-level'`));
  }
}

function checkStages(mapping: FunnelMapping, errors: MappingIssue[]): void {
  const stages = mapping.stages;
  if (stages.length < 2) {
    const names = stages.map((s) => s.name).join(", ");
    errors.push(
      plainIssue("stages", "too-few-stages", `Stages: a funnel needs at least two stages; this one has ${stages.length}${names ? ` (${names})` : ""}`),
    );
  }
  const seen = new Set<string>();
  stages.forEach((stage, i) => {
    const field = `stage:${stage.key}`;
    const label = `Stage ${i + 1} '${stage.name}'`;
    if (stage.name.trim() === "") errors.push(plainIssue(field, "stage-name", `Stage ${i + 1}: the name is blank`));
    if (!STAGE_KEY_PATTERN.test(stage.key)) {
      errors.push(plainIssue(field, "stage-key", `${label}: key '${stage.key}' must be lower-case letters, digits or _ and start with a letter`));
    } else if (RESERVED_STAGE_KEYS.includes(stage.key)) {
      errors.push(plainIssue(field, "stage-key", `${label}: key '${stage.key}' is reserved for the ${stage.key} column; choose another`));
    } else if (seen.has(stage.key)) {
      errors.push(plainIssue(field, "stage-key", `${label}: key '${stage.key}' is used by an earlier stage`));
    }
    seen.add(stage.key);
  });
}

function mappedColumns(mapping: FunnelMapping, errors: MappingIssue[]): MappedColumn[] {
  const aggregated = mapping.shape === "aggregated";
  const columns: MappedColumn[] = [];
  mapping.stages.forEach((stage) => {
    const field = `stage:${stage.key}`;
    const label = `Stage '${stage.name}'`;
    if (stage.column === null) {
      const what = aggregated ? "count column" : "date column (when a record reached it)";
      errors.push(plainIssue(field, "column-unset", `${label}: no column is chosen; pick its ${what}`));
      return;
    }
    columns.push({ field, label, ref: stage.column, role: aggregated ? "count" : "stage-date" });
  });
  if (mapping.date === null) {
    if (aggregated) {
      errors.push(
        plainIssue("date", "column-unset", "Date: aggregated data needs a period date column so rows can be placed in months and periods"),
      );
    }
  } else {
    columns.push({ field: "date", label: FIELD_LABELS.date, ref: mapping.date, role: "date" });
  }
  if (mapping.channel !== null) columns.push({ field: "channel", label: FIELD_LABELS.channel, ref: mapping.channel, role: "text" });
  if (mapping.spend !== null) columns.push({ field: "spend", label: FIELD_LABELS.spend, ref: mapping.spend, role: "amount" });
  if (mapping.revenue !== null) columns.push({ field: "revenue", label: FIELD_LABELS.revenue, ref: mapping.revenue, role: "amount" });
  return columns;
}

function sameHeader(a: string | undefined, b: string): boolean {
  return a !== undefined && String(a).trim().toLowerCase() === b.trim().toLowerCase();
}

function describeRef(ref: ColumnRef): string {
  return `column ${columnLetter(ref.index)} '${ref.header}'`;
}

/** A column renamed, moved or deleted since setup is an error: reading by position would read the wrong data. */
function checkColumnStillThere(column: MappedColumn, headers: readonly string[], errors: MappingIssue[]): boolean {
  const { ref, label, field } = column;
  if (sameHeader(headers[ref.index], ref.header)) return true;
  const movedTo = headers.findIndex((h) => sameHeader(h, ref.header));
  const was = `was column ${columnLetter(ref.index)}`;
  if (movedTo >= 0) {
    errors.push(
      plainIssue(field, "column-moved", `${label}: header '${ref.header}' ${was} and is now column ${columnLetter(movedTo)}; run Set up funnel again to confirm`),
    );
  } else if (ref.index < headers.length && String(headers[ref.index] ?? "").trim() !== "") {
    errors.push(
      plainIssue(field, "column-missing", `${label}: header '${ref.header}' (${was}) no longer exists; column ${columnLetter(ref.index)} is now headed '${headers[ref.index]}', so it was renamed or deleted`),
    );
  } else {
    errors.push(plainIssue(field, "column-missing", `${label}: header '${ref.header}' (${was}) no longer exists; the column was deleted or its header cleared`));
  }
  return false;
}

function checkReuse(columns: readonly MappedColumn[], errors: MappingIssue[]): void {
  const byIndex = new Map<number, MappedColumn>();
  for (const column of columns) {
    const earlier = byIndex.get(column.ref.index);
    if (earlier === undefined) {
      byIndex.set(column.ref.index, column);
      continue;
    }
    errors.push(
      plainIssue(column.field, "column-reused", `${column.label}: ${describeRef(column.ref)} is already used for ${earlier.label}; each column can be used once`),
    );
  }
}

function checkData(
  mapping: FunnelMapping,
  columns: readonly MappedColumn[],
  rows: readonly (readonly CellValue[])[],
  errors: MappingIssue[],
  warnings: MappingIssue[],
): void {
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
  const mappedIndexes = columns.map((c) => c.ref.index);
  let dataRows = 0;

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!mappedIndexes.some((i) => !isEmpty(row[i]))) continue;
    dataRows++;
    const sheetRow = firstDataRow + r;
    for (const p of problems) {
      const value = row[p.column.ref.index];
      if (isEmpty(value)) continue;
      switch (p.column.role) {
        case "count":
        case "amount": {
          const n = readNumber(value);
          if (n === null) break;
          if (Number.isNaN(n)) p.wrongType.add(sheetRow, value);
          else if (n < 0) p.negative.add(sheetRow, value);
          break;
        }
        case "date":
        case "stage-date":
          if (Number.isNaN(readDateSerial(value) ?? 0)) p.wrongType.add(sheetRow, value);
          break;
        case "text":
          break;
      }
    }
    if (dateColumn !== undefined && isEmpty(row[dateColumn.ref.index])) missingDate.add(sheetRow);
    if (stageDateCols.length > 1) checkStageOrder(row, stageDateCols, sheetRow, outOfOrder);
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
    warnings.push(
      missingDate.issue("date", "missing-date", `${dateColumn.label} (${describeRef(dateColumn.ref)}): ${cellsVerb(missingDate.count, "is", "are")} blank in rows with data, so those rows count in totals but in no month or period: ${missingDate.listing()}`),
    );
  }
  if (outOfOrder.count > 0) {
    warnings.push(
      outOfOrder.issue("stages", "stage-date-order", `Stages: ${outOfOrder.count === 1 ? "1 record has" : `${outOfOrder.count} records have`} a stage date before the previous stage's date: ${outOfOrder.listing()}`),
    );
  }
  if (dataRows === 0) {
    warnings.push(plainIssue("sheetName", "no-data", `Data sheet '${sheet}': no data rows below header row ${mapping.headerRow}`));
  }
}

/** Counts a record once, at the first stage dated before the nearest earlier stage it reached. */
function checkStageOrder(row: readonly CellValue[], cols: readonly number[], sheetRow: number, outOfOrder: CellProblems): void {
  let previous = Number.NaN;
  for (let i = 0; i < cols.length; i++) {
    const s = readDateSerial(row[cols[i]]);
    if (s === null || Number.isNaN(s)) continue;
    if (s < previous) {
      outOfOrder.addAt(sheetRow, cols[i]);
      return;
    }
    previous = s;
  }
}

function isEmpty(value: CellValue): boolean {
  return isBlank(value) || (typeof value === "string" && value.trim() === "");
}
