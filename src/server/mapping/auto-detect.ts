// First guess at a funnel mapping from a sheet's headers and a sample of its rows, with a reason for every choice and every column left out.
import type { CellValue } from "../../kpi/cells";
import { columnLetter } from "./a1";
import { describeProfile, profileColumn, type ColumnProfile } from "./column-profile";
import {
  KNOWN_STAGES,
  derivedWord,
  headerTokens,
  matchHeader,
  sameTarget,
  targetLabel,
  type HeaderMatch,
  type HeaderTarget,
} from "./header-synonyms";
import { MAPPING_VERSION, type ColumnRef, type FunnelMapping, type FunnelShape } from "./mapping-types";

export interface FieldProposal {
  column: ColumnRef | null;
  reason: string;
}

export interface StageProposal {
  key: string;
  name: string;
  column: ColumnRef;
  reason: string;
}

export interface UnmappedColumn {
  header: string;
  index: number;
  reason: string;
}

export interface MappingProposal {
  sheetName: string;
  headerRow: number;
  shape: { value: FunnelShape; reason: string };
  stages: StageProposal[];
  /** Why these stages and not others (e.g. which default stages were not found). */
  stagesReason: string;
  date: FieldProposal;
  channel: FieldProposal;
  spend: FieldProposal;
  revenue: FieldProposal;
  unmapped: UnmappedColumn[];
}

