// Decides whether a run reads one sheet (as before sources existed) or several sources: several files, several --sheet names, a mapping with sources, or a workbook of several data sheets.
import { readFileSync } from "node:fs";
import { worksheetParts } from "../emulation/xlsx-limits";
import type { SummarizeOptions } from "./args";
import { fileKind } from "./file-kind";
import { dataSheetNames } from "./data-sheet-names";
import { readSetupFile } from "./sources-mapping";
import type { SourcesPlan } from "./summarize-sources";

async function dataSheetCount(path: string): Promise<number> {
  try {
    return dataSheetNames([...(await worksheetParts(readFileSync(path))).values()]).length;
  } catch {
    // An unreadable workbook is reported by the one-sheet reader, with its own message.
    return 0;
  }
}

/** The files of a multi-source run, or null for a one-sheet run. */
export async function routeOf(options: SummarizeOptions): Promise<SourcesPlan | null> {
  const files = options.files.length > 0 ? options.files : [options.file];
  const plan: SourcesPlan = { files: files.map((path) => ({ path, kind: fileKind(path) })) };
  if (plan.files.length > 1) return plan;
  if (options.mapping !== null && readSetupFile(options.mapping).kind === "sources") return plan;
  if (plan.files[0].kind === "csv" || options.sheets.length === 1 || options.mapping !== null) return null;
  if (options.sheets.length > 1) return plan;
  return (await dataSheetCount(files[0])) > 1 ? plan : null;
}
