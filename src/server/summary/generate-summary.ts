// Generates (or regenerates) the KPI Summary under the document lock: plans it all, writes it to a staging sheet, then swaps it in; on failure nothing changes.
import { computeFunnelReport } from "../../kpi/funnel-report";
import { DEFAULT_PRESET } from "../../kpi/definitions/periods";
import { summaryMetrics } from "../../kpi/summary-metrics/metric-table";
import type { SheetApi, SpreadsheetApi } from "../apps-script-api";
import { type DataSheet, readDataSheet, UserFacingError } from "../data-sheet";
import { toFunnelSpec } from "../mapping/mapping-to-spec";
import type { FunnelMapping } from "../mapping/mapping-types";
import { validateMapping } from "../mapping/validate-mapping";
import { writeNamedRanges } from "../named-range-writer";
import { lockService, spreadsheetApp } from "../services";
import { countFormulas } from "./block";
import { channelMatches } from "./channel-match";
import { metricContextOf } from "./goal-kpis";
import type { GoalRow } from "./goal-types";
import { goalsToWrite } from "./goals-to-write";
import { BACKUP_SHEET_NAME, STAGING_SHEET_NAME, SUMMARY_SHEET_NAME } from "./layout";
import type { PeriodInputs } from "./period-block";
import { planSummary, type SummaryPlan } from "./plan-summary";
import { readPreservedInputs } from "./preserved-inputs";
import { currencyOf, type CurrencyEvidence, moneyFormat } from "./money-format";
import { snapshotSetup } from "./setup-snapshot";
import { colourRules, insertCharts, writeAll } from "./sheet-writer";
import type { SummaryLayout } from "./summary-layout";

export interface SummaryReport {
  sheetName: string;
  /** When the mapping was saved (ISO). */
  savedAt: string;
  dataRows: number;
  formulas: number;
  /** What was written, for the wizard's report: "Headline KPIs (17 rows)", ... */
  written: string[];
  /** Validation warnings (e.g. stage dates out of order) and goals whose KPI this funnel no longer has: written anyway, worth a look. */
  warnings: string[];
  layout: SummaryLayout;
}

export interface GenerateOptions {
  /** Persists the mapping (the wizard's Generate) or says when it was saved (Refresh); runs only once the new summary is fully written. */
  save(mapping: FunnelMapping): string;
  now?: Date;
  /** Replaces the period kept from an older summary (the command line's --from/--to). */
  period?: PeriodInputs;
  /** Runs after the data is read and checked, before the first write (the command line suspends recalculation here). */
  beforeWriting?(): void;
  maxChannelRows?: number;
}

const LOCK_WAIT_MS = 10_000;
/** Google Sheets' limit for a whole spreadsheet. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;

/**
 * Validates and plans first: a wrong mapping, a refused goal or a summary that cannot fit writes nothing.
 * The new summary is written to a hidden staging sheet; only when all of it is there are the mapping
 * saved, the named ranges published and the staging copied over the old summary, which is kept in a
 * hidden backup until then. A failure at any step puts the old summary and the saved setup back.
 */
export function generateSummaryFor(mapping: FunnelMapping, goals: GoalRow[] | null, options: GenerateOptions): SummaryReport {
  return generateSummaryWithPlan(mapping, goals, options).report;
}

