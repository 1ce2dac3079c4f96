// Hands each detected column to at most one funnel field, and remembers why every other column was left alone.
import { columnLetter } from "./a1";
import { describeProfile } from "./column-profile";
import {
  bestStageMatch,
  describeColumn,
  idReason,
  isIdColumn,
  quoteHeader,
  ref,
  type DetectedColumn,
} from "./detected-column";
import { derivedWord, headerTokens, sameTarget, targetLabel, type HeaderMatch, type HeaderTarget } from "./header-synonyms";
import type { FieldProposal, StageProposal, UnmappedColumn } from "./proposal-types";

export class ColumnAssigner {
  private readonly used = new Map<number, string>();
  private readonly rejected = new Map<number, string>();
  private readonly firstByHeader = new Map<string, DetectedColumn>();

  constructor(private readonly columns: readonly DetectedColumn[]) {}

  /** Takes a column for a part of the mapping found elsewhere (a status column), so it is not listed as unused. */
  claim(column: DetectedColumn, reason: string): void {
    this.use(column, reason);
  }

  assignStages(kind: "number" | "date"): Array<{ key: string; column: DetectedColumn; reason: string }> {
    const taken = new Map<string, DetectedColumn>();
    const result: Array<{ key: string; column: DetectedColumn; reason: string }> = [];
    // Explicit stage words first, so "Lead date" beats "Created" for leads and "Created" is left to be the record date.
    const passes = kind === "date" ? [false, true] : [false];
    // Closer matches first, so "Sessions" beats "Engaged sessions" wherever the columns stand; ties keep sheet order.
    const byScore = [...this.columns].sort((a, b) => (bestStageMatch(b, true)?.score ?? 0) - (bestStageMatch(a, true)?.score ?? 0));
    for (const allowDateOnly of passes) {
      for (const column of byScore) {
        if (this.used.has(column.index)) continue;
        const match = bestStageMatch(column, allowDateOnly);
        if (match === undefined || match.target.kind !== "stage") continue;
        // The second pass is only for date-only words; explicit stage words had their turn.
        if (allowDateOnly && !match.dateOnly) continue;
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
      firstStage !== null && firstStage.column !== null
        ? `no separate record date; periods use the first stage's date (${quoteHeader(firstStage.column.header)})`
        : "no separate record date, and no stage date to fall back on";
    return { column: null, reason: fallback };
  }

  assignField(target: HeaderTarget, kind: "number" | "text", examples: string): FieldProposal {
    const score = (c: DetectedColumn): number => c.matches.find((m) => sameTarget(m.target, target))?.score ?? 0;
    // The closest header first ("Campaign name" before "Campaign group name"); ties keep sheet order.
    for (const column of [...this.columns].sort((a, b) => score(b) - score(a))) {
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
  private firstWithHeader(column: DetectedColumn): DetectedColumn | undefined {
    const norm = headerTokens(column.header).join(" ");
    if (norm === "") return undefined;
    const first = this.firstByHeader.get(norm);
    if (first === undefined) this.firstByHeader.set(norm, column);
    return first !== undefined && first.index !== column.index ? first : undefined;
  }

  private fits(column: DetectedColumn, match: HeaderMatch, kind: "number" | "date" | "text"): boolean {
    if (column.profile.kind === kind) return true;
    if (!this.rejected.has(column.index)) {
      const expected = kind === "date" ? "dates" : kind === "number" ? "numbers" : "text";
      this.reject(column, `header ${quoteHeader(column.header)} looks like ${targetLabel(match.target)}, but the column ${describeProfile(column.profile)}, not ${expected}`);
    }
    return false;
  }

  private alreadyTaken(column: DetectedColumn, holder: DetectedColumn, target: HeaderTarget): string {
    const duplicate = headerTokens(column.header).join(" ") === headerTokens(holder.header).join(" ");
    return duplicate
      ? `duplicate header: ${describeColumn(holder)} has the same name and is already used as ${targetLabel(target)}`
      : `also looks like ${targetLabel(target)}, but ${describeColumn(holder)} came first and is used`;
  }

  private use(column: DetectedColumn, reason: string): void {
    this.used.set(column.index, reason);
    this.rejected.delete(column.index);
    this.firstWithHeader(column);
  }

  private reject(column: DetectedColumn, reason: string): void {
    this.rejected.set(column.index, reason);
  }

  private whyNot(column: DetectedColumn): string {
    if (column.header.trim() === "") return `column ${columnLetter(column.index)} has a blank header`;
    const first = this.firstWithHeader(column);
    if (first !== undefined) return `duplicate header: ${describeColumn(first)} has the same name`;
    if (column.profile.kind === "empty") return `header ${quoteHeader(column.header)} matches no funnel field, and the column ${describeProfile(column.profile)}`;
    const kpiWord = derivedWord(column.header);
    if (kpiWord !== null) return `header ${quoteHeader(column.header)} contains '${kpiWord}', so it looks like a computed rate or average: never a stage, never summed`;
    return `header ${quoteHeader(column.header)} matches no funnel field (the column ${describeProfile(column.profile)})`;
  }
}

