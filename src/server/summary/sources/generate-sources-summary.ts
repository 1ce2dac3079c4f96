// Generates the KPI Summary of a funnel over several sources under the document lock: checks the sources and the channel table, writes the Channel map and the summary, or nothing.
import { numberRows, type ChannelTableRow, type NumberedChannelRow } from "../../../kpi/channels/channel-table";
import { checkChannelTable } from "../../../kpi/channels/channel-table-check";
import { DEFAULT_PRESET } from "../../../kpi/definitions/periods";
import { computeSourcesReport } from "../../../kpi/sources/sources-report";
import { summaryMetrics } from "../../../kpi/summary-metrics/metric-table";
import { appendUnplaced, readChannelMap, writeChannelMap } from "../../channel-map/channel-map-sheet";
import { CHANNEL_MAP_SHEET_NAME } from "../../channel-map/channel-map-format";
import { type DataSheet, UserFacingError } from "../../data-sheet";
import { goalsView } from "../../mapping/goals-view";
import type { SourcedMapping } from "../../mapping/source-types";
import { toSourcesSpec } from "../../mapping/sources-to-spec";
import { sourceField, validateSources } from "../../mapping/validate-sources";
import { lockService, spreadsheetApp } from "../../services";
import { channelTableFor } from "../../sources/sources-api-tables";
import { SourceSheets } from "../../sources/source-sheets";
import { countFormulas } from "../block";
import { channelMatches, type ChannelMatch } from "../channel-match";
import { metricContextOf } from "../goal-kpis";
import type { GoalRow } from "../goal-types";
import { goalsToWrite } from "../goals-to-write";
import { checkFits, currencyEvidence, type GenerateOptions, moneyColumns, type SummaryReport, writeAndSwap } from "../generate-summary";
import { currencyOf, type CurrencyEvidence, moneyFormat } from "../money-format";
import { SUMMARY_SHEET_NAME } from "../layout";
import { readPreservedInputs } from "../preserved-inputs";
import { planSourcesSummary, type SourcesPlan } from "./plan-sources-summary";

const LOCK_WAIT_MS = 10_000;

/** A source listing more values than this is not aligned by one channel column: its column is probably an id or a campaign name per day. */
export const MAX_VALUES_PER_SOURCE = 500;

export interface SourcesGenerateOptions extends Omit<GenerateOptions, "save"> {
  save(mapping: SourcedMapping): string;
}

export interface SourcesSummaryReport extends SummaryReport {
  /** Values no row of the Channel map places, with their totals over all rows. */
  unmatched: Array<{ source: string; value: string; rows: number }>;
  /** Rows the regeneration added to the Channel map for values no row lists yet (blank Channel). */
  mapRowsAdded: number;
  /** Where the alignment table, the Channel map rows read and the sources' own rows are. */
  layoutSources: Pick<SourcesPlan, "alignment" | "mapIndex" | "sourceRows">;
}

function firstProblem(errors: ReadonlyArray<{ field: string; message: string; cells: string[] }>): UserFacingError {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : "";
  return new UserFacingError(first.field, `${first.message}${first.cells.length ? `: ${first.cells.join(", ")}` : ""}${more}`);
}

/** Room for the team's rows and as many again: the summary reads that many Channel map rows. */
export function mapCapacity(rows: number): number {
  return Math.max(500, Math.ceil((rows * 2) / 100) * 100);
}

/**
 * `table` is the wizard's edit of the channel table, written to the Channel map; null keeps the Channel map
 * as the team left it (Refresh), or proposes one when the workbook has none. Validation (every source sheet
 * and column, every row of the table) comes first: a problem writes nothing.
 */
