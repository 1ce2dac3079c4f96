// One source's columns as open-ended ranges of its own sheet ('Google Ads'!F4:F), read by the same totals the one-sheet summary uses.
import { openColumnA1 } from "../../mapping/named-ranges";
import { STATUS_RANGE_SUFFIX, type ColumnRef } from "../../mapping/mapping-types";
import { sourceView } from "../../mapping/source-view";
import type { MappingSource, SourcedMapping } from "../../mapping/source-types";
import { DataRanges } from "../data-ranges";

/** What a source adds to the funnel: "spend", "revenue" and the keys of the stages it supplies. */
export function suppliesOf(mapping: SourcedMapping, source: MappingSource): Set<string> {
  const out = new Set<string>();
  if (source.spend !== null) out.add("spend");
  if (source.revenue !== null) out.add("revenue");
  for (const stage of mapping.stages) if (stage.supply.some((u) => u.source === source.id)) out.add(stage.key);
  return out;
}

/** Call on a mapping validateSources accepted. A record-level source without a date column is dated by its first stage, as the report does. */
export function sourceRanges(mapping: SourcedMapping, source: MappingSource): DataRanges {
  const view = sourceView(mapping, source);
  const first = source.headerRow + 1;
  const col = (ref: ColumnRef): string => openColumnA1(source.sheetName, ref.index, first);
  const ranges = new Map<string, string>();
  const date = source.date ?? (source.shape === "record-level" ? (view.stages.find((s) => s.column !== null)?.column ?? null) : null);
  if (date !== null) ranges.set("date", col(date));
  if (source.channel !== null) ranges.set("channel", col(source.channel));
  if (source.spend !== null) ranges.set("spend", col(source.spend));
  if (source.revenue !== null) ranges.set("revenue", col(source.revenue));
  for (const s of view.stages) {
    if (s.column !== null) ranges.set(s.key, col(s.column));
    if (s.status) ranges.set(s.key + STATUS_RANGE_SUFFIX, col(s.status.column));
  }
  return new DataRanges(view, (field) => {
    const range = ranges.get(field);
    // The channel range is asked for up front but used only with a channel slice, which a source without one never gets.
    if (range === undefined) return field === "channel" || field === "date" ? "0" : missing(source, field);
    return range;
  });
}

function missing(source: MappingSource, field: string): never {
  throw new Error(`source ${source.sheetName} has no ${field} column`);
}
