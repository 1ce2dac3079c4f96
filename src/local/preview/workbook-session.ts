// One open workbook in the preview: the emulation with the add-on's globals, one execution at a time, saved back to its .xlsx.
import type { SheetValue } from "../../server/apps-script-api";
import { cellA1, quoteSheetName } from "../emulation/a1";
import { type Emulation, loadXlsx, saveXlsx } from "../emulation";
import type { HtmlShownRecord, MenuRecord } from "../emulation/recorder";
import { chartData, type RangeCells } from "./chart-data";
import { chartSvg } from "./chart-svg";
import { dispatchServerCall } from "../sidebar-host";
import { migrateLegacyAddonState, removeLegacyAddonState } from "./addon-state";

export interface SheetTab {
  name: string;
  rows: number;
  columns: number;
}

export interface GridPage {
  sheet: string;
  startRow: number;
  rows: number;
  columns: number;
  display: string[][];
  formulas: string[][];
  /** "B7" → the message behind an error shown in that cell. */
  errors: Record<string, string>;
}

export interface ChartView {
  title: string;
  kind: string;
  anchorRow: number;
  anchorColumn: number;
  svg: string;
}

/** A sidebar or dialog the run asked to show; its HTML is served at /shown/<index>. */
export interface ShownView {
  index: number;
  kind: HtmlShownRecord["kind"];
  title: string;
  width: number;
  height: number;
}

/** The sidebar host's outcome of one call, plus what it asked to show. */
export type RunResult = ({ ok: true; value: unknown } | { ok: false; message: string }) & {
  shown: ShownView[];
  /** Toasts and alerts the run raised, as text for the page's status line and dialog. */
  toasts: string[];
  alerts: string[];
};

/** Columns shown past the last filled one, so there is room to type. */
const SPARE_COLUMNS = 3;
const MIN_COLUMNS = 12;
const MIN_ROWS = 50;

export class WorkbookSession {
  private queue: Promise<unknown> = Promise.resolve();
  private savePending = false;
  lastSaveError: string | null = null;
  private constructor(readonly emu: Emulation, readonly path: string) {}

