// The hidden "Funnel KPIs setup" sheet that carries the funnel setup inside a workbook file: its layout, written and read as plain rows.

/**
 * Document properties do not travel in an .xlsx, so a saved workbook keeps them in this sheet
 * (very hidden and protected in the file). The add-on in Sheets reads it when the document's own
 * properties are empty, which is the case right after an .xlsx is uploaded.
 */
export const SETUP_SHEET_NAME = "Funnel KPIs setup";
/** First cell of the sheet, so a user's own sheet of the same name is never taken for it. */
export const SETUP_MARKER = "Funnel KPIs setup";
export const SETUP_VERSION = 1;

/** Excel holds at most 32,767 characters in a cell; longer values are split over the cells to the right. */
export const SETUP_CHUNK = 30_000;

export type SetupRowKind = "property" | "chart" | "list";

export interface SetupEntry {
  kind: SetupRowKind;
  name: string;
  /** The whole value (a property's text, a chart's JSON) or, for a list, its items. */
  values: string[];
}

function chunks(text: string): string[] {
  if (text === "") return [""];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += SETUP_CHUNK) out.push(text.slice(i, i + SETUP_CHUNK));
  return out;
}

/** The sheet's rows: a header naming the format, then one row per entry (kind, name, value pieces). */
export function setupSheetRows(entries: readonly SetupEntry[]): string[][] {
  const header = [SETUP_MARKER, String(SETUP_VERSION), "Kept by Funnel KPIs: the funnel setup saved with this workbook. Edits here are overwritten."];
  const rows = entries.map((e) => [e.kind, e.name, ...(e.kind === "list" ? e.values : chunks(e.values.join("")))]);
  return [header, ...rows];
}

/** True when the first row is this format's header (any version: a newer one is read as far as it is understood). */
export function isSetupSheet(rows: readonly (readonly unknown[])[]): boolean {
  return rows.length > 0 && String(rows[0][0] ?? "") === SETUP_MARKER;
}

/** The entries of a setup sheet's rows; rows of an unknown kind are skipped, text is never interpreted. */
export function readSetupRows(rows: readonly (readonly unknown[])[]): SetupEntry[] {
  if (!isSetupSheet(rows)) return [];
  const entries: SetupEntry[] = [];
  for (const row of rows.slice(1)) {
    const kind = String(row[0] ?? "");
    const name = String(row[1] ?? "");
    if ((kind !== "property" && kind !== "chart" && kind !== "list") || name === "") continue;
    const cells = row.slice(2).map((v) => (v === null || v === undefined ? "" : String(v)));
    if (kind === "list") {
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      entries.push({ kind, name, values: cells });
    } else {
      entries.push({ kind, name, values: [cells.join("")] });
    }
  }
  return entries;
}

/** The document properties a setup sheet holds, by key. */
export function setupProperties(rows: readonly (readonly unknown[])[]): Map<string, string> {
  return new Map(readSetupRows(rows).filter((e) => e.kind === "property").map((e) => [e.name, e.values[0] ?? ""]));
}