interface Column {
  index: number;
  header: string;
  profile: ColumnProfile;
  matches: HeaderMatch[];
}

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
): MappingProposal {
  const sample = sampleRows.slice(0, SAMPLE_ROWS);
  const columns: Column[] = headers.map((raw, index) => {
    const header = String(raw ?? "");
    return { index, header, profile: profileColumn(sample, index), matches: matchHeader(header) };
  });
  const shape = detectShape(columns);
  const assigner = new Assigner(columns);
  const stageColumns = shape.value === "aggregated" ? assigner.assignStages("number") : assigner.assignStages("date");
  const stages = orderStages(stageColumns);
  const date =
    shape.value === "aggregated" ? assigner.assignPeriodDate() : assigner.assignRecordDate(stages[0] ?? null);
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
export function proposalToMapping(proposal: MappingProposal): FunnelMapping {
  return {
    version: MAPPING_VERSION,
    sheetName: proposal.sheetName,
    headerRow: proposal.headerRow,
    shape: proposal.shape.value,
    stages: proposal.stages.map((s) => ({ key: s.key, name: s.name, column: s.column })),
    date: proposal.date.column,
    channel: proposal.channel.column,
    spend: proposal.spend.column,
    revenue: proposal.revenue.column,
  };
}

/** Header as quoted in a reason: trimmed and cut short, so a pasted paragraph does not swamp the sidebar. */
export function quoteHeader(header: string): string {
  const flat = header.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return `'${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}'`;
}

function describeColumn(column: Column): string {
  return `column ${columnLetter(column.index)} ${quoteHeader(column.header)}`;
}

function bestStageMatch(column: Column, allowDateOnly: boolean): HeaderMatch | undefined {
  return column.matches.find((m) => m.target.kind === "stage" && (allowDateOnly || !m.dateOnly));
}

function isStageDateColumn(column: Column): boolean {
  return column.profile.kind === "date" && derivedWord(column.header) === null && bestStageMatch(column, true) !== undefined;
}

function isIdColumn(column: Column): boolean {
  return (
    column.matches.some((m) => m.target.kind === "id") &&
    column.profile.filled > 0 &&
    column.profile.distinct === column.profile.filled
  );
}

function detectShape(columns: readonly Column[]): { value: FunnelShape; reason: string } {
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

function orderStages(found: ReadonlyArray<{ key: string; column: Column; reason: string }>): StageProposal[] {
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
  const found = stages.map((s) => `${s.name} (${columnLetter(s.column.index)})`).join(" → ");
  const missing = ["visits", "leads", "customers"].filter((k) => !stages.some((s) => s.key === k));
  const what = shape === "aggregated" ? "count column" : "date column";
  const missingText = missing.length > 0 ? `; no ${what} looks like ${missing.join(" or ")}` : "";
  if (stages.length < 2) {
    return `found ${stages.length === 0 ? "no stage" : found}${missingText}; a funnel needs at least two stages, so pick them in the wizard`;
  }
  return `found ${stages.length} stages in funnel order: ${found}${missingText}`;
}

/** Hands each column to at most one field and remembers why every other column was left alone. */
class Assigner {
  private readonly used = new Map<number, string>();
  private readonly rejected = new Map<number, string>();
  private readonly firstByHeader = new Map<string, Column>();

  constructor(private readonly columns: readonly Column[]) {}

  assignStages(kind: "number" | "date"): Array<{ key: string; column: Column; reason: string }> {
    const taken = new Map<string, Column>();
    const result: Array<{ key: string; column: Column; reason: string }> = [];
    // Explicit stage words first, so "Lead date" beats "Created" for leads and "Created" is left to be the record date.
    const passes = kind === "date" ? [false, true] : [false];
    for (const allowDateOnly of passes) {
      for (const column of this.columns) {
        if (this.used.has(column.index)) continue;
        const match = allowDateOnly ? bestStageMatch(column, true) : bestStageMatch(column, false);
        if (match === undefined || match.target.kind !== "stage") continue;
        if (match.dateOnly !== allowDateOnly && allowDateOnly) continue;
        if (!this.fits(column, match, kind)) continue;
        const kpiWord = derivedWord(column.header);
        if (kpiWord !== null) {
          this.reject(column, `header ${quoteHeader(column.header)} contains '${kpiWord}', so it looks like a computed KPI, not raw data`);
          continue;
        }
        const key = match.target.key;
        const holder = taken.get(key);
        if (holder !== undefined) {
          this.reject(column, this.alreadyTaken(column, holder, match.target));
          continue;
        }
        taken.set(key, column);
        const reason = `header ${quoteHeader(column.header)} looks like ${targetLabel(match.target)}, and the column ${describeProfile(column.profile)}`;
        this.use(column, reason);
        result.push({ key, column, reason });
      }
    }
    return result;
  }

  assignPeriodDate(): FieldProposal {
    const dates = this.columns.filter((c) => !this.used.has(c.index) && c.profile.kind === "date");
    const named = dates.find((c) => c.matches[0]?.target.kind === "period");
    const chosen = named ?? dates[0];
    if (chosen === undefined) {
      const wouldBe = this.columns.find((c) => c.matches[0]?.target.kind === "period");
      const hint =
        wouldBe !== undefined
          ? `: ${describeColumn(wouldBe)} is named like a period but ${describeProfile(wouldBe.profile)}; format it as dates`
          : "";
      if (wouldBe !== undefined) this.reject(wouldBe, `named like a period date, but the column ${describeProfile(wouldBe.profile)}, not dates`);
      return { column: null, reason: `no column holds dates${hint}` };
    }
    const why = named !== undefined ? `header ${quoteHeader(chosen.header)} names a period` : `header ${quoteHeader(chosen.header)} is the first date column`;
    const reason = `${why}, and the column ${describeProfile(chosen.profile)}`;
    for (const other of dates) {
      if (other !== chosen && !this.used.has(other.index)) {
        this.reject(other, `holds dates too, but ${describeColumn(chosen)} was chosen as the period date`);
      }
    }
    this.use(chosen, reason);
    return { column: ref(chosen), reason };
  }

  assignRecordDate(firstStage: StageProposal | null): FieldProposal {
    const candidate = this.columns.find(
      (c) =>
        !this.used.has(c.index) &&
        c.profile.kind === "date" &&
        (c.matches[0]?.target.kind === "period" || bestStageMatch(c, true)?.dateOnly === true),
    );
    if (candidate !== undefined) {
      const reason = `header ${quoteHeader(candidate.header)} names when the record was made, and the column ${describeProfile(candidate.profile)}`;
      this.use(candidate, reason);
      return { column: ref(candidate), reason };
    }
    const fallback =
      firstStage !== null
        ? `no separate record date; periods use the first stage's date (${quoteHeader(firstStage.column.header)})`
        : "no separate record date, and no stage date to fall back on";
    return { column: null, reason: fallback };
  }

  assignField(target: HeaderTarget, kind: "number" | "text", examples: string): FieldProposal {
    for (const column of this.columns) {
      if (this.used.has(column.index)) continue;
      // Not only the top match: "Lead source" ties leads with channel, and only its text content settles it.
      const match = column.matches.find((m) => sameTarget(m.target, target));
      if (match === undefined || !this.fits(column, match, kind)) continue;
      const kpiWord = derivedWord(column.header);
      if (kpiWord !== null) {
        this.reject(column, `header ${quoteHeader(column.header)} contains '${kpiWord}', so it looks like a computed KPI, not raw data`);
        continue;
      }
      const reason = `header ${quoteHeader(column.header)} looks like ${targetLabel(target)}, and the column ${describeProfile(column.profile)}`;
      this.use(column, reason);
      for (const other of this.columns) {
        if (!this.used.has(other.index) && other.matches[0] !== undefined && sameTarget(other.matches[0].target, target)) {
          this.reject(other, this.alreadyTaken(other, column, target));
        }
      }
      return { column: ref(column), reason };
    }
    return { column: null, reason: `no ${kind === "number" ? "numeric" : "text"} column's header looks like ${targetLabel(target)} (${examples})` };
  }

  unmapped(): UnmappedColumn[] {
    return this.columns
      .filter((c) => !this.used.has(c.index))
      .map((c) => ({
        header: c.header,
        index: c.index,
        reason: isIdColumn(c) ? idReason(c) : (this.rejected.get(c.index) ?? this.whyNot(c)),
      }));
  }

  // Remembers the first column per header text so a duplicate can say which column it copies.
  private firstWithHeader(column: Column): Column | undefined {
    const norm = headerTokens(column.header).join(" ");
    if (norm === "") return undefined;
    const first = this.firstByHeader.get(norm);
    if (first === undefined) this.firstByHeader.set(norm, column);
    return first !== undefined && first.index !== column.index ? first : undefined;
  }

  private fits(column: Column, match: HeaderMatch, kind: "number" | "date" | "text"): boolean {
    if (column.profile.kind === kind) return true;
    if (!this.rejected.has(column.index)) {
      const expected = kind === "date" ? "dates" : kind === "number" ? "numbers" : "text";
      this.reject(column, `header ${quoteHeader(column.header)} looks like ${targetLabel(match.target)}, but the column ${describeProfile(column.profile)}, not ${expected}`);
    }
    return false;
  }

  private alreadyTaken(column: Column, holder: Column, target: HeaderTarget): string {
    const duplicate = headerTokens(column.header).join(" ") === headerTokens(holder.header).join(" ");
    return duplicate
      ? `duplicate header: ${describeColumn(holder)} has the same name and is already used as ${targetLabel(target)}`
      : `also looks like ${targetLabel(target)}, but ${describeColumn(holder)} came first and is used`;
  }

  private use(column: Column, reason: string): void {
    this.used.set(column.index, reason);
    this.rejected.delete(column.index);
    this.firstWithHeader(column);
  }

  private reject(column: Column, reason: string): void {
    this.rejected.set(column.index, reason);
  }

  private whyNot(column: Column): string {
    if (column.header.trim() === "") return `column ${columnLetter(column.index)} has a blank header`;
    const first = this.firstWithHeader(column);
    if (first !== undefined) return `duplicate header: ${describeColumn(first)} has the same name`;
    if (column.profile.kind === "empty") return `header ${quoteHeader(column.header)} matches no funnel field, and the column ${describeProfile(column.profile)}`;
    return `header ${quoteHeader(column.header)} matches no funnel field (the column ${describeProfile(column.profile)})`;
  }
}

function idReason(column: Column): string {
  return `header ${quoteHeader(column.header)} looks like a record id (one distinct value per row); the funnel does not need it`;
}

function ref(column: Column): ColumnRef {
  return { header: column.header, index: column.index };
}
