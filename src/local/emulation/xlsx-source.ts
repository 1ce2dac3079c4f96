// The .xlsx workbook an emulation was loaded from, kept so a save rewrites only what the emulation changed.
import type ExcelJS from "exceljs";
import type { Emulation } from "./emulation";
import type { ConditionalRuleRecord, SheetModel } from "./sheet-model";

/** Excel's last row: the only way an .xlsx file can spell Sheets' `C2:C`. */
export const EXCEL_LAST_ROW = 1_048_576;

export interface LoadedSheet {
  ws: ExcelJS.Worksheet;
  /** The rule list the sheet was loaded with; a different list on save means the add-on replaced the rules. */
  rulesAtLoad: ConditionalRuleRecord[];
  /** The formula each loaded formula cell reads as in the emulation, by cell key: equal on save means untouched. */
  formulasAtLoad: Map<number, string>;
  /** Cells the file gave a look the emulation understood, so a look cleared since is cleared in the file too. */
  styledAtLoad: Set<number>;
}

export interface XlsxSource {
  book: ExcelJS.Workbook;
  sheets: Map<SheetModel, LoadedSheet>;
  /** Defined names the emulation took over as named ranges (the others, such as print areas, stay as they are). */
  namesAtLoad: Set<string>;
  /** Kinds of content the file has that exceljs cannot write back ("charts", "pivot tables"...): a save loses them. */
  notKept: string[];
}

const sources = new WeakMap<Emulation, XlsxSource>();

export function xlsxSourceOf(emulation: Emulation): XlsxSource | undefined {
  return sources.get(emulation);
}

/** What a save of this emulation would drop from the file it was loaded from; empty for a new workbook. */
export function partsNotKept(emulation: Emulation): readonly string[] {
  return sources.get(emulation)?.notKept ?? [];
}

export function rememberXlsxSource(emulation: Emulation, source: XlsxSource): void {
  sources.set(emulation, source);
}
