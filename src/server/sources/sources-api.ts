// The sidebar's calls for a funnel over several sheets: each sheet's detected role, a proposed funnel, and a live preview of spend, customers and CAC per channel.
import { PLATFORM_NAMES, type SourcePlatform } from "../../kpi/channels/ad-platforms";
import type { ChannelTableRow, NumberedChannelRow } from "../../kpi/channels/channel-table";
import { checkChannelTable, type ChannelProblem } from "../../kpi/channels/channel-table-check";
import { computeSourcesReport, type SourceValue } from "../../kpi/sources/sources-report";
import { readChannelMap } from "../channel-map/channel-map-sheet";
import { CHANNEL_MAP_SHEET_NAME } from "../channel-map/channel-map-format";
import { readDataSheet, UserFacingError } from "../data-sheet";
import { loadMapping } from "../mapping-store";
import type { MappingValidation } from "../mapping/mapping-issues";
import { distinctTextValues, type DistinctValue } from "../mapping/status-detect";
import { proposeSources } from "../mapping/propose-sources";
import { detectSource, type DetectedSource } from "../mapping/source-detect";
import type { SourceRole, SourcedMapping } from "../mapping/source-types";
import { toSourcesSpec } from "../mapping/sources-to-spec";
import { validateSources } from "../mapping/validate-sources";
import { spreadsheetApp } from "../services";
import { SETUP_SHEET_NAME } from "../setup-sheet-format";
import { SUMMARY_SHEET_NAME } from "../summary/layout";
import { SourceSheets } from "./source-sheets";
import { channelTableFor, type TableFrom } from "./sources-api-tables";
import { saveMapping } from "../mapping-store";
import type { GoalRow } from "../summary/goal-types";
import { generateSourcesSummaryFor, type SourcesSummaryReport } from "../summary/sources/generate-sources-summary";
import { goalBasisNamed } from "../../kpi/definitions/goal-basis";
import { summaryMetrics } from "../../kpi/summary-metrics/metric-table";
import { goalsView } from "../mapping/goals-view";
import { metricContextOf, resolveGoalKpi } from "../summary/goal-kpis";
import { type GoalSuggestion, suggestGoalWith } from "../summary/goal-suggestion";
import { sourcesSpan } from "../../kpi/sources/sources-report";

export interface SourceCandidate {
  name: string;
  rows: number;
  columns: number;
  /** The header row found, or null when the sheet holds no table. */
  headerRow: number | null;
  headers: string[];
  role: SourceRole | null;
  /** Why it has that role, or why it is not used. */
  roleReason: string;
  platform: SourcePlatform | null;
  platformName: string | null;
  /** Distinct values of each text column with few of them, by column index: status stages pick from these. */
  distinctValues: Record<string, DistinctValue[]>;
}

export interface SourcesStart {
  candidates: SourceCandidate[];
  /** The saved mapping with sources, checked against the sheets as they are now (a renamed sheet is an error). */
  saved: { mapping: SourcedMapping; validation: MappingValidation; savedAt: string; savedByYou: boolean } | null;
  /** The workbook's Channel map as the team left it, when there is one. */
  channelMap: { rows: NumberedChannelRow[]; problem: string | null } | null;
}

const NOT_DATA = new Set([SUMMARY_SHEET_NAME, SETUP_SHEET_NAME, CHANNEL_MAP_SHEET_NAME]);

function candidate(name: string, rows: number, columns: number): { listing: SourceCandidate; detected: DetectedSource | null } {
  const base = { name, rows, columns, headerRow: null, headers: [], role: null, platform: null, platformName: null, distinctValues: {} };
  if (rows < 2 || columns < 1) return { listing: { ...base, roleReason: "it holds no table (fewer than two rows)" }, detected: null };
  try {
    const data = readDataSheet(name, null);
    const sample = data.rows.filter((r) => r.length > 0).slice(0, 50);
    const detected = detectSource(name, data.headerRow, data.headers, sample, data.rows);
    const distinct = distinctTextValues(data.rows, data.reading.columns);
    return {
      listing: {
        name, rows, columns, headerRow: data.headerRow, headers: data.headers,
        role: detected.role, roleReason: detected.role === null ? `not used: ${detected.roleReason}` : detected.roleReason,
        platform: detected.platform, platformName: detected.platform === null ? null : PLATFORM_NAMES[detected.platform],
        distinctValues: distinct,
      },
      detected,
    };
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    return { listing: { ...base, roleReason: `not used: ${error.message}` }, detected: null };
  }
}

function candidates(): Array<{ listing: SourceCandidate; detected: DetectedSource | null }> {
  return spreadsheetApp().getActiveSpreadsheet().getSheets()
    .filter((s) => !NOT_DATA.has(s.getName()))
    .map((s) => candidate(s.getName(), s.getLastRow(), s.getLastColumn()));
}

export function sourcesStart(): SourcesStart {
  const loaded = loadMapping();
  let saved: SourcesStart["saved"] = null;
  if (loaded.status === "sources") {
    const sheets = new SourceSheets();
    saved = { ...loaded.saved, validation: validateSources(loaded.saved.mapping, sheets.sheetOf) };
  }
  return { candidates: candidates().map((c) => c.listing), saved, channelMap: readChannelMap() };
}