  static async open(path: string, htmlDir: string): Promise<WorkbookSession> {
    const emu = await loadXlsx(path, { htmlDir, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    migrateLegacyAddonState(emu, path);
    const session = new WorkbookSession(emu, path);
    // Sheets runs onOpen when the document opens; it builds the add-on menu and writes nothing worth a save.
    await session.run("onOpen", [{ authMode: "LIMITED" }], false);
    return session;
  }

  /** Apps Script runs one execution at a time per user; so does the preview, reads included. */
  serial<T>(task: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The sheets, and the one the add-on last made active (openSummarySheet does), for the page to follow. */
  tabs(): Promise<{ tabs: SheetTab[]; active: string }> {
    return this.serial(() => ({
      tabs: this.emu.spreadsheet.getSheets().map((s) => ({ name: s.getName(), rows: Math.max(s.getLastRow(), MIN_ROWS), columns: Math.max(s.getLastColumn() + SPARE_COLUMNS, MIN_COLUMNS) })),
      active: this.emu.spreadsheet.getActiveSheet().getName(),
    }));
  }

  page(sheetName: string, startRow: number, count: number): Promise<GridPage> {
    return this.serial(() => {
      const sheet = this.emu.spreadsheet.getSheetByName(sheetName);
      if (sheet === null) throw new Error(`no sheet named "${sheetName}"`);
      const columns = Math.min(Math.max(sheet.getLastColumn() + SPARE_COLUMNS, MIN_COLUMNS), sheet.getMaxColumns());
      const first = Math.max(1, startRow);
      const rows = Math.max(0, Math.min(count, sheet.getMaxRows() - first + 1));
      if (rows === 0) return { sheet: sheetName, startRow: first, rows, columns, display: [], formulas: [], errors: {} };
      const range = sheet.getRange(first, 1, rows, columns);
      const display = range.getDisplayValues();
      const formulas = range.getFormulas();
      const errors: Record<string, string> = {};
      display.forEach((line, r) =>
        line.forEach((text, c) => {
          if (!text.startsWith("#") || formulas[r][c] === "") return;
          const a1 = cellA1(first + r, c + 1);
          const message = this.emu.errorMessage(`${quoteSheetName(sheetName)}!${a1}`);
          if (message) errors[a1] = message;
        }),
      );
      return { sheet: sheetName, startRow: first, rows, columns, display, formulas, errors };
    });
  }

  /** Types into a cell as a user would: "=..." is a formula, numbers and ISO dates parse, anything else is text. */
  setCell(sheetName: string, row: number, column: number, input: string): Promise<void> {
    return this.serial(() => {
      const sheet = this.emu.spreadsheet.getSheetByName(sheetName);
      if (sheet === null) throw new Error(`no sheet named "${sheetName}"`);
      if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
      sheet.getRange(row, column).setValue(input === "" ? null : input);
      this.scheduleSave();
    });
  }

  /** One google.script.run call or menu click: one execution of the real server function, through the sidebar host's dispatcher. */
  run(fn: string, args: readonly unknown[], save = true): Promise<RunResult> {
    return this.serial(() => {
      const { recorder } = this.emu;
      const [shownBefore, toastsBefore, alertsBefore] = [recorder.shown.length, recorder.toasts.length, recorder.alerts.length];
      const outcome = dispatchServerCall(this.emu, fn, JSON.stringify(args));
      const shown = this.emu.recorder.shown
        .slice(shownBefore)
        .map((r, i): ShownView => ({ index: shownBefore + i, kind: r.kind, title: r.title, width: r.width, height: r.height }));
      const toasts = recorder.toasts.slice(toastsBefore).map((t) => (t.title ? `${t.title}: ${t.message}` : t.message));
      const alerts = recorder.alerts.slice(alertsBefore).map((a) => (a.title ? `${a.title}: ${a.prompt}` : a.prompt));
      if (save) this.scheduleSave();
      return { ...outcome, shown, toasts, alerts };
    });
  }

  shownHtml(index: number): string | null {
    return this.emu.recorder.shown[index]?.content ?? null;
  }

  menus(): MenuRecord[] {
    return this.emu.recorder.menus;
  }

  charts(sheetName: string): Promise<ChartView[]> {
    return this.serial(() => {
      const model = this.emu.workbook.sheetByName(sheetName);
      if (model === undefined) return [];
      const views: ChartView[] = [];
      for (const record of model.charts) {
        const cells: RangeCells[] = record.ranges.map(({ sheet, box }) => ({
          display: this.emu.workbook.readDisplayValues(sheet, box),
          values: this.emu.workbook.readValues(sheet, box).map((row: SheetValue[]) => row.map((v) => (v instanceof Date ? v.getTime() : v))),
        }));
        const data = chartData(record, cells);
        if (data === null) continue;
        views.push({ title: data.title, kind: data.kind, anchorRow: record.anchorRow, anchorColumn: record.anchorColumn, svg: chartSvg(data) });
      }
      return views;
    });
  }

  /**
   * Saves after the reply has gone out, in the queue so no execution sees a half-saved state;
   * a burst of edits is written once.
   */
  private scheduleSave(): void {
    if (this.savePending) return;
    this.savePending = true;
    this.serial(async () => {
      this.savePending = false;
      await saveXlsx(this.emu, this.path);
      removeLegacyAddonState(this.path);
    }).catch((error: unknown) => {
      this.lastSaveError = error instanceof Error ? error.message : String(error);
      console.error(`preview: could not save ${this.path}: ${this.lastSaveError}`);
    });
  }

  /** Resolves once every queued execution and save is done. */
  flush(): Promise<void> {
    return this.serial(() => undefined);
  }

  close(): void {
    this.emu.dispose();
  }
}
