// The shared state every emulated service object reaches through: the workbook, the call counter, the recorder, the current execution.
import type { CallCounter } from "./call-counter";
import type { Recorder } from "./recorder";
import type { WorkbookModel } from "./workbook-model";

/** One run of server code, as Apps Script runs one function call; locks and the active user belong to it. */
export interface ExecutionInfo {
  readonly id: number;
  readonly userEmail: string;
  ended: boolean;
}

export interface EmulationContext {
  readonly calls: CallCounter;
  readonly workbook: WorkbookModel;
  readonly recorder: Recorder;
  /** The execution the current call belongs to. */
  currentExecution(): ExecutionInfo;
  readonly effectiveUserEmail: string;
  /** The OAuth scopes the project was granted: the manifest's unless a test says otherwise. */
  readonly scopes: ReadonlySet<string>;
  readonly scriptTimeZone: string;
  /** Folder read by HtmlService.createHtmlOutputFromFile. */
  readonly htmlDir: string;
}
