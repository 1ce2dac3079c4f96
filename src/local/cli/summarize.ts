// The summarize command: load the data sheet, settle the mapping, validate, compute the funnel report, optionally write the workbook.
import { computeFunnelReport } from "../../kpi/funnel-report";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import { MAPPING_KEY } from "../../server/mapping-store";
import { parseMapping } from "../../server/mapping/mapping-store-format";
import type { FunnelMapping } from "../../server/mapping/mapping-types";
import { validateMapping } from "../../server/mapping/validate-mapping";
import type { Emulation } from "../emulation";
import type { SummarizeOptions } from "./args";
import { detectMapping, mappingFromFile, readMappingFile, type MappingChoice } from "./choose-mapping";
import { InputError } from "./cli-errors";
import type { DataTable, LoadOptions } from "./data-table";
import { type HeadlinePeriod, headlinePeriod } from "./headline-period";
import { loadCsvTable } from "./load-csv";
import { readGridTable } from "./grid-table";
import { checkOutputs, writeMappingFile } from "./output-files";
import { readingLocale } from "../../reading/locale";
import type { ProgressBar } from "./progress-bar";
import type { SummaryRun } from "./summary-run";
import { textTable } from "./text-table";
import { routeOf } from "./sources-route";
import { fileKind, type FileKind } from "./file-kind";
import type { SourcesRun } from "./sources-run";


interface Loaded {
  table: DataTable;
  /** The workbook behind an .xlsx file, kept for --out. */
  workbook: Emulation | null;
  /** The mapping saved in the workbook's setup, when it is the one this run uses. */
  saved: FunnelMapping | null;
}

/** The mapping a workbook's setup sheet carries, when it can be read and it is for the sheet asked for. */
function savedMappingOf(setup: ReadonlyMap<string, string>, sheet: string | null): FunnelMapping | null {
  const raw = setup.get(MAPPING_KEY);
  if (raw === undefined) return null;
  const parsed = parseMapping(raw);
  if (!parsed.ok) return null;
  return sheet === null || sheet.toLowerCase() === parsed.mapping.sheetName.toLowerCase() ? parsed.mapping : null;
}

/**
 * Reads the data table. A mapping file names the sheet and header row; without one, a workbook's saved setup
 * does (the mapping the add-on, the preview or an earlier --out stored in it). Without --out an .xlsx is
 * streamed, only its data and setup sheets unpacked; --out needs the whole workbook in the emulation.
 */
async function load(path: string, kind: FileKind, options: LoadOptions, fromFile: FunnelMapping | null, out: boolean): Promise<Loaded> {
  const withMapping = (m: FunnelMapping | null): LoadOptions => ({
    ...options,
    sheet: options.sheet ?? m?.sheetName ?? null,
    headerRow: options.headerRow ?? m?.headerRow ?? null,
  });
  // A CSV holds one table: a mapping's sheet name is where it came from, not a choice.
  if (kind === "csv") return { table: await loadCsvTable(path, { ...options, headerRow: options.headerRow ?? fromFile?.headerRow ?? null }), workbook: null, saved: null };
  // Loaded only for a workbook: exceljs and the emulation take longer to load than a large CSV takes to read.
  const { openWorkbook, readWorkbookTable, streamWorkbookTable } = await import("./load-xlsx");
  if (!out) {
    let saved: FunnelMapping | null = null;
    const streamed = await streamWorkbookTable(path, withMapping(fromFile), (setup) => {
      saved = fromFile === null ? savedMappingOf(setup, options.sheet) : null;
      const m = fromFile ?? saved;
      return { sheet: m?.sheetName ?? null, headerRow: m?.headerRow ?? null };
    });
    if (streamed.table !== null) return { table: readGridTable(streamed.table, path, withMapping(fromFile ?? saved)), workbook: null, saved };
  }
  const workbook = await openWorkbook(path);
  try {
    const saved = fromFile === null ? savedMappingOf(workbook.properties.document, options.sheet) : null;
    const chosen = withMapping(fromFile ?? saved);
    const table = readGridTable(readWorkbookTable(workbook, path, chosen), path, chosen);
    if (!out) workbook.dispose();
    return { table, workbook: out ? workbook : null, saved };
  } catch (error) {
    workbook.dispose();
    throw error;
  }
}

/** The saved setup when it still fits the data; otherwise detection, with a line saying why the saved one was not used. */
function chooseFromSaved(saved: FunnelMapping, table: DataTable, file: string): MappingChoice {
  const validation = validateMapping(saved, table.headers, table.rows);
  if (validation.ok) return mappingFromFile(saved, `the setup saved in ${file}`);
  const detected = detectMapping(table);
  const why = validation.errors[0]?.message ?? "it does not fit";
  return { ...detected, lines: [{ field: "Setup", column: null, reason: `the setup saved in ${file} no longer fits this sheet (${why}); detected afresh` }, ...detected.lines] };
}

