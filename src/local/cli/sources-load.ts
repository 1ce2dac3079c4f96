// Reads every source of a multi-source run: each CSV one table, each chosen sheet of an .xlsx one table, each through the reading layer, with the sheets left out and why.
import { basename, extname } from "node:path";
import { CHANNEL_MAP_HEADERS, CHANNEL_MAP_SHEET_NAME } from "../../server/channel-map/channel-map-format";
import { readFileSync } from "node:fs";
import { worksheetParts } from "../emulation/xlsx-limits";
import type { ReadingLocale } from "../../reading/locale";
import type { Emulation } from "../emulation";
import { InputError } from "./cli-errors";
import { dataSheetNames } from "./data-sheet-names";
import type { DataTable } from "./data-table";
import { readGridTable } from "./grid-table";
import { loadCsvTable } from "./load-csv";
import { openWorkbook, readWorkbookTable, streamWorkbookTable } from "./load-xlsx";
import type { CellValue } from "../../kpi/cells";
import { rowArrays } from "../../kpi/cell-grid";

export interface LoadedSource {
  name: string;
  file: string;
  label: string;
  table: DataTable;
}

export interface LoadedSources {
  sources: LoadedSource[];
  notUsed: Array<{ file: string; sheet: string; reason: string }>;
  /** The workbook of a run over one .xlsx with --out, which needs all of it. */
  workbook: Emulation | null;
  /** A run over one .xlsx: the document properties its setup sheet carries (the saved mapping among them). */
  setup: ReadonlyMap<string, string>;
  /** A run over one .xlsx: its "Channel map" sheet as a grid, when it has one. */
  channelMap: CellValue[][] | null;
}

export interface LoadRequest {
  files: readonly { path: string; kind: "csv" | "xlsx" }[];
  /** --sheet names; empty reads every data sheet of an .xlsx. */
  sheets: readonly string[];
  locale: ReadingLocale | null;
  /** A header row per sheet name (lower case), from a mapping; others are found. */
  headerRows: ReadonlyMap<string, number>;
  /** Keep the workbook open (for --out or its saved setup); only for a run over one .xlsx. */
  keepWorkbook: boolean;
  onProgress?: (fraction: number) => void;
}

export async function loadSources(request: LoadRequest): Promise<LoadedSources> {
  const sources: LoadedSource[] = [];
  const notUsed: LoadedSources["notUsed"] = [];
  let workbook: Emulation | null = null;
  let setup: ReadonlyMap<string, string> = new Map();
  let channelMap: CellValue[][] | null = null;
  const count = request.files.length;
  for (let i = 0; i < count; i++) {
    const { path, kind } = request.files[i];
    const progress = (f: number) => request.onProgress?.((i + f) / count);
    if (kind === "csv") {
      const name = basename(path, extname(path));
      const table = await loadCsvTable(path, { sheet: name, headerRow: request.headerRows.get(name.toLowerCase()) ?? null, locale: request.locale, onProgress: progress });
      sources.push({ name, file: path, label: basename(path), table });
      continue;
    }
    const read = request.keepWorkbook && count === 1 ? await readWholeWorkbook(path, request, notUsed) : await streamEachSheet(path, request, notUsed);
    sources.push(...read.sources);
    progress(1);
    if (count === 1) {
      workbook = read.workbook;
      setup = read.setup;
      channelMap = read.channelMap;
    }
  }
  const seen = new Map<string, LoadedSource>();
  for (const s of sources) {
    const earlier = seen.get(s.name.toLowerCase());
    if (earlier !== undefined) {
      workbook?.dispose();
      throw new InputError(`two sources are named "${s.name}" (${earlier.file} and ${s.file}); each source needs its own name: rename one file or sheet`);
    }
    seen.set(s.name.toLowerCase(), s);
  }
  return { sources, notUsed, workbook, setup, channelMap };
}

interface WorkbookRead {
  sources: LoadedSource[];
  workbook: Emulation | null;
  setup: ReadonlyMap<string, string>;
  channelMap: CellValue[][] | null;
}