export function generateSourcesSummaryFor(
  mapping: SourcedMapping, table: readonly ChannelTableRow[] | null, goals: GoalRow[] | null, options: SourcesGenerateOptions,
): { report: SourcesSummaryReport; plan: SourcesPlan } {
  const now = options.now ?? new Date();
  const lock = lockService().getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserFacingError("summary", "Someone else is generating the summary right now; try again in a minute");
  try {
    const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
    spreadsheet.toast("Reading the sources…", "Funnel KPIs");
    const sheets = new SourceSheets();
    const validation = validateSources(mapping, sheets.sheetOf);
    if (!validation.ok) throw firstProblem(validation.errors);
    const chosen = channelTableFor(mapping, table, sheets);
    if (chosen.problem !== null) throw new UserFacingError("channels", `${chosen.problem}; nothing was written`);
    const problems = checkChannelTable(chosen.rows, mapping.sources.map((s) => s.sheetName), `The "${CHANNEL_MAP_SHEET_NAME}" sheet`);
    if (problems.length > 0) {
      throw new UserFacingError("channels", `${problems.map((p) => p.message).join("; ")}; nothing was written`);
    }

    const spec = toSourcesSpec(mapping);
    const data = sheets.rowsOf(mapping);
    const inputs = spec.sources.map((s) => ({ spec: s, rows: data.get(s.name)?.rows ?? [] }));
    const existing = spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    const preserved = readPreservedInputs(existing);
    const report = computeSourcesReport(spec, inputs, chosen.rows, { grossMargin: preserved.unitEconomics.grossMargin });
    for (const source of mapping.sources) {
      const count = report.values.filter((v) => v.source === source.sheetName).length;
      if (count > MAX_VALUES_PER_SOURCE) {
        throw new UserFacingError(sourceField(source, "channel"),
          `Source "${source.sheetName}": its channel column '${source.channel?.header ?? ""}' holds ${count.toLocaleString("en-US")} different values, more than the ${MAX_VALUES_PER_SOURCE} the summary aligns one by one; choose a column with fewer (a campaign type, a channel), or make all of the source one channel`);
      }
    }

    const view = goalsView(mapping);
    const context = metricContextOf(view, preserved.unitEconomics.grossMargin);
    const metrics = summaryMetrics(context);
    const warnings = validation.warnings.map((w) => w.message);
    const allGoals = goalsToWrite(preserved.goals, goals, metrics, context, warnings);
    if (report.unmatched.length > 0) {
      warnings.push(`${report.unmatched.length} value(s) no Channel map row places count as channels of their own: ${report.unmatched.slice(0, 5).map((u) => `"${u.value}" of ${u.source}`).join(", ")}${report.unmatched.length > 5 ? " and more" : ""}`);
    }

    const matches = new Map<string, ReadonlyMap<string, ChannelMatch>>();
    for (const s of spec.sources) {
      if (s.channelColumn !== null && s.channelColumn !== undefined) matches.set(s.name, channelMatches(data.get(s.name)?.rows ?? [], s.channelColumn));
    }
    const written = chosen.from === "sheet" ? chosen.rows : numberRows(chosen.rows, 2);
    const capacity = mapCapacity(written.length + report.unmatched.length);
    const plan = planSourcesSummary({
      mapping, report, matches, now, goals: allGoals, unitEconomics: preserved.unitEconomics, mapCapacity: capacity,
      period: options.period ?? preserved.period ?? { preset: DEFAULT_PRESET, customStart: "", customEnd: "" },
      maxChannelRows: options.maxChannelRows,
      moneyFormat: moneyFormat(currencyOf(sourcesCurrency(mapping, data, spreadsheet.getSpreadsheetLocale())), spreadsheet.getSpreadsheetLocale()),
    });
    checkFits(spreadsheet, existing, plan);
    options.beforeWriting?.();

    spreadsheet.toast("Writing the Channel map and the summary…", "Funnel KPIs");
    let added = 0;
    const savedAt = writeAndSwap(spreadsheet, existing, plan, () => {
      added = commitChannelMap(chosen.from, chosen.rows, report.unmatched, capacity);
      return options.save(mapping);
    });
    spreadsheet.toast("The KPI Summary is ready.", "Funnel KPIs");
    let dataRows = 0;
    for (const d of data.values()) dataRows += d.rows.length;
    return {
      plan,
      report: {
        sheetName: SUMMARY_SHEET_NAME,
        savedAt,
        dataRows,
        formulas: countFormulas(plan.blocks),
        written: [...plan.written, ...(added > 0 ? [`Channel map: ${added} unmatched value(s) listed at the bottom, their Channel left for you`] : [])],
        warnings,
        layout: plan.layout,
        unmatched: report.unmatched.map((u) => ({ source: u.source, value: u.value, rows: u.rows })),
        mapRowsAdded: added,
        layoutSources: { alignment: plan.alignment, mapIndex: plan.mapIndex, sourceRows: plan.sourceRows },
      },
    };
  } finally {
    lock.releaseLock();
  }
}

/** Every source's spend and revenue columns as evidence of one currency: sources that disagree leave the amounts plain. */
function sourcesCurrency(mapping: SourcedMapping, data: ReadonlyMap<string, DataSheet>, locale: string): CurrencyEvidence {
  const all: CurrencyEvidence = { headers: [], formats: [], texts: [], locale };
  for (const source of mapping.sources) {
    const sheet = data.get(source.sheetName);
    const columns = moneyColumns(source);
    if (sheet === undefined || columns.length === 0) continue;
    const own = currencyEvidence(columns, sheet, locale);
    all.headers = [...all.headers, ...own.headers];
    all.formats = [...all.formats, ...own.formats];
    all.texts = [...all.texts, ...own.texts];
  }
  return all;
}

/**
 * The wizard's table replaces the Channel map; a proposed one creates it; the team's own is kept as it is,
 * with the values no row lists added below it. The sheet is grown to the rows the summary reads.
 */
function commitChannelMap(from: "wizard" | "sheet" | "proposed", rows: readonly NumberedChannelRow[], unmatched: ReadonlyArray<{ source: string; value: string }>, capacity: number): number {
  const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
  let added = 0;
  if (from === "sheet") {
    added = appendUnplaced(unmatched, readChannelMap()?.rows ?? rows);
  } else {
    writeChannelMap(rows);
    added = appendUnplaced(unmatched, rows);
  }
  const sheet = spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME);
  if (sheet !== null && sheet.getMaxRows() < capacity + 1) sheet.insertRowsAfter(sheet.getMaxRows(), capacity + 1 - sheet.getMaxRows());
  return added;
}
