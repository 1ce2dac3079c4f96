// The saved setup as it was before a generation (the stored mapping and the kpi_ named ranges), so a failed generation can put it back.
import type { SpreadsheetApi } from "../apps-script-api";
import { NAMED_RANGE_PREFIX } from "../mapping/named-ranges";
import { MAPPING_KEY, MAPPING_SAVED_KEY } from "../mapping-store";
import { propertiesService } from "../services";

export interface SetupSnapshot {
  restore(): void;
}

export function snapshotSetup(spreadsheet: SpreadsheetApi): SetupSnapshot {
  const properties = propertiesService().getDocumentProperties();
  const stored = { [MAPPING_KEY]: properties.getProperty(MAPPING_KEY), [MAPPING_SAVED_KEY]: properties.getProperty(MAPPING_SAVED_KEY) };
  const names = spreadsheet.getNamedRanges()
    .filter((n) => n.getName().startsWith(NAMED_RANGE_PREFIX))
    .map((n) => ({ name: n.getName(), range: n.getRange() }));
  return {
    restore(): void {
      const props = propertiesService().getDocumentProperties();
      for (const [key, value] of Object.entries(stored)) {
        if (value === null) props.deleteProperty(key);
        else props.setProperty(key, value);
      }
      const wanted = new Map(names.map((n) => [n.name, n.range]));
      for (const existing of spreadsheet.getNamedRanges()) {
        const name = existing.getName();
        if (name.startsWith(NAMED_RANGE_PREFIX) && !wanted.has(name)) existing.remove();
      }
      for (const { name, range } of names) spreadsheet.setNamedRange(name, range);
    },
  };
}
