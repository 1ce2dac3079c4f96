// Loads CSV into an emulated sheet: numbers and ISO dates become numbers and dates, everything else stays text.
import { readFileSync } from "node:fs";
import type { WritableValue } from "../../server/apps-script-api";
import { isoToSerial } from "./dates";
import type { Emulation } from "./emulation";
import type { SheetModel } from "./sheet-model";

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One CSV field as the emulation writes it: text is apostrophe-prefixed so "=x" or "TRUE" stay text. */
export function csvFieldValue(field: string): WritableValue {
  if (field === "") return null;
  const trimmed = field.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (isoToSerial(trimmed) !== undefined) return trimmed;
  return `'${field}`;
}

export function loadCsv(emulation: Emulation, sheetName: string, csvText: string): SheetModel {
  return emulation.loadSheet(sheetName, parseCsv(csvText).map((row) => row.map(csvFieldValue)));
}

export function loadCsvFile(emulation: Emulation, sheetName: string, path: string): SheetModel {
  return loadCsv(emulation, sheetName, readFileSync(path, "utf8"));
}
