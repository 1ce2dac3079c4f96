// The server functions the sidebar wizard calls through google.script.run; JSON-safe arguments and results only.
import { computeFunnelReport } from "../kpi/funnel-report";
import { proposeMapping, SAMPLE_ROWS } from "./mapping/auto-detect";
import type { MappingProposal } from "./mapping/proposal-types";
import { toFunnelSpec } from "./mapping/mapping-to-spec";
import type { FunnelMapping } from "./mapping/mapping-types";
import { validateMapping, type MappingValidation } from "./mapping/validate-mapping";
import { readDataSheet, UserFacingError } from "./data-sheet";
import type { ReadingReport } from "../reading/reading-report";
import { distinctTextValues, type DistinctValue } from "./mapping/status-detect";
import { planTextCells, writeTextCells, type TextCell } from "./text-cells";
import { jsonRows, type JsonCell } from "./json-safe";
import type { SheetValue } from "./apps-script-api";
import { serialToIsoDate } from "../kpi/dates";
import { loadMapping, saveMapping } from "./mapping-store";
import { spreadsheetApp } from "./services";
import { readGoals } from "./summary/preserved-inputs";
import type { GoalRow } from "./summary/goal-types";
import { generateSummaryFor, type SummaryReport } from "./summary/generate-summary";
import { generateSourcesSummaryFor } from "./summary/sources/generate-sources-summary";
import { SETUP_SHEET_NAME } from "./setup-sheet-format";
import { metricContextOf, resolveGoalKpi } from "./summary/goal-kpis";
import { type GoalSuggestion, suggestGoalFrom } from "./summary/goal-suggestion";
import { goalBasisNamed } from "../kpi/definitions/goal-basis";
import { summaryMetrics } from "../kpi/summary-metrics/metric-table";
import { SUMMARY_SHEET_NAME } from "./summary/layout";
import { CHANNEL_MAP_SHEET_NAME } from "./channel-map/channel-map-format";

export interface SheetListing {
  name: string;
  rows: number;
  columns: number;
}

export interface WizardStart {
  sheets: SheetListing[];
  activeSheet: string;
  /** The saved mapping, when there is one that this version can read. */
  saved: { mapping: FunnelMapping; savedAt: string; savedByYou: boolean; validation: MappingValidation | null } | null;
  /** Why a stored mapping could not be used (unreadable, older version): the wizard starts afresh and says so. */
  savedProblem: string | null;
  /** The saved setup combines several sheets: the wizard opens it with sourcesStart. */
  savedSources: boolean;
  goals: GoalRow[];
}

export interface SheetInspection {
  sheetName: string;
  headerRow: number;
  headers: string[];
  /** The first rows below the header, dates as ISO text. */
  sampleRows: JsonCell[][];
  dataRows: number;
  proposal: MappingProposal;
  /** True when the header row was found rather than given. */
  headerRowFound: boolean;
  /** Rows left out, what each column assumed and what it could not read. */
  reading: ReadingReport;
  /** Distinct values of each text column with few of them (by column index), for status stages. */
  distinctValues: Record<string, DistinctValue[]>;
}

export interface TextCellPreview {
  columns: Array<{ label: string; header: string; letter: string; kind: "number" | "date"; count: number }>;
  /** The first cells that would change, with what each becomes. */
  cells: Array<Pick<TextCell, "address" | "text" | "shown">>;
  total: number;
}

export interface StagePreview {
  key: string;
  name: string;
  total: number;
  /** This stage ÷ the stage before, or null for the first stage or when undefined. */
  conversionFromPrevious: number | null;
  conversionReason: string | null;
}

export interface MappingPreview {
  stages: StagePreview[];
  validation: MappingValidation;
}

const SAMPLE_SHOWN = 5;