function wantedSheets(path: string, all: readonly string[], request: LoadRequest): string[] {
  const candidates = dataSheetNames(all);
  if (request.sheets.length === 0) return candidates;
  return request.sheets.map((w) => {
    const found = all.find((n) => n.toLowerCase() === w.toLowerCase());
    if (found === undefined) throw new InputError(`${path} has no sheet named "${w}"; its sheets are ${candidates.map((n) => `"${n}"`).join(", ")}`);
    return found;
  });
}

/** Every sheet is tried when none was named: one that holds no table (or that cannot be read) is left out, and said. */
function leftOut(error: unknown, request: LoadRequest, path: string, sheet: string, notUsed: LoadedSources["notUsed"]): void {
  if (!(error instanceof InputError) || request.sheets.length > 0) throw error;
  notUsed.push({ file: path, sheet, reason: error.message.replace(`${path}: `, "") });
}

/** Without --out each sheet is streamed on its own, so one sheet past a spreadsheet's limits leaves the others readable. */
async function streamEachSheet(path: string, request: LoadRequest, notUsed: LoadedSources["notUsed"]): Promise<WorkbookRead> {
  let tabs: string[];
  try {
    tabs = [...(await worksheetParts(readFileSync(path))).values()];
  } catch (error) {
    throw new InputError(`${path} is not a spreadsheet funnel-kpis can read: it is not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  let setup: ReadonlyMap<string, string> = new Map();
  let emu: Emulation | null = null;
  const keepSetup = (found: Map<string, string>) => {
    setup = found;
    return { sheet: null, headerRow: null };
  };
  // A sheet of formulas is read through the emulation, which computes them as Sheets would.
  const tableOf = async (options: { sheet: string; headerRow: number | null; locale: LoadRequest["locale"] }) => {
    const streamed = await streamWorkbookTable(path, options, keepSetup);
    if (streamed.table !== null) return streamed.table;
    emu ??= await openWorkbook(path);
    return readWorkbookTable(emu, path, options);
  };
  try {
    const sources: LoadedSource[] = [];
    for (const name of wantedSheets(path, tabs, request)) {
      const options = { sheet: name, headerRow: request.headerRows.get(name.toLowerCase()) ?? null, locale: request.locale };
      try {
        sources.push({ name, file: path, label: name, table: readGridTable(await tableOf(options), path, options) });
      } catch (error) {
        leftOut(error, request, path, name, notUsed);
      }
    }
    let channelMap: CellValue[][] | null = null;
    if (tabs.includes(CHANNEL_MAP_SHEET_NAME)) {
      try {
        const map = await tableOf({ sheet: CHANNEL_MAP_SHEET_NAME, headerRow: 1, locale: null });
        channelMap = [map.headers, ...rowArrays(map.rows).map((r) => [...r])];
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // A Channel map with a header and no rows maps nothing.
        channelMap = [[...CHANNEL_MAP_HEADERS]];
      }
    }
    return { sources, workbook: null, setup, channelMap };
  } finally {
    (emu as Emulation | null)?.dispose();
  }
}

/** --out needs the whole workbook in the emulation; its sheets are read from there. */
async function readWholeWorkbook(path: string, request: LoadRequest, notUsed: LoadedSources["notUsed"]): Promise<WorkbookRead> {
  const emu = await openWorkbook(path);
  try {
    const all = emu.spreadsheet.getSheets().map((s) => s.getName());
    const sources: LoadedSource[] = [];
    for (const name of wantedSheets(path, all, request)) {
      const options = { sheet: name, headerRow: request.headerRows.get(name.toLowerCase()) ?? null, locale: request.locale };
      try {
        sources.push({ name, file: path, label: name, table: readGridTable(readWorkbookTable(emu, path, options), path, options) });
      } catch (error) {
        leftOut(error, request, path, name, notUsed);
      }
    }
    const mapSheet = emu.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME);
    return { sources, workbook: emu, setup: emu.properties.document, channelMap: mapSheet === null ? null : mapSheet.getDataRange().getValues() };
  } catch (error) {
    emu.dispose();
    throw error;
  }
}