export function generateSummaryWithPlan(
  mapping: FunnelMapping, goals: GoalRow[] | null, options: GenerateOptions,
): { report: SummaryReport; plan: SummaryPlan } {
  const now = options.now ?? new Date();
  const lock = lockService().getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserFacingError("summary", "Someone else is generating the summary right now; try again in a minute");
  }
  try {
    const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
    spreadsheet.toast("Reading the data sheet…", "Funnel KPIs");
    const data = readDataSheet(mapping.sheetName, mapping.headerRow);
    const validation = validateMapping(mapping, data.headers, data.rows);
    if (!validation.ok) {
      const first = validation.errors[0];
      const more = validation.errors.length > 1 ? ` (and ${validation.errors.length - 1} more problem(s))` : "";
      throw new UserFacingError(first.field, `${first.message}${first.cells.length ? `: ${first.cells.join(", ")}` : ""}${more}`);
    }
    const existing = spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    const preserved = readPreservedInputs(existing);
    const context = metricContextOf(mapping, preserved.unitEconomics.grossMargin);
    const metrics = summaryMetrics(context);
    const warnings = validation.warnings.map((w) => w.message);
    const allGoals = goalsToWrite(preserved.goals, goals, metrics, context, warnings);

    spreadsheet.toast("Computing the summary…", "Funnel KPIs");
    const spec = toFunnelSpec(mapping);
    const report = computeFunnelReport(spec, data.rows, { grossMargin: preserved.unitEconomics.grossMargin });
    const plan = planSummary({
      mapping, report, now, goals: allGoals, unitEconomics: preserved.unitEconomics,
      channelMatches: spec.channelColumn === null || spec.channelColumn === undefined ? new Map() : channelMatches(data.rows, spec.channelColumn),
      period: options.period ?? preserved.period ?? { preset: DEFAULT_PRESET, customStart: "", customEnd: "" },
      maxChannelRows: options.maxChannelRows,
      moneyFormat: moneyFormat(currencyOf(currencyEvidence(moneyColumns(mapping), data, spreadsheet.getSpreadsheetLocale())), spreadsheet.getSpreadsheetLocale()),
    });
    checkFits(spreadsheet, existing, plan);
    options.beforeWriting?.();

    spreadsheet.toast("Writing the summary…", "Funnel KPIs");
    const savedAt = writeAndSwap(spreadsheet, existing, plan, () => {
      const at = options.save(mapping);
      writeNamedRanges(mapping);
      return at;
    });
    spreadsheet.toast("The KPI Summary is ready.", "Funnel KPIs");
    return {
      plan,
      report: {
        sheetName: SUMMARY_SHEET_NAME,
        savedAt,
        dataRows: data.rows.length,
        formulas: countFormulas(plan.blocks),
        written: plan.written,
        warnings,
        layout: plan.layout,
      },
    };
  } finally {
    lock.releaseLock();
  }
}

/** What the spend and revenue columns say of their currency: headers, their first data cell's format, text such as "$1,200". */
export function currencyEvidence(columns: ReadonlyArray<{ header: string; index: number }>, data: DataSheet, locale: string): CurrencyEvidence {
  const firstRow = data.raw.findIndex((row) => columns.some((c) => row[c.index] !== "" && row[c.index] !== null));
  const formats = firstRow < 0 ? [] : columns.map((c) => data.sheet.getRange(data.headerRow + 1 + firstRow, c.index + 1).getNumberFormat());
  const texts = firstRow < 0 ? [] : columns.map((c) => data.raw[firstRow][c.index]).filter((v): v is string => typeof v === "string");
  return { headers: columns.map((c) => c.header), formats, texts, locale };
}

export function moneyColumns(mapping: Pick<FunnelMapping, "spend" | "revenue">): Array<{ header: string; index: number }> {
  return [mapping.spend, mapping.revenue].filter((c): c is NonNullable<typeof c> => c !== null);
}

/** Refuses, before anything is written, a summary the spreadsheet has no room for (with its staging and backup copies). */
export function checkFits(spreadsheet: SpreadsheetApi, existing: SheetApi | null, plan: SummaryPlan): void {
  const { rows, columns } = plan.layout.extent;
  let used = 0;
  for (const sheet of spreadsheet.getSheets()) used += sheet.getMaxRows() * sheet.getMaxColumns();
  const old = existing === null ? 0 : existing.getMaxRows() * existing.getMaxColumns();
  const summary = Math.max(rows, 1000) * Math.max(columns, 26);
  // At the peak: every sheet as it is, the staging copy, the backup of the old summary and the summary grown to fit.
  const peak = used + summary + old + Math.max(0, summary - old);
  if (peak > MAX_SPREADSHEET_CELLS) {
    throw new UserFacingError("summary",
      `The summary needs ${rows.toLocaleString("en-US")} rows × ${columns} columns; with its working copy the spreadsheet would pass Google Sheets' limit of 10,000,000 cells. Delete unused rows or sheets and try again`);
  }
}

function grow(sheet: SheetApi, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

function deleteIfThere(spreadsheet: SpreadsheetApi, name: string): void {
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet !== null) spreadsheet.deleteSheet(sheet);
}

function hiddenSheet(spreadsheet: SpreadsheetApi, name: string, rows: number, columns: number): SheetApi {
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  sheet.hideSheet();
  grow(sheet, rows, columns);
  return sheet;
}