/** Past this many, the unused columns of a very wide sheet are counted rather than listed. */
const UNUSED_LISTED = 20;

function detectionLines(choice: MappingChoice): string[][] {
  const unused = choice.lines.filter((l) => l.field === "(unused)");
  const shown = choice.lines.filter((l) => l.field !== "(unused)").concat(unused.slice(0, UNUSED_LISTED));
  const rows = shown.map((l) => [l.field, l.column ?? "-", l.reason]);
  if (unused.length > UNUSED_LISTED) rows.push(["(unused)", "-", `and ${unused.length - UNUSED_LISTED} more columns`]);
  return rows;
}

function mappingProblem(choice: MappingChoice, errors: readonly { message: string }[]): InputError {
  const list = errors.map((e) => `  - ${e.message}`).join("\n");
  const why =
    choice.source === "detected"
      ? `\n\nWhat auto-detect found:\n${textTable(
          [{ title: "Field", align: "left" }, { title: "Column", align: "left" }, { title: "Why", align: "left" }],
          detectionLines(choice),
        )}\n\nSave it with --save-mapping FILE, fix the file and pass it with --mapping FILE.`
      : "";
  return new InputError(`the mapping does not fit the data in this file:\n${list}${why}`);
}

export interface OutArgs {
  path: string;
  /** The input file, re-read as a workbook for a CSV. */
  source: string;
  /** The loaded .xlsx, or null for a CSV. */
  workbook: Emulation | null;
  table: DataTable;
  mapping: FunnelMapping;
  /** The headline period the report used. */
  period: HeadlinePeriod | null;
  /** For the writing steps' own bars. */
  progress: ProgressBar;
}

export interface WrittenOut {
  /** Kinds of content of the input workbook the copy could not keep ("charts", "pivot tables"). */
  notKept: readonly string[];
  /** What the user should know about the file written (a data sheet left out), or null. */
  note: string | null;
}

export interface SummarizeHooks {
  progress: ProgressBar;
  /** Writes the KPI Summary workbook for --out; null until the summary generator is available. */
  writeOut: ((args: OutArgs) => Promise<WrittenOut>) | null;
}

/** One sheet as before sources existed, or several sources joined by channel and period. */
export async function summarize(options: SummarizeOptions, hooks: SummarizeHooks): Promise<SummaryRun | SourcesRun> {
  // Before anything is read: a mistyped output fails at once, whichever way the files are read.
  checkOutputs(options);
  const plan = await routeOf(options);
  if (plan !== null) {
    // Loaded only for several sources: a one-sheet run needs neither the workbook reader nor the summary generator.
    const { summarizeSources } = await import("./summarize-sources");
    const run = await summarizeSources(options, hooks, plan);
    if (run !== null) return run;
  }
  return summarizeSheet(options, hooks);
}

async function summarizeSheet(options: SummarizeOptions, hooks: SummarizeHooks): Promise<SummaryRun> {
  const kind = fileKind(options.file);
  checkOutputs(options);
  const fromFile = options.mapping === null ? null : readMappingFile(options.mapping);
  const { table, workbook, saved } = await load(options.file, kind, {
    sheet: options.sheet,
    headerRow: options.headerRow,
    locale: options.locale === null ? null : readingLocale(options.locale, "--locale"),
    onProgress: (f) => hooks.progress.update(f),
  }, fromFile, options.out !== null);
  hooks.progress.finish();
  const choice = fromFile !== null && options.mapping !== null
    ? mappingFromFile(fromFile, options.mapping)
    : saved !== null ? chooseFromSaved(saved, table, options.file) : detectMapping(table);
  if (options.saveMapping !== null) writeMappingFile(choice.mapping, options.saveMapping);
  const validation = validateMapping(choice.mapping, table.headers, table.rows);
  if (!validation.ok) throw mappingProblem(choice, validation.errors);
  const period = headlinePeriod(options.from, options.to, choice.mapping, table.rows);
  const report = computeFunnelReport(toFunnelSpec(choice.mapping), table.rows, period === null ? {} : { period });
  let written: WrittenOut = { notKept: [], note: null };
  if (options.out !== null) {
    if (hooks.writeOut === null) throw new InputError("--out needs the summary sheet generator, which this version does not have yet");
    written = await hooks.writeOut({ path: options.out, source: options.file, workbook, table, mapping: choice.mapping, period, progress: hooks.progress });
  }
  return {
    file: options.file,
    sheetName: table.sheetName,
    headerRow: table.headerRow,
    reading: table.reading ?? null,
    choice,
    warnings: validation.warnings,
    report,
    out: options.out,
    outNotKept: written.notKept,
    outNote: written.note,
  };
}
