// Test helper: an emulated workbook with the add-on's server code installed, and readers for the summary's numbers by its layout.
import { createEmulation, type Emulation, installAppsScriptGlobals } from "../../src/local/emulation";
import type { CellValue } from "../../src/kpi/cells";
import type { KpiValue } from "../../src/kpi/funnel-report";
import { OPEN_WINDOW } from "../../src/kpi/funnel/cohort-report";
import { PREVIOUS_EMPTY } from "../../src/kpi/funnel/headline";
import type { PeriodPreset } from "../../src/kpi/definitions/periods";
import type { SheetApi, WritableValue } from "../../src/server/apps-script-api";
import type { CellRef } from "../../src/server/summary/block";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import type { SummaryLayout } from "../../src/server/summary/summary-layout";

export interface Harness {
  emu: Emulation;
  summary(): SheetApi;
  /** A cell as the engine evaluated it. */
  value(row: number, column: number): unknown;
  at(cell: CellRef): unknown;
  /** Picks a period the way a user does: the preset in its dropdown cell, custom dates in theirs. */
  choosePeriod(layout: SummaryLayout, preset: PeriodPreset | string, start?: WritableValue, end?: WritableValue): void;
  done(): void;
}

export function harness(sheets: Record<string, CellValue[][]>, options: { timeZone?: string } = {}): Harness {
  const emu = createEmulation({ sheets: sheets as Record<string, WritableValue[][]>, timeZone: options.timeZone });
  const uninstall = installAppsScriptGlobals(emu);
  const summary = (): SheetApi => {
    const sheet = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    if (!sheet) throw new Error("no summary sheet");
    return sheet;
  };
  const value = (row: number, column: number): unknown => summary().getRange(row, column).getValue();
  return {
    emu,
    summary,
    value,
    at: (cell) => value(cell.row, cell.column),
    choosePeriod(layout, preset, start = "", end = "") {
      const sheet = summary();
      const { preset: p, customStart, customEnd } = layout.period;
      sheet.getRange(p.row, p.column).setValue(preset);
      sheet.getRange(customStart.row, customStart.column).setValue(start ?? "");
      sheet.getRange(customEnd.row, customEnd.column).setValue(end ?? "");
    },
    done: uninstall,
  };
}

/** What a cell shows for an undefined KPI: the sheet's words for the two reasons it spells out, n/a for the rest. */
export function shownReason(reason: string): string {
  if (reason === PREVIOUS_EMPTY) return PREVIOUS_EMPTY;
  if (reason.startsWith(OPEN_WINDOW)) return OPEN_WINDOW;
  return "n/a";
}

/** A sheet cell matches a report value: the same number, or the text the sheet shows where the report says why it is undefined. */
export function matchesKpi(cell: unknown, expected: KpiValue | number | null): boolean {
  if (expected === null) return cell === "n/a";
  const value = typeof expected === "number" ? expected : expected.value;
  if (value === null) return cell === shownReason((expected as { reason: string }).reason);
  return typeof cell === "number" && Math.abs(cell - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** Everything a user could see or lose on a sheet: values, formulas, formats and notes. */
export function snapshotSheet(sheet: SheetApi): string {
  const range = sheet.getDataRange();
  return JSON.stringify([range.getValues(), range.getFormulas(), range.getNumberFormats(), range.getNotes()]);
}