function sheetListing(): SheetListing[] {
  return spreadsheetApp().getActiveSpreadsheet().getSheets()
    // The setup sheet an uploaded workbook carries is the add-on's, never a data sheet.
    .filter((sheet) => sheet.getName() !== SUMMARY_SHEET_NAME && sheet.getName() !== SETUP_SHEET_NAME && sheet.getName() !== CHANNEL_MAP_SHEET_NAME)
    .map((sheet) => ({ name: sheet.getName(), rows: sheet.getLastRow(), columns: sheet.getLastColumn() }));
}

export function wizardStart(): WizardStart {
  const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
  const loaded = loadMapping();
  let saved: WizardStart["saved"] = null;
  let savedProblem: string | null = null;
  if (loaded.status === "ok") {
    const { mapping } = loaded.saved;
    let validation: MappingValidation | null = null;
    try {
      const data = readDataSheet(mapping.sheetName, mapping.headerRow);
      validation = validateMapping(mapping, data.headers, data.rows, data.reading);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      validation = { ok: false, errors: [{ field: error.field, code: "sheet-name", message: error.message, cells: [], count: 0 }], warnings: [] };
    }
    saved = { ...loaded.saved, validation };
  } else if (loaded.status === "needs-setup") {
    savedProblem = loaded.message;
  }
  return {
    sheets: sheetListing(),
    activeSheet: spreadsheet.getActiveSheet().getName(),
    saved,
    savedProblem,
    savedSources: loaded.status === "sources",
    goals: goalsUnderTodaysNames(readGoals(), saved?.mapping ?? null),
  };
}

/** Older summaries' goal names ("CAC", "Conversion") as the saved funnel's table names them, so the wizard offers them as they are. */
function goalsUnderTodaysNames(goals: GoalRow[], mapping: FunnelMapping | null): GoalRow[] {
  if (mapping === null) return goals;
  const context = metricContextOf(mapping);
  const metrics = summaryMetrics(context);
  return goals.map((g) => ({ ...g, kpi: resolveGoalKpi(g.kpi, metrics, context)?.label ?? g.kpi }));
}

/** `headerRow` null finds the header row below titles, report periods and comment lines. */
export function inspectSheet(sheetName: string, headerRow: number | null): SheetInspection {
  const data = readDataSheet(sheetName, headerRow);
  const sample = jsonRows(data.rows.filter((r) => r.length > 0).slice(0, SAMPLE_ROWS) as SheetValue[][]);
  const distinct = distinctTextValues(data.rows, data.reading.columns);
  return {
    sheetName,
    headerRow: data.headerRow,
    headers: data.headers,
    sampleRows: jsonRows(data.raw.filter((r, i) => data.rows[i] !== undefined && data.rows[i].length > 0).slice(0, SAMPLE_SHOWN)),
    dataRows: data.rows.filter((r) => r.length > 0).length,
    proposal: proposeMapping(sheetName, data.headerRow, data.headers, sampleWithDates(sample, data.reading), data.rows),
    headerRowFound: headerRow === null,
    reading: data.reading,
    distinctValues: distinct,
  };
}

/** Auto-detect reads a bare number as a count, so a date column's serials go to it as ISO text. */
function sampleWithDates(sample: JsonCell[][], reading: ReadingReport): JsonCell[][] {
  const dates = reading.columns.filter((c) => c.kind === "date").map((c) => c.index);
  return sample.map((row) => {
    const copy = [...row];
    for (const c of dates) if (typeof copy[c] === "number") copy[c] = serialToIsoDate(copy[c] as number);
    return copy;
  });
}

/** What converting the mapped columns' text numbers and dates would change; nothing is written. */
export function previewTextCells(mapping: FunnelMapping): TextCellPreview {
  const data = readDataSheet(mapping.sheetName, mapping.headerRow);
  const plan = planTextCells(mapping, data);
  return { columns: plan.columns, cells: plan.cells.slice(0, 20).map(({ address, text, shown }) => ({ address, text, shown })), total: plan.cells.length };
}

