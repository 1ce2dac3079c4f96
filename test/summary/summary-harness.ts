// Test helper: an emulated workbook with the add-on's server code installed, and readers for the summary's numbers.
import { createEmulation, type Emulation, installAppsScriptGlobals } from "../../src/local/emulation";
import type { CellValue } from "../../src/kpi/cells";
import type { KpiValue } from "../../src/kpi/funnel-report";
import type { SheetApi, WritableValue } from "../../src/server/apps-script-api";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";

export interface Harness {
  emu: Emulation;
  summary(): SheetApi;
  /** A cell as the engine evaluated it. */
  value(row: number, column: number): unknown;
  done(): void;
}

export function harness(sheets: Record<string, CellValue[][]>): Harness {
  const emu = createEmulation({ sheets: sheets as Record<string, WritableValue[][]> });
  const uninstall = installAppsScriptGlobals(emu);
  const summary = (): SheetApi => {
    const sheet = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME);
    if (!sheet) throw new Error("no summary sheet");
    return sheet;
  };
  return {
    emu,
    summary,
    value: (row, column) => summary().getRange(row, column).getValue(),
    done: uninstall,
  };
}

/** A sheet cell matches a report value: the same number, or "n/a" where the report says why it is undefined. */
export function matchesKpi(cell: unknown, expected: KpiValue | number | null): boolean {
  if (expected === null) return cell === "n/a";
  const value = typeof expected === "number" ? expected : expected.value;
  if (value === null) return cell === "n/a";
  return typeof cell === "number" && Math.abs(cell - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** Everything a user could see or lose on a sheet: values, formulas, formats and notes. */
export function snapshotSheet(sheet: SheetApi): string {
  const range = sheet.getDataRange();
  return JSON.stringify([range.getValues(), range.getFormulas(), range.getNumberFormats(), range.getNotes()]);
}
