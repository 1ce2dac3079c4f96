// Generates (or regenerates) the KPI Summary sheet under the document lock, touching no other sheet.
import { computeFunnelReport } from "../../kpi/funnel-report";
import { dateToSerial, serialToIsoDate } from "../../kpi/dates";
import type { SheetApi, SpreadsheetApi } from "../apps-script-api";
import { readDataSheet, UserFacingError } from "../data-sheet";
import { toFunnelSpec } from "../mapping/mapping-to-spec";
import type { FunnelMapping } from "../mapping/mapping-types";
import { validateMapping } from "../mapping/validate-mapping";
import { writeNamedRanges } from "../named-range-writer";
import { charts, lockService, spreadsheetApp } from "../services";
import { a1, type Block, countFormulas } from "./block";
import { funnelBlock } from "./funnel-block";
import type { GoalRow } from "./goal-types";
import { GOAL_STATUSES, goalKpiOptions, goalsBlock, mergeGoals } from "./goals-block";
import { headlineBlock } from "./headline-block";
import { SUMMARY_SHEET_NAME, TITLES } from "./layout";
import { MetricFormulas } from "./metric-formulas";
import { periodBlock, PERIOD_PRESETS, type PeriodInputs } from "./period-block";
import { readPreservedInputs } from "./preserved-inputs";
import { channelCriteria, segmentBlock } from "./segment-block";
import { resetGeneratedSheet, writeBlock } from "./sheet-writer";
import { unitEconomicsBlock } from "./unit-economics-block";
import type { SummaryLayout } from "./summary-layout";

export interface SummaryReport {
  sheetName: string;
  /** When the mapping was saved (ISO). */
  savedAt: string;
  dataRows: number;
  formulas: number;
  /** What was written, for the wizard's report: "Headline KPIs (17 rows)", ... */
  written: string[];
  /** Validation warnings (e.g. stage dates out of order): written anyway, worth a look. */
  warnings: string[];
  layout: SummaryLayout;
}

const LOCK_WAIT_MS = 10_000;
const STATUS_COLOURS: Record<(typeof GOAL_STATUSES)[number], string> = {
  Achieved: "#b7e1cd", "On track": "#d9ead3", "At risk": "#fce8b2", Behind: "#f4c7c3",
};

/**
 * Validates first and writes nothing when the mapping or data is wrong. `save` persists the mapping
 * (the wizard's Generate) or just reports when it was saved (Refresh) and returns that time.
 */
