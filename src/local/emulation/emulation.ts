// An emulated Apps Script project bound to one spreadsheet: the services, the executions, the counters and recordings.
import { randomUUID } from "node:crypto";
import type { AppsScriptGlobals, SpreadsheetApi, WritableValue } from "../../server/apps-script-api";
import { parseA1 } from "./a1";
import { CallCounter } from "./call-counter";
import { CATALOGUE_TRANSLATIONS, CatalogueFunctionPlugin, SPILLING_FUNCTIONS } from "../formula-engine/catalogue-plugin";
import { createChartsService } from "./charts";
import type { EmulationContext, ExecutionInfo } from "./context";
import { createFormulaEngine, type FunctionPluginRegistration } from "./formula-engine";
import { HtmlServiceFacade } from "./html";
import { LockServiceFacade, LockTable } from "./lock";
import { PropertiesServiceFacade, PropertyStores } from "./properties";
import { Recorder } from "./recorder";
import { MANIFEST_SCOPES } from "./scopes";
import { SessionFacade } from "./session";
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type SheetModel, type UnmaterialisedValues } from "./sheet-model";
import { SpreadsheetFacade } from "./spreadsheet";
import { SpreadsheetAppFacade } from "./spreadsheet-app";
import { WorkbookModel } from "./workbook-model";

export interface EmulationOptions {
  /** Sheets to start with, in order, with their cell values (strings parse as typed: "=..." formulas, numbers, ISO dates). Default: one blank Sheet1. */
  sheets?: Record<string, WritableValue[][]>;
  name?: string;
  id?: string;
  /** The spreadsheet's zone: Dates are written and read in it. Defaults to the manifest's Etc/UTC. */
  timeZone?: string;
  scriptTimeZone?: string;
  /** The active user of executions that do not name one. */
  user?: string;
  /** The script owner (Session.getEffectiveUser). */
  owner?: string;
  /** Where createHtmlOutputFromFile reads; defaults to build/ as clasp pushes it. */
  htmlDir?: string;
  /** Custom functions to register in the formula engine; defaults to the KPI catalogue plugin, `[]` for none. */
  functionPlugins?: readonly FunctionPluginRegistration[];
  /** The formula engine's row limit (at least 1,100,000 by default). */
  maxRows?: number;
  /** The OAuth scopes granted; defaults to appsscript.json's, so the emulation allows no more than Sheets would. */
  oauthScopes?: readonly string[];
}

export interface ExecutionOptions {
  user?: string;
}

/** A started execution, for tests that interleave two of them. */
export interface ExecutionHandle {
  readonly info: ExecutionInfo;
  run<T>(fn: () => T): T;
  /** Ends the execution; its locks are released, as when an Apps Script run returns. */
  end(): void;
}

/** The project's custom functions, so emulated sheets compute =CAC(...) as Sheets does with the add-on. */
export const DEFAULT_FUNCTION_PLUGINS: readonly FunctionPluginRegistration[] = [
  { plugin: CatalogueFunctionPlugin, translations: CATALOGUE_TRANSLATIONS, spillingFunctions: SPILLING_FUNCTIONS },
];

export class Emulation {
  readonly calls = new CallCounter();
  readonly recorder = new Recorder();
  readonly properties = new PropertyStores();
  readonly locks = new LockTable();
  readonly workbook: WorkbookModel;
  readonly globals: AppsScriptGlobals;
  readonly context: EmulationContext;
  private readonly stack: ExecutionInfo[] = [];
  private readonly defaultExecution: ExecutionInfo;
  private nextExecutionId = 1;

