// Checks an .xlsx against the sizes the tools can hold before anything is built from it: grid bounds, cells, and the ranges exceljs expands cell by cell.
import { readEntryText, zipEntries, ZipFormatError, type ZipEntry } from "./zip-entries";

/** The .xlsx grid: a cell past these is not a workbook Excel, Sheets or LibreOffice could have written. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
/** Google Sheets' limit for a whole spreadsheet; the add-on could never see more. */
export const MAX_WORKBOOK_CELLS = 10_000_000;
/** Merged areas, validation ranges and named ranges are expanded to one object per cell by exceljs. */
export const MAX_EXPANDED_CELLS = 10_000_000;
/** One part of the file, unpacked: beyond this the text cannot even be held as one string. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

/** The workbook is larger than the tools can hold, or claims to be; the message names the sheet and the limit. */
export class XlsxLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxLimitError";
  }
}

const number = (n: number) => n.toLocaleString("en-US");

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL_REF = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})$/;

/** Cells in "A1", "A1:C10" (the only shapes exceljs expands); 0 for whole rows or columns, which it leaves alone. */
function areaOf(ref: string): number {
  const [a, b = a] = ref.split(":");
  const start = CELL_REF.exec(a.trim());
  const end = CELL_REF.exec(b.trim());
  if (start === null || end === null) return 0;
  const rows = Math.abs(Number(end[2]) - Number(start[2])) + 1;
  const columns = Math.abs(columnNumber(end[1]) - columnNumber(start[1])) + 1;
  return rows * columns;
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return m?.[1];
}

/** Feeds text in chunks to a handler of complete tags, carrying a tag cut at a chunk's end over to the next. */
function tagScanner(pattern: RegExp, onTag: (name: string, attributes: string, body: string) => void): (text: string) => void {
  let carry = "";
  return (text: string) => {
    carry += text;
    const cut = carry.lastIndexOf(">");
    if (cut < 0) return;
    const complete = carry.slice(0, cut + 1);
    carry = carry.slice(cut + 1);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(complete); m !== null; m = pattern.exec(complete)) onTag(m[1], m[2] ?? "", m[3] ?? "");
  };
}

interface Budget {
  cells: number;
  expanded: number;
}

function spend(budget: Budget, where: string, kind: "cells" | "expanded", amount: number): void {
  budget[kind] += amount;
  if (kind === "cells" && budget.cells > MAX_WORKBOOK_CELLS) {
    throw new XlsxLimitError(`${where} takes the workbook past ${number(MAX_WORKBOOK_CELLS)} cells, the most a Google spreadsheet can hold`);
  }
  if (kind === "expanded" && budget.expanded > MAX_EXPANDED_CELLS) {
    throw new XlsxLimitError(`${where} covers more than ${number(MAX_EXPANDED_CELLS)} cells with merges, validation rules or named ranges`);
  }
}

/** Undoes the five XML escapes. */
export function xmlText(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, "&");
}

/** "xl/worksheets/sheet3.xml" → the tab name the workbook gives it, in the workbook's tab order. */
export async function worksheetParts(data: Buffer, byName: Map<string, ZipEntry> = new Map(zipEntries(data).map((e) => [e.name, e]))): Promise<Map<string, string>> {
  const text = async (name: string): Promise<string> => {
    const entry = byName.get(name);
    let out = "";
    if (entry !== undefined) await readEntryText(data, entry, MAX_PART_BYTES, (t) => (out += t));
    return out;
  };
  const [workbook, rels] = await Promise.all([text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels")]);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const id = attribute(m[1], "r:id");
    const name = attribute(m[1], "name");
    const part = id === undefined ? undefined : targets.get(id);
    if (part !== undefined && name !== undefined) names.set(part, xmlText(name));
  }
  return names;
}

/**
 * Throws a XlsxLimitError naming the sheet and the limit when the workbook claims a cell outside the grid, holds more
 * cells than a spreadsheet can, or has ranges exceljs would expand past the bound; a ZipFormatError when it is no zip.
 */
export async function checkXlsxLimits(data: Buffer): Promise<void> {
  const entries = zipEntries(data);
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const entry of entries) {
    if (entry.uncompressedSize > MAX_PART_BYTES) {
      throw new XlsxLimitError(`its part ${entry.name} unpacks to ${number(entry.uncompressedSize)} bytes, more than the ${number(MAX_PART_BYTES)} funnel-kpis reads`);
    }
  }
  const names = await worksheetParts(data, byName);
  const budget: Budget = { cells: 0, expanded: 0 };
  const workbook = byName.get("xl/workbook.xml");
  if (workbook !== undefined) {
    await readEntryText(data, workbook, MAX_PART_BYTES, tagScanner(/<(definedName)\b([^>]*)>([^<]*)</g, (_tag, attributes, body) => {
      const name = attribute(attributes, "name") ?? "?";
      for (const part of body.split(",")) spend(budget, `the named range "${name}"`, "expanded", areaOf(part.split("!").pop() ?? ""));
    }));
  }
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const sheet = names.has(entry.name) ? `sheet "${names.get(entry.name)}"` : `the sheet part ${entry.name}`;
    await readEntryText(data, entry, MAX_PART_BYTES, tagScanner(/<(row|c|mergeCell|dataValidation)\b([^>]*)>/g, (tag, attributes) => {
      if (tag === "row") {
        const r = Number(attribute(attributes, "r") ?? 0);
        if (r > XLSX_MAX_ROWS) throw new XlsxLimitError(`${sheet} has a row numbered ${number(r)}, past the last row an .xlsx sheet can have (${number(XLSX_MAX_ROWS)})`);
      } else if (tag === "c") {
        const m = CELL_REF.exec(attribute(attributes, "r") ?? "");
        if (m !== null) {
          const [column, row] = [columnNumber(m[1]), Number(m[2])];
          if (row > XLSX_MAX_ROWS) throw new XlsxLimitError(`${sheet} has a cell at row ${number(row)}, past the last row an .xlsx sheet can have (${number(XLSX_MAX_ROWS)})`);
          if (column > XLSX_MAX_COLUMNS) throw new XlsxLimitError(`${sheet} has a cell in column ${m[1]}, past the last column an .xlsx sheet can have (XFD)`);
        }
        spend(budget, sheet, "cells", 1);
      } else if (tag === "mergeCell") {
        spend(budget, sheet, "expanded", areaOf(attribute(attributes, "ref") ?? ""));
      } else {
        for (const ref of (attribute(attributes, "sqref") ?? "").split(/\s+/)) spend(budget, sheet, "expanded", areaOf(ref));
      }
    }));
  }
}

export { ZipFormatError };
