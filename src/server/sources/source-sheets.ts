// Reads the sheets a mapping with sources names, once per execution, and offers them to validation as they are now (null for a sheet that is gone).
import type { MappingSource, SourcedMapping } from "../mapping/source-types";
import type { SourceSheet } from "../mapping/validate-sources";
import { readDataSheet, type DataSheet } from "../data-sheet";
import { spreadsheetApp } from "../services";

export class SourceSheets {
  private readonly read = new Map<string, DataSheet | null>();

  /** The sheet as read with the source's header row; null when no sheet has that name now. */
  data(source: Pick<MappingSource, "sheetName" | "headerRow">): DataSheet | null {
    const key = `${source.sheetName}\u0000${source.headerRow}`;
    if (this.read.has(key)) return this.read.get(key) ?? null;
    const exists = spreadsheetApp().getActiveSpreadsheet().getSheetByName(source.sheetName) !== null;
    const data = exists ? readDataSheet(source.sheetName, source.headerRow) : null;
    this.read.set(key, data);
    return data;
  }

  /** For validateSources: headers, rows and the reading notes of each source. */
  sheetOf = (source: MappingSource): SourceSheet | null => {
    const data = this.data(source);
    return data === null ? null : { headers: data.headers, rows: data.rows, reading: data.reading };
  };

  rowsOf(mapping: SourcedMapping): Map<string, DataSheet> {
    const out = new Map<string, DataSheet>();
    for (const s of mapping.sources) {
      const data = this.data(s);
      if (data !== null) out.set(s.sheetName, data);
    }
    return out;
  }
}
