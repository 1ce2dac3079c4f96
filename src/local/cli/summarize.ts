// The summarize command: load the data sheet, settle the mapping, validate, compute the funnel report, optionally write the workbook.
import { existsSync, statSync } from "node:fs";
import { extname } from "node:path";
import { computeFunnelReport } from "../../kpi/funnel-report";
import { toFunnelSpec } from "../../server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../server/mapping/mapping-types";
import { validateMapping } from "../../server/mapping/validate-mapping";
import type { Emulation } from "../emulation";
import type { SummarizeOptions } from "./args";
import { detectMapping, mappingFromFile, readMappingFile, saveMappingFile, type MappingChoice } from "./choose-mapping";
import { InputError } from "./cli-errors";
import type { DataTable, LoadOptions } from "./data-table";
import { type HeadlinePeriod, headlinePeriod } from "./headline-period";
import { loadCsvTable } from "./load-csv";
import { openWorkbook, readWorkbookTable } from "./load-xlsx";
import type { ProgressBar } from "./progress-bar";
import type { SummaryRun } from "./summary-run";
import { textTable } from "./text-table";

type FileKind = "csv" | "xlsx";

function fileKind(path: string): FileKind {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  if (!statSync(path).isFile()) throw new InputError(`${path} is not a file`);
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".txt") return "csv";
  throw new InputError(`${path} is not a spreadsheet funnel-kpis can read: expected an .xlsx workbook or a .csv file, got "${ext || "no extension"}"`);
}

interface Loaded {
  table: DataTable;
  /** The workbook behind an .xlsx file, kept for --out. */
  workbook: Emulation | null;
}

async function load(path: string, kind: FileKind, options: LoadOptions): Promise<Loaded> {
  if (kind === "csv") return { table: await loadCsvTable(path, options), workbook: null };
  const workbook = await openWorkbook(path);
  return { table: readWorkbookTable(workbook, path, options), workbook };
}

function mappingProblem(choice: MappingChoice, errors: readonly { message: string }[]): InputError {
  const list = errors.map((e) => `  - ${e.message}`).join("\n");
  const why =
    choice.source === "detected"
      ? `\n\nWhat auto-detect found:\n${textTable(
          [{ title: "Field", align: "left" }, { title: "Column", align: "left" }, { title: "Why", align: "left" }],
          choice.lines.map((l) => [l.field, l.column ?? "-", l.reason]),
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
}

export interface SummarizeHooks {
  progress: ProgressBar;
  /** Writes the KPI Summary workbook for --out; null until the summary generator is available. */
  writeOut: ((args: OutArgs) => Promise<void>) | null;
}

export async function summarize(options: SummarizeOptions, hooks: SummarizeHooks): Promise<SummaryRun> {
  const kind = fileKind(options.file);
  const fromFile = options.mapping === null ? null : readMappingFile(options.mapping);
  const { table, workbook } = await load(options.file, kind, {
    sheet: options.sheet ?? (kind === "xlsx" ? (fromFile?.sheetName ?? null) : null),
    headerRow: fromFile?.headerRow ?? null,
    onProgress: (f) => hooks.progress.update(f),
  });
  hooks.progress.finish();
  const choice = fromFile === null || options.mapping === null ? detectMapping(table) : mappingFromFile(fromFile, options.mapping);
  if (options.saveMapping !== null) saveMappingFile(choice.mapping, options.saveMapping);
  const validation = validateMapping(choice.mapping, table.headers, table.rows);
  if (!validation.ok) throw mappingProblem(choice, validation.errors);
  const period = headlinePeriod(options.from, options.to, choice.mapping, table.rows);
  const report = computeFunnelReport(toFunnelSpec(choice.mapping), table.rows, period === null ? {} : { period });
  if (options.out !== null) {
    if (hooks.writeOut === null) throw new InputError("--out needs the summary sheet generator, which this version does not have yet");
    await hooks.writeOut({ path: options.out, source: options.file, workbook, table, mapping: choice.mapping, period });
  }
  return {
    file: options.file,
    sheetName: table.sheetName,
    headerRow: table.headerRow,
    choice,
    warnings: validation.warnings,
    report,
    out: options.out,
  };
}
