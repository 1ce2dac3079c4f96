// Reads an .xlsx's formula cells and their cached results straight from the sheet XML, as any application would find them.
import { readFileSync } from "node:fs";
import { worksheetParts, xmlText } from "../../src/local/emulation/xlsx-limits";
import { readEntryText, zipEntries } from "../../src/local/emulation/zip-entries";

export type Cached = number | string | boolean | { error: string } | undefined;

export interface FormulaCell {
  sheet: string;
  ref: string;
  formula: string;
  cached: Cached;
}

const LIMIT = 256 * 1024 * 1024;

async function partText(data: Buffer, name: string): Promise<string> {
  const entry = zipEntries(data).find((e) => e.name === name);
  let text = "";
  if (entry !== undefined) await readEntryText(data, entry, LIMIT, (t) => (text += t));
  return text;
}

function cachedOf(type: string | undefined, value: string | undefined): Cached {
  if (value === undefined) return type === "str" ? "" : undefined;
  const text = xmlText(value);
  if (type === "str" || type === "inlineStr") return text;
  if (type === "b") return text === "1";
  if (type === "e") return { error: text };
  return Number(text);
}

/** Every cell with a formula, by sheet (tab order), with the formula as written (prefixes kept) and its cached result. */
export async function formulaCells(path: string): Promise<FormulaCell[]> {
  const data = readFileSync(path);
  const cells: FormulaCell[] = [];
  for (const [part, sheet] of await worksheetParts(data)) {
    const xml = await partText(data, part);
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = m[2] ?? "";
      const formula = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (formula === null) continue;
      const ref = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1] ?? "?";
      const type = /\bt="([a-zA-Z]+)"/.exec(m[1])?.[1];
      const value = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(body);
      cells.push({ sheet, ref, formula: xmlText(formula[1] ?? ""), cached: cachedOf(type, value === null ? undefined : (value[1] ?? "")) });
    }
  }
  return cells;
}

/** Every cell, formula or constant, that holds an error value ("Sheet!A1 #NAME?"). */
export async function errorCells(path: string): Promise<string[]> {
  const data = readFileSync(path);
  const out: string[] = [];
  for (const [part, sheet] of await worksheetParts(data)) {
    const xml = await partText(data, part);
    for (const m of xml.matchAll(/<c\b([^>]*\bt="e"[^>]*)>([\s\S]*?)<\/c>/g)) {
      out.push(`${sheet}!${/\br="([A-Z]+\d+)"/.exec(m[1])?.[1] ?? "?"} ${/<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1] ?? ""}`);
    }
  }
  return out;
}

/** The worksheet XML of one sheet, for checks of what the file says (views, validations, states). */
export async function sheetXml(path: string, sheet: string): Promise<string> {
  const data = readFileSync(path);
  for (const [part, name] of await worksheetParts(data)) if (name === sheet) return partText(data, part);
  throw new Error(`${path} has no sheet "${sheet}"`);
}

export async function workbookXml(path: string): Promise<string> {
  return partText(readFileSync(path), "xl/workbook.xml");
}

/** A recalculated value equal to the cached one: numbers to 1e-9 relative, anything else exactly. */
export function sameCached(a: Cached, b: Cached): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return JSON.stringify(a) === JSON.stringify(b);
}