export function generateSummaryFor(
  mapping: FunnelMapping, goals: GoalRow[] | null, save: (mapping: FunnelMapping) => string, now: Date = new Date(),
): SummaryReport {
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
    const savedAt = save(mapping);
    writeNamedRanges(mapping);
    spreadsheet.toast("Computing and writing the summary…", "Funnel KPIs");
    const report = computeFunnelReport(toFunnelSpec(mapping), data.rows);
    const existing = spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    const preserved = readPreservedInputs(existing);
    const sheet = existing ?? spreadsheet.insertSheet(SUMMARY_SHEET_NAME);
    if (existing) resetGeneratedSheet(existing);
    const plan = planSummary(mapping, report, preserved.period ?? defaultPeriod(report.months.length > 0 ? lastDataMonth(report.months) : null, now),
      preserved.unitEconomics, mergeGoals(preserved.goals, goals), now);
    plan.blocks.forEach((block) => writeBlock(sheet, block));
    decorate(spreadsheet, sheet, mapping, plan.layout);
    spreadsheet.toast("The KPI Summary is ready.", "Funnel KPIs");
    return {
      sheetName: SUMMARY_SHEET_NAME,
      savedAt,
      dataRows: data.rows.length,
      formulas: countFormulas(plan.blocks),
      written: plan.written,
      warnings: validation.warnings.map((w) => w.message),
      layout: plan.layout,
    };
  } finally {
    lock.releaseLock();
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The newest month with data, as "YYYY-MM". */
function lastDataMonth(months: readonly { month: string }[]): string {
  return months[months.length - 1].month;
}

/** "Last 90 days" when the data reaches into them, else "All time", so a first summary never shows only zeros. */
function defaultPeriod(lastMonth: string | null, now: Date): PeriodInputs {
  const recent = lastMonth !== null && serialToIsoDate(dateToSerial(now) - 90).slice(0, 7) <= lastMonth;
  return { preset: recent ? "Last 90 days" : "All time", customStart: null, customEnd: null };
}

interface SummaryPlan {
  blocks: Block[];
  layout: SummaryLayout;
  written: string[];
}

type Report = ReturnType<typeof computeFunnelReport>;

export function planSummary(
  mapping: FunnelMapping, report: Report, period: PeriodInputs,
  unitEconomics: Parameters<typeof unitEconomicsBlock>[0], goals: GoalRow[], now: Date,
): SummaryPlan {
  const m = new MetricFormulas(mapping);
  const stageKeys = mapping.stages.map((s) => s.key);
  const stageNames = mapping.stages.map((s) => s.name);
  const blocks: Block[] = [];
  const written: string[] = [];
  const source = `Data: '${mapping.sheetName}' from row ${mapping.headerRow + 1} (${mapping.shape}). Generated ${now.toISOString().slice(0, 16).replace("T", " ")} UTC by Funnel KPIs; numbers below are live formulas.`;
  blocks.push({ row: 1, column: 1, cells: [["KPI Summary"], [source]], titleRows: [0] });

  blocks.push(periodBlock(period, m.allDateRanges()));
  const headline = headlineBlock(m, stageKeys);
  const cacRow = headline.rows.get("cac") ?? 0;
  blocks.push(unitEconomicsBlock(unitEconomics, a1(cacRow, headline.currentColumn, true)));
  blocks.push(headline.block);
  written.push(`Headline KPIs: ${headline.rows.size} KPIs for the period and the one before`);
  let row = headline.block.row + headline.block.cells.length;

  let timeToConvertRow: number | null = null;
  if (report.timeToConvert) {
    const stats = report.timeToConvert.all;
    timeToConvertRow = row;
    const value = stats.medianDays.value ?? "n/a";
    blocks.push({
      row, column: 1,
      cells: [[`Median days ${stageNames[0]} → ${stageNames[stageNames.length - 1]} (all rows)`, value, "", "",
        `Computed by the add-on on ${now.toISOString().slice(0, 10)} from ${stats.records} conversions (no native formula can); regenerate to update.`]],
      formats: [["", "0.0", "", "", ""]],
    });
    row += 1;
  }

  row += 1;
  const funnel = funnelBlock(row, stageNames, stageKeys, headline);
  blocks.push(funnel.block);
  written.push(`Funnel: ${plural(stageNames.length, "stage")}`);
  row += funnel.block.cells.length + 1;

  const goalsLayout = goalsBlock(row, m, goals);
  blocks.push(goalsLayout.block);
  written.push(`Goals: ${plural(goals.length, "goal")} and ${plural(goalsLayout.rows - goals.length, "empty row")}`);
  row += goalsLayout.block.cells.length + 1;

  const channelNames = report.channels?.map((c) => c.channel) ?? [];
  const headlineSpend = a1(headline.rows.get("spend") ?? 0, headline.currentColumn, true);
  const channels = report.channels
    ? segmentBlock(m, {
      row, title: TITLES.channels, keyHeader: "Channel", keys: channelNames, keyFormat: "",
      slice: (r) => ({ window: { start: "$B$5", end: "$B$6" }, criteria: channelCriteria(`$A${r}`, String(channelNames[r - row - 2])) }),
      totalSpendCell: headlineSpend,
    })
    : null;
  if (channels) {
    blocks.push(channels.block);
    written.push(`Per channel: ${plural(channelNames.length, "channel")}`);
    row += channels.block.cells.length + 1;
  }

  const monthStarts = report.months.map((mo) => {
    const [y, mm] = mo.month.split("-").map(Number);
    return new Date(y, mm - 1, 1);
  });
  const months = segmentBlock(m, {
    row, title: TITLES.months, keyHeader: "Month", keys: monthStarts, keyFormat: "mmm yyyy",
    slice: (r) => ({ window: { start: `$A${r}`, end: `EOMONTH($A${r}, 0)` }, criteria: [] }),
  });
  blocks.push(months.block);
  written.push(`Per month: ${plural(monthStarts.length, "month")}`);

  return {
    blocks,
    written,
    layout: {
      headlineRows: Object.fromEntries(headline.rows),
      headlineCurrentColumn: headline.currentColumn,
      headlinePreviousColumn: headline.previousColumn,
      timeToConvertRow,
      funnelRows: funnel.stageRows,
      goals: { firstRow: goalsLayout.firstGoalRow, rows: goalsLayout.rows, count: goals.length },
      channels: channels ? { rows: channels.rows, names: channelNames.map(String), columns: Object.fromEntries(channels.columns) } : null,
      months: { rows: months.rows, months: report.months.map((mo) => mo.month), columns: Object.fromEntries(months.columns) },
      goalKpis: goalKpiOptions(m),
    },
  };
}

/** Dropdowns, status colours, charts, frozen header and a warning-only protection. */
function decorate(spreadsheet: SpreadsheetApi, sheet: SheetApi, mapping: FunnelMapping, layout: SummaryLayout): void {
  const app = spreadsheetApp();
  sheet.getRange("B4").setDataValidation(app.newDataValidation().requireValueInList([...PERIOD_PRESETS], true).setAllowInvalid(false).build());
  const { firstRow, rows } = layout.goals;
  sheet.getRange(firstRow, 1, rows, 1).setDataValidation(
    app.newDataValidation().requireValueInList(layout.goalKpis.map((k) => k.label), true).setAllowInvalid(false).build());
  sheet.getRange(firstRow, 6, rows, 1).setDataValidation(app.newDataValidation().requireValueInList(["linear", "compound"], true).build());
  sheet.getRange(firstRow, 7, rows, 1).setDataValidation(app.newDataValidation().requireValueInList(["up", "down"], true).build());
  const statusRange = sheet.getRange(firstRow, 12, rows, 1);
  sheet.setConditionalFormatRules(GOAL_STATUSES.map((status) =>
    app.newConditionalFormatRule().whenTextEqualTo(status).setBackground(STATUS_COLOURS[status]).setRanges([statusRange]).build()));

  const chartType = charts().ChartType;
  const funnelFirst = layout.funnelRows[0];
  sheet.insertChart(sheet.newChart().setChartType(chartType.BAR)
    .addRange(sheet.getRange(funnelFirst - 1, 1, layout.funnelRows.length + 1, 2))
    .setPosition(funnelFirst - 1, 7, 0, 0).setOption("title", "Funnel: the selected period").setOption("legend", { position: "none" }).build());
  if (layout.months.rows.length > 0) {
    const headerRow = layout.months.rows[0] - 1;
    const lastStage = layout.months.columns[`count_${mapping.stages.length - 1}`];
    sheet.insertChart(sheet.newChart().setChartType(chartType.LINE)
      .addRange(sheet.getRange(headerRow, 1, layout.months.rows.length + 1, 1))
      .addRange(sheet.getRange(headerRow, lastStage, layout.months.rows.length + 1, 1))
      .setPosition(headerRow, lastStage + 6, 0, 0).setOption("title", `${mapping.stages[mapping.stages.length - 1].name} per month`).build());
  }
  sheet.setFrozenRows(2);
  sheet.setColumnWidth(1, 260);
  for (const protection of sheet.getProtections(app.ProtectionType.SHEET)) protection.remove();
  sheet.protect().setWarningOnly(true)
    .setDescription("Generated by Funnel KPIs: edits are overwritten on the next regeneration, except the period, unit economics and goals.");
  spreadsheet.setActiveSheet(sheet);
}
