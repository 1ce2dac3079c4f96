// One open workbook in the preview: the emulation with the add-on's globals, one execution at a time, saved back to its .xlsx.
import type { SheetValue } from "../../server/apps-script-api";
import { cellA1 } from "../emulation/a1";
import { type Emulation, loadXlsx, saveXlsx } from "../emulation";
import { AUTOMATIC_FORMAT } from "../emulation/number-format";
import type { HtmlShownRecord, MenuRecord } from "../emulation/recorder";
import type { SheetModel } from "../emulation/sheet-model";
import { chartView, type ChartView, type RangeCells } from "./chart-data";
import { gridPage, sheetView, type GridPage, type SheetView } from "./grid-view";
import { dispatchServerCall } from "../sidebar-host";
import { migrateLegacyAddonState, removeLegacyAddonState } from "./addon-state";
import { LimitError, SHEETS_MAX_CELLS, SHEETS_MAX_COLUMNS } from "./sheets-limits";

export type { CellView, GridPage, SheetView } from "./grid-view";
export type { ChartView } from "./chart-data";

export interface SheetTab {
  name: string;
}

/** A sheet's layout and the charts on it: what the page needs before it asks for cells. */
export interface SheetLayout extends SheetView {
  charts: ChartView[];
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
  /** The active sheet after the run: the page follows it, as Sheets shows the sheet a script activates. */
  active: string;
};

/** Columns one page of the grid may hold; a wide sheet is read in tiles. */
const MAX_PAGE_COLUMNS = 100;

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

  private sheet(name: string): SheetModel {
    const sheet = this.emu.workbook.sheetByName(name);
    if (sheet === undefined) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  /** The visible sheets (Sheets shows no tab for a hidden one), and the one the add-on last made active, for the page to follow. */
  tabs(): Promise<{ tabs: SheetTab[]; active: string }> {
    return this.serial(() => ({
      tabs: this.emu.workbook.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name })),
      active: this.emu.spreadsheet.getActiveSheet().getName(),
    }));
  }

  sheetView(sheetName: string): Promise<SheetLayout> {
    return this.serial(() => {
      const sheet = this.sheet(sheetName);
      return { ...sheetView(sheet), charts: this.chartsOf(sheet) };
    });
  }

  /** Rows `startRow`.. and columns `startColumn`.. of the grid, clipped to the sheet. */
  page(sheetName: string, startRow: number, count: number, startColumn = 1, columnCount = MAX_PAGE_COLUMNS): Promise<GridPage> {
    return this.serial(() => {
      const sheet = this.sheet(sheetName);
      const rows = Math.max(0, Math.min(count, sheet.maxRows - startRow + 1));
      const columns = Math.max(0, Math.min(columnCount, MAX_PAGE_COLUMNS, sheet.maxColumns - startColumn + 1));
      if (rows === 0 || columns === 0) return { sheet: sheet.name, startRow, startColumn, rows: 0, columns: 0, cells: [] };
      return gridPage(this.emu.workbook, sheet, { row: startRow, column: startColumn, numRows: rows, numColumns: columns });
    });
  }

  /**
   * Types into a cell as a user would: "=..." is a formula, numbers and ISO dates parse, anything else is text.
   * As in Sheets, only a cell of the grid takes typing; nothing is grown, so nothing is allocated for a far-off coordinate.
   */
  setCell(sheetName: string, row: number, column: number, input: string): Promise<void> {
    return this.serial(() => {
      const sheet = this.emu.spreadsheet.getSheetByName(sheetName);
      if (sheet === null) throw new Error(`no sheet named "${sheetName}"`);
      const columns = Math.max(column, sheet.getMaxColumns());
      if (column > SHEETS_MAX_COLUMNS || row * columns > SHEETS_MAX_CELLS) {
        throw new LimitError(`${cellA1(Math.min(row, SHEETS_MAX_CELLS), Math.min(column, SHEETS_MAX_COLUMNS))}: past Google Sheets' limit of ${SHEETS_MAX_CELLS.toLocaleString("en-US")} cells and ${SHEETS_MAX_COLUMNS.toLocaleString("en-US")} columns`);
      }
      if (row > sheet.getMaxRows() || column > sheet.getMaxColumns()) {
        throw new Error(`${cellA1(row, column)} is outside "${sheetName}", which has ${sheet.getMaxRows()} rows and ${sheet.getMaxColumns()} columns`);
      }
      const rule = this.emu.workbook.sheetByName(sheetName)?.validations.get(row, column);
      if (rule?.criteria === "VALUE_IN_LIST" && !rule.allowInvalid && input !== "" && !input.startsWith("=")) {
        const options = Array.isArray(rule.values[0]) ? (rule.values[0] as unknown[]).map(String) : [];
        // As Sheets rejects typing outside a dropdown's list when the rule says so.
        if (!options.some((o) => o.toLowerCase() === input.trim().toLowerCase())) {
          throw new Error(`${cellA1(row, column)}: "${input}" is not one of the choices (${options.join(", ")})`);
        }
      }
      sheet.getRange(row, column).setValue(input === "" ? null : input);
      this.scheduleSave();
    });
  }

  /** The tab the user clicked becomes the active sheet, as in Sheets, so the add-on's getActiveSheet sees it. */
  activate(sheetName: string): Promise<{ active: string }> {
    return this.serial(() => {
      const sheet = this.emu.spreadsheet.getSheetByName(sheetName);
      if (sheet === null) throw new Error(`no sheet named "${sheetName}"`);
      this.emu.spreadsheet.setActiveSheet(sheet);
      return { active: sheet.getName() };
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
      return { ...outcome, shown, toasts, alerts, active: this.emu.spreadsheet.getActiveSheet().getName() };
    });
  }

  shownHtml(index: number): string | null {
    return this.emu.recorder.shown[index]?.content ?? null;
  }

  menus(): MenuRecord[] {
    return this.emu.recorder.menus;
  }

  /** Each embedded chart as the page draws it, read from the cells its ranges cover now. */
  private chartsOf(sheet: SheetModel): ChartView[] {
    const { workbook } = this.emu;
    return sheet.charts.map((record) => {
      const cells: RangeCells[] = record.ranges.map(({ sheet: source, box }) => ({
        display: workbook.readDisplayValues(source, box),
        values: workbook.readValues(source, box).map((row: SheetValue[]) => row.map((v) => (v instanceof Date ? null : v))),
        formats: workbook.readNumberFormats(source, box).map((row) => row.map((f) => (f === AUTOMATIC_FORMAT ? "" : f))),
      }));
      return chartView(record, cells);
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