/** Writes the plan to a staging sheet, then commits; returns what `commitSetup` returned. */
export function writeAndSwap(spreadsheet: SpreadsheetApi, existing: SheetApi | null, plan: SummaryPlan, commitSetup: () => string): string {
  // Leftovers of a run that died without its finally (a timeout) must not block this one.
  deleteIfThere(spreadsheet, STAGING_SHEET_NAME);
  deleteIfThere(spreadsheet, BACKUP_SHEET_NAME);
  const { rows, columns } = plan.layout.extent;
  const staging = hiddenSheet(spreadsheet, STAGING_SHEET_NAME, rows, columns);
  try {
    writeAll(staging, plan.blocks, plan.decorations);
    return commit(spreadsheet, existing, staging, plan, commitSetup);
  } finally {
    try {
      deleteIfThere(spreadsheet, STAGING_SHEET_NAME);
      deleteIfThere(spreadsheet, BACKUP_SHEET_NAME);
    } catch {
      // The summary is in place (or restored); a hidden working sheet left behind is removed by the next run.
    }
  }
}

interface OldSummary {
  backup: SheetApi;
  rows: number;
  columns: number;
  rules: ReturnType<SheetApi["getConditionalFormatRules"]>;
  chartIds: Set<string>;
  frozenRows: number;
  /** The widths of the columns and the heights of the rows the new summary sets, as they were. */
  columnWidths: { column: number; width: number }[];
  rowHeights: { row: number; height: number }[];
}

function commit(spreadsheet: SpreadsheetApi, existing: SheetApi | null, staging: SheetApi, plan: SummaryPlan, commitSetup: () => string): string {
  const { rows, columns } = plan.layout.extent;
  let old: OldSummary | null = null;
  if (existing !== null) {
    const [oldRows, oldColumns] = [existing.getMaxRows(), existing.getMaxColumns()];
    const backup = hiddenSheet(spreadsheet, BACKUP_SHEET_NAME, oldRows, oldColumns);
    existing.getRange(1, 1, oldRows, oldColumns).copyTo(backup.getRange(1, 1));
    old = {
      backup, rows: oldRows, columns: oldColumns, rules: existing.getConditionalFormatRules(),
      chartIds: new Set(existing.getCharts().map((c) => String(c.getChartId()))),
      frozenRows: existing.getFrozenRows(),
      columnWidths: plan.columnWidths.map((w) => ({ column: w.column, width: existing.getColumnWidth(w.column) })),
      rowHeights: plan.decorations.rowHeights.map((h) => ({ row: h.row, height: existing.getRowHeight(h.row) })),
    };
  }
  const setup = snapshotSetup(spreadsheet);
  let target: SheetApi | null = existing;
  try {
    const savedAt = commitSetup();
    target ??= spreadsheet.insertSheet(SUMMARY_SHEET_NAME);
    grow(target, rows, columns);
    clearCells(target);
    staging.getRange(1, 1, rows, columns).copyTo(target.getRange(1, 1));
    target.setConditionalFormatRules(colourRules(target, plan.decorations.colours));
    insertCharts(target, plan.decorations.charts);
    target.setFrozenRows(2);
    for (const { column, width } of plan.columnWidths) target.setColumnWidth(column, width);
    for (const { row, height } of plan.decorations.rowHeights) target.setRowHeight(row, height);
    protect(target);
    // Last, so that any failure before it still finds the old charts in place.
    for (const chart of target.getCharts()) if (old?.chartIds.has(String(chart.getChartId()))) target.removeChart(chart);
    spreadsheet.setActiveSheet(target);
    return savedAt;
  } catch (error) {
    setup.restore();
    if (existing === null) {
      if (target !== null) spreadsheet.deleteSheet(target);
    } else if (old !== null) {
      restore(existing, old);
    }
    throw error;
  }
}

function clearCells(sheet: SheetApi): void {
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clear({ contentsOnly: true, formatOnly: true, validationsOnly: true });
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearNote();
}

function restore(sheet: SheetApi, old: OldSummary): void {
  clearCells(sheet);
  old.backup.getRange(1, 1, old.rows, old.columns).copyTo(sheet.getRange(1, 1));
  sheet.setConditionalFormatRules(old.rules);
  for (const chart of sheet.getCharts()) if (!old.chartIds.has(String(chart.getChartId()))) sheet.removeChart(chart);
  sheet.setFrozenRows(old.frozenRows);
  for (const { column, width } of old.columnWidths) sheet.setColumnWidth(column, width);
  for (const { row, height } of old.rowHeights) if (row <= sheet.getMaxRows()) sheet.setRowHeight(row, height);
}

/** A warning-only protection; an existing one is kept and updated, so nothing is removed before its replacement exists. */
function protect(sheet: SheetApi): void {
  const app = spreadsheetApp();
  const [existing] = sheet.getProtections(app.ProtectionType.SHEET);
  (existing ?? sheet.protect()).setWarningOnly(true)
    .setDescription("Generated by Funnel KPIs: edits are overwritten on the next regeneration, except the period, unit economics and goals.");
}
