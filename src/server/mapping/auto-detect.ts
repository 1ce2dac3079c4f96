// First guess at a funnel mapping from a sheet's headers and a sample of its rows, with a reason for every choice and every column left out.
import type { TableRows } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import { columnLetter } from "./a1";
import { ColumnAssigner } from "./column-assigner";
import { profileColumn } from "./column-profile";
import {
  bestStageMatch,
  describeColumn,
  isIdColumn,
  isStageDateColumn,
  quoteHeader,
  type DetectedColumn,
} from "./detected-column";
import { KNOWN_STAGES, derivedWord, matchHeader, type HeaderMatch } from "./header-synonyms";
import type { FunnelShape } from "./mapping-types";
import { findStatusColumn, type StatusFinding } from "./status-detect";
import type { MappingProposal, StageProposal } from "./proposal-types";

export type { FieldProposal, MappingProposal, StageProposal, UnmappedColumn } from "./proposal-types";
export { quoteHeader } from "./detected-column";

/** Sample this many rows is plenty to tell dates from numbers; callers may pass fewer. */
export const SAMPLE_ROWS = 50;

/**
 * Reads headers and sample rows (below the header row) and proposes a mapping.
 * Nothing is guessed silently: each chosen field says why, each column not used says why not.
 */
export function proposeMapping(
  sheetName: string,
  headerRow: number,
  headers: readonly string[],
  sampleRows: readonly (readonly CellValue[])[],
  allRows: TableRows = sampleRows,
): MappingProposal {
  const sample = sampleRows.slice(0, SAMPLE_ROWS);
  const columns: DetectedColumn[] = headers.map((raw, index) => {
    const header = String(raw ?? "");
    return { index, header, profile: profileColumn(sample, index), matches: matchHeader(header) };
  });
  const status = findStatusColumn(columns, allRows);
  const shape = detectShape(columns, status);
  const assigner = new ColumnAssigner(columns);
  const stageColumns = shape.value === "aggregated" ? assigner.assignStages("number") : assigner.assignStages("date");
  let stages = orderStages(stageColumns);
  const date =
    shape.value === "aggregated" ? assigner.assignPeriodDate() : assigner.assignRecordDate(stages[0] ?? null);
  if (shape.value === "record-level" && status !== null) {
    stages = withWonStatus(stages, status);
    assigner.claim(status.column, status.reason);
  }
  const channel = assigner.assignField({ kind: "channel" }, "text", "Source, Medium, Channel, Origin, Campaign");
  const spend = assigner.assignField({ kind: "spend" }, "number", "Cost, Spend, Ad spend, Budget");
  const revenue = assigner.assignField({ kind: "revenue" }, "number", "Revenue, Sales, Income, Value");
  return {
    sheetName,
    headerRow,
    shape,
    stages,
    stagesReason: stagesReason(stages, shape.value),
    date,
    channel,
    spend,
    revenue,
    unmapped: assigner.unmapped(),
  };
}

/** The mapping a proposal amounts to, ready for validateMapping and the wizard to adjust. */
export { proposalToMapping } from "./proposal-to-mapping";

/** The customers stage reached by the won values: dated by its own date column when it has one, else by the record's date. */
function withWonStatus(stages: readonly StageProposal[], status: StatusFinding): StageProposal[] {
  const condition = { column: { header: status.column.header, index: status.column.index }, values: status.values };
  const existing = stages.findIndex((s) => s.key === "customers");
  if (existing >= 0) {
    const stage = stages[existing];
    const dated = stage.column === null ? "" : `, dated by ${quoteHeader(stage.column.header)} on those records alone`;
    return stages.map((s, i) => (i === existing ? { ...s, status: condition, reason: `${status.reason}${dated}` } : s));
  }
  return [...stages, { key: "customers", name: "Customers", column: null, status: condition, reason: `${status.reason}, dated by the record's date` }];
}

function detectShape(columns: readonly DetectedColumn[], status: StatusFinding | null): { value: FunnelShape; reason: string } {
  if (status !== null && columns.some((c) => c.profile.kind === "date")) {
    return { value: "record-level", reason: `${status.reason.replace(/; only those.*$/, "")}, so each row is one deal` };
  }
  const stageDates = columns.filter(isStageDateColumn);
  const stageKeys = new Set(stageDates.map((c) => keyOf(bestStageMatch(c, true))));
  if (stageKeys.size >= 2) {
    return {
      value: "record-level",
      reason: `${stageDates.length} date columns look like stage dates (${stageDates.map((c) => quoteHeader(c.header)).join(", ")}), so each row is one lead or deal`,
    };
  }
  const id = columns.find(isIdColumn);
  const sparseDates = columns.filter((c) => c.profile.kind === "date" && c.profile.filled < c.profile.rows * 0.8);
  if (id !== undefined && sparseDates.length > 0) {
    return {
      value: "record-level",
      reason: `${describeColumn(id)} holds a unique id per row and ${sparseDates.map((c) => quoteHeader(c.header)).join(", ")} is mostly blank dates, so each row is one lead or deal`,
    };
  }
  const counts = columns.filter(
    (c) => c.profile.kind === "number" && derivedWord(c.header) === null && bestStageMatch(c, false) !== undefined,
  );
  const found = counts.length > 0 ? `count columns ${counts.map((c) => quoteHeader(c.header)).join(", ")}` : "no stage dates";
  return {
    value: "aggregated",
    reason: `found ${found} and fewer than two stage-date columns, so each row is one period with counts per stage`,
  };
}

function keyOf(match: HeaderMatch | undefined): string {
  return match !== undefined && match.target.kind === "stage" ? match.target.key : "";
}

function orderStages(found: ReadonlyArray<{ key: string; column: DetectedColumn; reason: string }>): StageProposal[] {
  // Stages found by their words take their place in the known funnel order.
  const rank = (key: string): number => KNOWN_STAGES.findIndex((s) => s.key === key);
  return [...found]
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map(({ key, column, reason }) => ({
      key,
      name: KNOWN_STAGES[rank(key)]?.name ?? key,
      column: { header: column.header, index: column.index },
      reason,
    }));
}

function stagesReason(stages: readonly StageProposal[], shape: FunnelShape): string {
  const found = stages.map((s) => `${s.name} (${s.column === null ? "by status" : columnLetter(s.column.index)})`).join(" → ");
  const ads = stages.some((s) => s.key === "impressions" || s.key === "clicks");
  const expected = ads ? ["impressions", "clicks", "conversions"] : ["visits", "leads", "customers"];
  const missing = expected.filter((k) => !stages.some((s) => s.key === k));
  const what = shape === "aggregated" ? "count column" : "date column";
  const missingText = missing.length > 0 ? `; no ${what} looks like ${missing.join(" or ")}` : "";
  if (stages.length < 2) {
    return `found ${stages.length === 0 ? "no stage" : found}${missingText}; a funnel needs at least two stages, so pick them in the wizard`;
  }
  return `found ${stages.length} stages in funnel order: ${found}${missingText}`;
}

