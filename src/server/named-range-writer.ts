// Publishes the mapping's columns as open-ended named ranges (kpi_spend, kpi_leads, ...) and drops stale ones.
import { NAMED_RANGE_PREFIX, namedRangesFor } from "./mapping/named-ranges";
import type { FunnelMapping } from "./mapping/mapping-types";
import { spreadsheetApp } from "./services";

/** Returns the names it set. Only names with the add-on's prefix are ever removed. */
export function writeNamedRanges(mapping: FunnelMapping): string[] {
  const spreadsheet = spreadsheetApp().getActiveSpreadsheet();
  const wanted = namedRangesFor(mapping);
  const wantedNames = new Set(wanted.map((w) => w.name));
  for (const existing of spreadsheet.getNamedRanges()) {
    const name = existing.getName();
    if (name.startsWith(NAMED_RANGE_PREFIX) && !wantedNames.has(name)) existing.remove();
  }
  for (const spec of wanted) spreadsheet.setNamedRange(spec.name, spreadsheet.getRange(spec.a1));
  return wanted.map((w) => w.name);
}
