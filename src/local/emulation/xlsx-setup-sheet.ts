// Writes the document's properties, charts and long dropdown lists into the workbook's hidden setup sheet, and reads them back.
import type ExcelJS from "exceljs";
import { isSetupSheet, readSetupRows, SETUP_SHEET_NAME, setupSheetRows, type SetupEntry } from "../../server/setup-sheet-format";
import { columnToLetters, quoteSheetName, type Box } from "./a1";
import type { Emulation } from "./emulation";
import type { ChartRecord } from "./sheet-model";

/** A chart as the setup sheet stores it: sheets by name, so the JSON stands on its own. */
interface StoredChart extends Omit<ChartRecord, "chartId" | "ranges"> {
  ranges: { sheet: string; box: Box }[];
}

/** Dropdown lists too long (or with commas) for an inline list, written as rows of the setup sheet. */
export class SetupLists {
  private readonly lists = new Map<string, number>();
  readonly entries: SetupEntry[] = [];
  /** Rows before the first list: the header and the other entries. */
  constructor(private readonly firstRow: number) {}

  /** The absolute reference of a row holding these items, added once per distinct list. */
  reference(items: readonly string[]): string {
    const key = JSON.stringify(items);
    let index = this.lists.get(key);
    if (index === undefined) {
      index = this.entries.length;
      this.lists.set(key, index);
      this.entries.push({ kind: "list", name: `list${index + 1}`, values: [...items] });
    }
    const row = this.firstRow + index;
    const lastColumn = columnToLetters(2 + Math.max(1, items.length));
    return `${quoteSheetName(SETUP_SHEET_NAME)}!$C$${row}:$${lastColumn}$${row}`;
  }
}

function propertyAndChartEntries(emu: Emulation): SetupEntry[] {
  const entries: SetupEntry[] = [...emu.properties.document].map(([name, value]) => ({ kind: "property", name, values: [value] }));
  for (const sheet of emu.workbook.sheets) {
    for (const chart of sheet.charts) {
      const { chartId: _id, ranges, ...rest } = chart;
      const stored: StoredChart = { ...rest, ranges: ranges.map((r) => ({ sheet: r.sheet.name, box: r.box })) };
      entries.push({ kind: "chart", name: sheet.name, values: [JSON.stringify(stored)] });
    }
  }
  return entries;
}

/** The entries other than lists, and a list collector whose rows follow them. */
export function setupContents(emu: Emulation): { entries: SetupEntry[]; lists: SetupLists } {
  const entries = propertyAndChartEntries(emu);
  // Row 1 is the header; lists start after the other entries.
  return { entries, lists: new SetupLists(entries.length + 2) };
}

/**
 * Replaces the workbook's setup sheet with one holding `entries` (very hidden and protected, so
 * nobody edits it by accident), or removes it when there is nothing to keep.
 */
export async function writeSetupSheet(book: ExcelJS.Workbook, entries: readonly SetupEntry[]): Promise<void> {
  const old = book.getWorksheet(SETUP_SHEET_NAME);
  if (old !== undefined) book.removeWorksheet(old.id);
  if (entries.length === 0) return;
  const ws = book.addWorksheet(SETUP_SHEET_NAME, { state: "veryHidden" });
  setupSheetRows(entries).forEach((row, r) => {
    // Strings stay strings: a value such as "=1+1" or "TRUE" is written as text, never as a formula or boolean.
    row.forEach((text, c) => (ws.getCell(r + 1, c + 1).value = text));
  });
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}

/** The rows of a worksheet as text, for the setup format reader. */
function textRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      line[c - 1] = cell.text ?? "";
    });
    rows[r - 1] = Array.from({ length: line.length }, (_, i) => line[i] ?? "");
  });
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}

/** The items of each list row of a setup sheet, by row number, for validations that refer to them. */
export function setupListRows(ws: ExcelJS.Worksheet): Map<number, string[]> {
  const lists = new Map<number, string[]>();
  textRows(ws).forEach((row, r) => {
    if (r === 0 || row[0] !== "list") return;
    const items = row.slice(2);
    while (items.length > 0 && items[items.length - 1] === "") items.pop();
    lists.set(r + 1, items);
  });
  return lists;
}

/** True when a worksheet is this format's setup sheet (by name and first cell), not a user's sheet of the same name. */
export function isSetupWorksheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name === SETUP_SHEET_NAME && isSetupSheet(textRows(ws).slice(0, 1));
}

/** Restores document properties and charts from a setup sheet; false when the sheet is not ours. */
export function readSetupSheet(emu: Emulation, ws: ExcelJS.Worksheet): boolean {
  const rows = textRows(ws);
  if (!isSetupSheet(rows)) return false;
  for (const entry of readSetupRows(rows)) {
    if (entry.kind === "property") emu.properties.document.set(entry.name, entry.values[0] ?? "");
    if (entry.kind !== "chart") continue;
    let stored: StoredChart;
    try {
      stored = JSON.parse(entry.values[0] ?? "") as StoredChart;
    } catch {
      continue;
    }
    const home = emu.workbook.sheetByName(entry.name);
    const ranges = (stored.ranges ?? []).flatMap((r) => {
      const sheet = emu.workbook.sheetByName(r.sheet);
      return sheet === undefined ? [] : [{ sheet, box: r.box }];
    });
    // A chart whose sheet was deleted in another application goes with it.
    if (home === undefined || ranges.length !== (stored.ranges ?? []).length) continue;
    home.charts.push({ ...stored, chartId: emu.workbook.nextChartId++, ranges });
  }
  return true;
}
