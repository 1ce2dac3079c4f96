// Checks a funnel mapping against the sheet as it is now, before anything is written: errors block, warnings inform.
import type { TableRows } from "../../kpi/cell-grid";
import { columnLetter } from "./a1";
import { describeRef, mappedColumns, type MappedColumn } from "./mapped-columns";
import { plainIssue, type MappingIssue, type MappingValidation } from "./mapping-issues";
import type { ReadingReport } from "../../reading/reading-report";
import { RESERVED_STAGE_KEYS, STAGE_KEY_PATTERN, STATUS_RANGE_SUFFIX, type FunnelMapping } from "./mapping-types";
import { checkData } from "./validate-cells";
import { checkTextCells } from "./validate-text-cells";

export type { MappingIssue, MappingValidation } from "./mapping-issues";

/**
 * `headers` is the header row as it is now; `rows` are the data rows below it (header excluded),
 * so row i of `rows` is sheet row `headerRow + 1 + i`.
 */
export function validateMapping(
  mapping: FunnelMapping,
  headers: readonly string[],
  rows: TableRows,
  reading: ReadingReport | null = null,
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
  if (reading !== null) checkTextCells(current, reading, warnings);
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
    if (stage.status) {
      if (mapping.shape !== "record-level") {
        errors.push(plainIssue(field, "status-values", `${label}: a status column only works on record-level data (one row per lead or deal)`));
      } else if (stage.status.values.length === 0) {
        errors.push(plainIssue(field, "status-values", `${label}: no value of '${stage.status.column.header}' is chosen, so no record could reach this stage`));
      } else if (stage.status.values.some((v) => v.trim() === "")) {
        errors.push(plainIssue(field, "status-values", `${label}: a blank status value cannot mark a stage as reached`));
      }
    }
  });
  for (const stage of stages) {
    if (stages.some((other) => other.key + STATUS_RANGE_SUFFIX === stage.key && other.status)) {
      errors.push(plainIssue(`stage:${stage.key}`, "stage-key", `Stage '${stage.name}': key '${stage.key}' is the name of another stage's status range; choose another`));
    }
  }
}

function sameHeader(a: string | undefined, b: string): boolean {
  return a !== undefined && String(a).trim().toLowerCase() === b.trim().toLowerCase();
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
    // Several stages may read one status column ("Deal Stage" marks opportunities and customers).
    if (earlier !== undefined && earlier.role === "status" && column.role === "status") continue;
    if (earlier === undefined) {
      byIndex.set(column.ref.index, column);
      continue;
    }
    errors.push(
      plainIssue(column.field, "column-reused", `${column.label}: ${describeRef(column.ref)} is already used for ${earlier.label}; each column can be used once`),
    );
  }
}