/** The funnel proposed over the chosen sheets, each choice with its reason. */
export function proposeSourcesFor(sheetNames: string[]): ReturnType<typeof proposeSources> {
  const wanted = new Set(sheetNames.map((n) => n.toLowerCase()));
  const found = candidates().filter((c) => wanted.has(c.listing.name.toLowerCase()));
  const missing = sheetNames.filter((n) => !found.some((c) => c.listing.name.toLowerCase() === n.toLowerCase()));
  if (missing.length > 0) throw new UserFacingError("sources", `Sources: there is no sheet named "${missing[0]}" any more; choose the sheets again`);
  const detected = found.map((c) => c.detected).filter((d): d is DetectedSource => d !== null).map((d) => (d.role === null ? { ...d, role: d.proposal.shape.value === "record-level" ? "crm" as const : d.proposal.spend.column !== null ? "ad-spend" as const : "analytics" as const } : d));
  return proposeSources(detected);
}

export interface ChannelPreview {
  channel: string;
  spend: number | null;
  /** The last stage's count. */
  customers: number;
  cac: number | null;
  cacReason: string | null;
  sources: string[];
}

export interface SourcesPreview {
  validation: MappingValidation;
  /** Problems of the channel table, each naming its row. */
  tableProblems: ChannelProblem[];
  /** The table the preview used: the one sent, else the workbook's Channel map, else proposed (with reasons). */
  table: Array<ChannelTableRow & { reason: string | null }>;
  tableFrom: TableFrom;
  /** Stage totals over all rows, for the goals step. */
  stages: Array<{ key: string; name: string; total: number; conversionFromPrevious: number | null; conversionReason: string | null }>;
  /** Over all rows, biggest spend first. */
  channels: ChannelPreview[];
  values: SourceValue[];
  unmatched: SourceValue[];
}

export function previewSources(mapping: SourcedMapping, sent: ChannelTableRow[] | null): SourcesPreview {
  const sheets = new SourceSheets();
  const validation = validateSources(mapping, sheets.sheetOf);
  const table = channelTableFor(mapping, sent, sheets);
  const tableProblems = table.problem !== null
    ? [{ code: "unknown-source" as const, row: 1, message: table.problem }]
    : checkChannelTable(table.rows, mapping.sources.map((s) => s.sheetName), CHANNEL_MAP_SHEET_NAME);
  const base: SourcesPreview = {
    validation, tableProblems, tableFrom: table.from,
    table: table.rows.map((r: NumberedChannelRow, i: number) => ({ source: r.source, value: r.value, channel: r.channel, reason: table.reasons[i] })),
    stages: [], channels: [], values: [], unmatched: [],
  };
  if (!validation.ok || tableProblems.length > 0) return base;
  const spec = toSourcesSpec(mapping);
  const data = sheets.rowsOf(mapping);
  const report = computeSourcesReport(spec, spec.sources.map((s) => ({ spec: s, rows: data.get(s.name)?.rows ?? [] })), table.rows);
  const last = report.stages.length - 1;
  return {
    ...base,
    stages: report.funnel.map((f) => ({ key: f.key, name: f.name, total: f.count, conversionFromPrevious: f.stepConversion?.value ?? null, conversionReason: f.stepConversion?.reason ?? null })),
    channels: report.channels.map((c) => ({ channel: c.channel, spend: c.spend, customers: c.stageCounts[last], cac: c.cac.value, cacReason: c.cac.reason ?? null, sources: c.sources })),
    values: report.values,
    unmatched: report.unmatched,
  };
}

/** Validates the sources and the table, then writes the Channel map and the summary, and saves the setup for everyone. */
export function saveSourcesAndGenerate(mapping: SourcedMapping, table: ChannelTableRow[], goals: GoalRow[] | null): SourcesSummaryReport {
  return generateSourcesSummaryFor(mapping, table, goals, { save: (checked) => saveMapping(checked).savedAt }).report;
}

/** A new goal's baseline and target, measured over every source as the summary adds them up. */
export function suggestSourcesGoal(mapping: SourcedMapping, kpi: string, basis: string, start: string, end: string | null): GoalSuggestion {
  const chosenBasis = goalBasisNamed(basis);
  if (chosenBasis === null) throw new UserFacingError("goals", `Goal basis: "${basis}" is neither "since start" nor "per day"`);
  if (typeof start !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new UserFacingError("goals", "Goal start: enter a date");
  const sheets = new SourceSheets();
  const validation = validateSources(mapping, sheets.sheetOf);
  if (!validation.ok) throw new UserFacingError(validation.errors[0].field, validation.errors[0].message);
  const context = metricContextOf(goalsView(mapping));
  const choice = resolveGoalKpi(kpi, summaryMetrics(context), context);
  if (choice === null) throw new UserFacingError("goals", `Goal KPI: "${kpi}" is not a KPI of this funnel`);
  const table = channelTableFor(mapping, null, sheets);
  const spec = toSourcesSpec(mapping);
  const data = sheets.rowsOf(mapping);
  const inputs = spec.sources.map((s) => ({ spec: s, rows: data.get(s.name)?.rows ?? [] }));
  return suggestGoalWith({
    span: sourcesSpan(spec, inputs),
    valueIn: (from, to, key) => computeSourcesReport(spec, inputs, table.rows, { period: { start: from, end: to } }).headline?.kpis.find((k) => k.key === key)?.current.value ?? null,
  }, choice, chosenBasis, start, typeof end === "string" && end !== "" ? end : null, new Date());
}
