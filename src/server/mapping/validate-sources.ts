// Checks a mapping with sources against its sheets as they are now: each source as a sheet of its own, then what only the whole funnel can get wrong.
import type { TableRows } from "../../kpi/cell-grid";
import type { ReadingReport } from "../../reading/reading-report";
import { plainIssue, type MappingIssue, type MappingValidation } from "./mapping-issues";
import { RESERVED_STAGE_KEYS, STAGE_KEY_PATTERN } from "./mapping-types";
import { sourceView } from "./source-view";
import { SOURCE_ID_PATTERN, type MappingSource, type SourcedMapping } from "./source-types";
import { validateMapping } from "./validate-mapping";

/** A source's sheet as read now, or null when there is no sheet of that name. */
export interface SourceSheet {
  headers: readonly string[];
  rows: TableRows;
  reading: ReadingReport | null;
}

/** Fields of a source's controls: "source:<id>", "source:<id>:spend", "source:<id>:stage:<key>". */
export function sourceField(source: MappingSource, field?: string): string {
  return field === undefined ? `source:${source.id}` : `source:${source.id}:${field}`;
}

function quoted(name: string): string {
  return `"${name}"`;
}

export function validateSources(mapping: SourcedMapping, sheetOf: (source: MappingSource) => SourceSheet | null): MappingValidation {
  const errors: MappingIssue[] = [];
  const warnings: MappingIssue[] = [];
  checkSources(mapping, errors);
  checkStages(mapping, errors, warnings);
  for (const source of mapping.sources) {
    const sheet = sheetOf(source);
    if (sheet === null) {
      errors.push(plainIssue(sourceField(source), "sheet-name", `Source ${quoted(source.sheetName)}: there is no sheet named ${quoted(source.sheetName)} any more (renamed or deleted); choose its sheet again under Sources`));
      continue;
    }
    const view = sourceView(mapping, source);
    const result = validateMapping(view, sheet.headers, sheet.rows, sheet.reading);
    const adopt = (issue: MappingIssue): MappingIssue => ({ ...issue, field: sourceField(source, issue.field), message: `Source ${quoted(source.sheetName)}: ${issue.message}` });
    // One source may supply a single stage; the funnel as a whole needs two, checked below.
    errors.push(...result.errors.filter((e) => e.code !== "too-few-stages" && e.code !== "stage-key" && e.code !== "stage-name").map(adopt));
    warnings.push(...result.warnings.map(adopt));
    const supplies = view.stages.length > 0 || source.spend !== null || source.revenue !== null;
    if (!supplies) warnings.push(plainIssue(sourceField(source), "no-data", `Source ${quoted(source.sheetName)}: it supplies no stage, spend or revenue, so nothing of it is counted`));
    if (source.shape === "record-level" && view.stages.length === 0 && source.date === null && (source.spend !== null || source.revenue !== null)) {
      errors.push(plainIssue(sourceField(source, "date"), "column-unset", `Source ${quoted(source.sheetName)}: one row per record needs a date column or a stage to date its spend and revenue by`));
    }
  }
  return { ok: errors.length === 0, errors, warnings };
}

function checkSources(mapping: SourcedMapping, errors: MappingIssue[]): void {
  if (mapping.sources.length === 0) errors.push(plainIssue("sources", "sheet-name", "Sources: no source is chosen; add the sheets the funnel reads"));
  const ids = new Set<string>();
  const sheets = new Map<string, MappingSource>();
  for (const source of mapping.sources) {
    if (!SOURCE_ID_PATTERN.test(source.id)) errors.push(plainIssue(sourceField(source), "sheet-name", `Source ${quoted(source.sheetName)}: id '${source.id}' must be lower-case letters, digits or _ and start with a letter`));
    if (ids.has(source.id)) errors.push(plainIssue(sourceField(source), "sheet-name", `Source ${quoted(source.sheetName)}: id '${source.id}' is used by another source`));
    ids.add(source.id);
    const key = source.sheetName.trim().toLowerCase();
    const earlier = sheets.get(key);
    if (earlier !== undefined) errors.push(plainIssue(sourceField(source), "sheet-name", `Sources: sheet ${quoted(source.sheetName)} is chosen twice; each sheet is one source`));
    else sheets.set(key, source);
    if (source.sheetName.trim() === "") errors.push(plainIssue(sourceField(source), "sheet-name", "Sources: a source has no sheet chosen"));
  }
}

function checkStages(mapping: SourcedMapping, errors: MappingIssue[], warnings: MappingIssue[]): void {
  const { stages } = mapping;
  if (stages.length < 2) {
    const names = stages.map((s) => s.name).join(", ");
    errors.push(plainIssue("stages", "too-few-stages", `Stages: a funnel needs at least two stages; this one has ${stages.length}${names ? ` (${names})` : ""}`));
  }
  const byId = new Map(mapping.sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  stages.forEach((stage, i) => {
    const field = `stage:${stage.key}`;
    const label = `Stage ${i + 1} '${stage.name}'`;
    if (stage.name.trim() === "") errors.push(plainIssue(field, "stage-name", `Stage ${i + 1}: the name is blank`));
    if (!STAGE_KEY_PATTERN.test(stage.key)) errors.push(plainIssue(field, "stage-key", `${label}: key '${stage.key}' must be lower-case letters, digits or _ and start with a letter`));
    else if (RESERVED_STAGE_KEYS.includes(stage.key)) errors.push(plainIssue(field, "stage-key", `${label}: key '${stage.key}' is reserved for the ${stage.key} column; choose another`));
    else if (seen.has(stage.key)) errors.push(plainIssue(field, "stage-key", `${label}: key '${stage.key}' is used by an earlier stage`));
    seen.add(stage.key);
    if (stage.supply.length === 0) errors.push(plainIssue(field, "column-unset", `${label}: no source supplies it; pick its source and column`));
    const suppliers = new Set<string>();
    for (const supply of stage.supply) {
      const source = byId.get(supply.source);
      if (source === undefined) {
        errors.push(plainIssue(field, "sheet-name", `${label}: it is supplied by source '${supply.source}', which is not one of the sources`));
        continue;
      }
      if (suppliers.has(supply.source)) errors.push(plainIssue(field, "column-reused", `${label}: source ${quoted(source.sheetName)} supplies it twice; each source supplies a stage once`));
      suppliers.add(supply.source);
    }
  });
  const spend = mapping.sources.filter((s) => s.spend !== null);
  if (spend.length === 0) warnings.push(plainIssue("spend", "column-unset", "Spend: no source has a spend column, so CAC, cost per stage and ROAS cannot be computed"));
}