  constructor(options: EmulationOptions = {}) {
    const engine = createFormulaEngine({ maxRows: options.maxRows, plugins: options.functionPlugins ?? DEFAULT_FUNCTION_PLUGINS });
    this.workbook = new WorkbookModel(engine, options.id ?? randomUUID(), options.name ?? "Emulated spreadsheet", options.timeZone ?? "Etc/UTC");
    this.defaultExecution = { id: 0, userEmail: options.user ?? "user@example.com", ended: false };
    const emulation = this;
    this.context = {
      calls: this.calls,
      workbook: this.workbook,
      recorder: this.recorder,
      currentExecution: () => emulation.currentExecution(),
      effectiveUserEmail: options.owner ?? options.user ?? "user@example.com",
      scopes: new Set(options.oauthScopes ?? MANIFEST_SCOPES),
      scriptTimeZone: options.scriptTimeZone ?? "Etc/UTC",
      htmlDir: options.htmlDir ?? "build",
    };
    this.globals = {
      SpreadsheetApp: new SpreadsheetAppFacade(this.context),
      PropertiesService: new PropertiesServiceFacade(this.context, this.properties),
      LockService: new LockServiceFacade(this.context, this.locks),
      HtmlService: new HtmlServiceFacade(this.context),
      Session: new SessionFacade(this.context),
      Charts: createChartsService(),
    };
    // No `sheets` gives a new spreadsheet's one blank Sheet1; `{}` gives none, for loaders that add their own.
    for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) this.loadSheet(name, rows);
  }

  /** The bound spreadsheet, as SpreadsheetApp.getActiveSpreadsheet() returns it (calls on it are counted). */
  get spreadsheet(): SpreadsheetApi {
    return new SpreadsheetFacade(this.context);
  }

  /**
   * Adds a sheet with the given rows, sized like an imported sheet (at least 1000 x 26),
   * without counting calls: test fixtures are not the add-on's round trips.
   */
  loadSheet(name: string, rows: WritableValue[][]): SheetModel {
    const sheet = this.workbook.insertSheet(name);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    sheet.maxRows = Math.max(DEFAULT_ROWS, rows.length);
    sheet.maxColumns = Math.max(DEFAULT_COLUMNS, width);
    if (rows.length > 0 && width > 0) {
      const square = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
      this.workbook.writeValues(sheet, { row: 1, column: 1, numRows: rows.length, numColumns: width }, square);
    }
    return sheet;
  }

  /**
   * Adds a sheet whose values stay outside the formula engine: the add-on's code reads them as from any sheet,
   * formulas referring to it see it empty. For a data sheet too large for the engine, when every formula that
   * reads it has its result from elsewhere.
   */
  loadUnmaterialisedSheet(name: string, values: UnmaterialisedValues): SheetModel {
    const sheet = this.workbook.insertSheet(name);
    // Exactly the data's size, as an imported CSV's sheet is: a million rows in 26 columns would pass Sheets' cell limit.
    sheet.maxRows = Math.max(1, values.rows);
    sheet.maxColumns = Math.max(1, values.columns);
    sheet.unmaterialised = values;
    return sheet;
  }

  sheetModel(name: string): SheetModel {
    const sheet = this.workbook.sheetByName(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  /** The message behind an error value at `Sheet!A1` (what Sheets shows on hover), for tests. */
  errorMessage(a1: string): string | undefined {
    const ref = parseA1(a1);
    if (!ref?.sheetName || ref.startRow === undefined || ref.startColumn === undefined) throw new Error(`expected Sheet!A1, got ${a1}`);
    return this.workbook.errorMessage(this.sheetModel(ref.sheetName), ref.startRow, ref.startColumn);
  }

  // ---- executions ----

  currentExecution(): ExecutionInfo {
    return this.stack[this.stack.length - 1] ?? this.defaultExecution;
  }

  startExecution(options: ExecutionOptions = {}): ExecutionHandle {
    const info: ExecutionInfo = { id: this.nextExecutionId++, userEmail: options.user ?? this.defaultExecution.userEmail, ended: false };
    const run = <T>(fn: () => T): T => {
      if (info.ended) throw new Error(`execution ${info.id} has ended`);
      this.stack.push(info);
      try {
        return fn();
      } finally {
        this.stack.pop();
      }
    };
    const end = () => {
      info.ended = true;
      this.locks.releaseAll(info);
    };
    return { info, run, end };
  }

  /** Runs `fn` as one Apps Script execution (one menu click, one google.script.run call). */
  runExecution<T>(fn: () => T, options: ExecutionOptions = {}): T {
    const execution = this.startExecution(options);
    try {
      return execution.run(fn);
    } finally {
      execution.end();
    }
  }

  // ---- engine ----

  /**
   * For structure-only tests and benchmarks: formulas written from now on are kept but not computed
   * (they read as blank; getFormulas shows them) until resumeEvaluation, while data reads as usual.
   */
  suspendEvaluation(): void {
    this.workbook.deferFormulas();
  }

  resumeEvaluation(): void {
    this.workbook.resumeFormulas();
  }

  /** Resumes with the results some held-back formulas already have (see WorkbookModel.resumeFormulasWith). */
  resumeEvaluationWith(known: (sheetName: string, row: number, column: number) => number | string | boolean | undefined): void {
    this.workbook.resumeFormulasWith((sheet, row, column) => known(sheet.name, row, column));
  }

  get evaluationSuspended(): boolean {
    return this.workbook.formulasDeferred;
  }

  dispose(): void {
    this.workbook.engine.destroy();
  }
}

export function createEmulation(options: EmulationOptions = {}): Emulation {
  return new Emulation(options);
}