/**
 * Converts exactly the cells previewTextCells listed, after the user confirmed that count; when the sheet
 * changed in between (another count), nothing is written and the user is asked to review again.
 */
export function convertTextCells(mapping: FunnelMapping, confirmedCount: number): { converted: number } {
  const data = readDataSheet(mapping.sheetName, mapping.headerRow);
  const plan = planTextCells(mapping, data);
  if (plan.cells.length !== confirmedCount) {
    throw new UserFacingError("sheetName", `Data sheet: ${plan.cells.length} cells hold numbers or dates as text now, not the ${confirmedCount} you reviewed; the sheet changed, so review the conversion again`);
  }
  return { converted: writeTextCells(data, plan) };
}

export function previewMapping(mapping: FunnelMapping): MappingPreview {
  const data = readDataSheet(mapping.sheetName, mapping.headerRow);
  const validation = validateMapping(mapping, data.headers, data.rows, data.reading);
  if (!validation.ok || mapping.stages.some((s) => s.column === null && !s.status)) return { stages: [], validation };
  const report = computeFunnelReport(toFunnelSpec(mapping), data.rows);
  const stages = report.funnel.map((step) => ({
    key: step.key,
    name: step.name,
    total: step.count,
    conversionFromPrevious: step.stepConversion?.value ?? null,
    conversionReason: step.stepConversion?.reason ?? null,
  }));
  return { stages, validation };
}

/** Validates, writes the summary, and once it is all written saves the mapping for everyone in the document and publishes named ranges. */
export function saveAndGenerate(mapping: FunnelMapping, goals: GoalRow[] | null): SummaryReport {
  return generateSummaryFor(mapping, goals, { save: (checked) => saveMapping(checked).savedAt });
}

/**
 * The wizard's prefill for a goal: the baseline on the goal's basis from the data before its start, and a
 * target 10% better. A KPI the funnel does not have, or dates that are not dates, get a clear error.
 */
export function suggestGoal(mapping: FunnelMapping, kpi: string, basis: string, start: string, end: string | null): GoalSuggestion {
  const chosenBasis = goalBasisNamed(basis);
  if (chosenBasis === null) throw new UserFacingError("goals", `Goal basis: "${basis}" is neither "since start" nor "per day"`);
  if (typeof start !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new UserFacingError("goals", "Goal start: enter a date");
  const data = readDataSheet(mapping.sheetName, mapping.headerRow);
  const validation = validateMapping(mapping, data.headers, data.rows);
  if (!validation.ok) throw new UserFacingError(validation.errors[0].field, validation.errors[0].message);
  const context = metricContextOf(mapping);
  const choice = resolveGoalKpi(kpi, summaryMetrics(context), context);
  if (choice === null) throw new UserFacingError("goals", `Goal KPI: "${kpi}" is not a KPI of this funnel`);
  return suggestGoalFrom(toFunnelSpec(mapping), data.rows, choice, chosenBasis, start, typeof end === "string" && end !== "" ? end : null, new Date());
}

/** Regenerates from the saved mapping (the menu's Refresh summary). */
export function refreshSummary(): SummaryReport {
  const loaded = loadMapping();
  if (loaded.status === "none") throw new UserFacingError("mapping", "No funnel is set up in this document yet: open Set up funnel first");
  if (loaded.status === "needs-setup") throw new UserFacingError("mapping", loaded.message);
  if (loaded.status === "sources") {
    const { mapping, savedAt } = loaded.saved;
    return generateSourcesSummaryFor(mapping, null, null, { save: () => savedAt }).report;
  }
  return generateSummaryFor(loaded.saved.mapping, null, { save: () => loaded.saved.savedAt });
}

export function openSummarySheet(): string {
  const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
  if (!sheet) throw new UserFacingError("summary", `There is no "${SUMMARY_SHEET_NAME}" sheet yet: generate it first`);
  spreadsheet.setActiveSheet(sheet);
  return SUMMARY_SHEET_NAME;
}
