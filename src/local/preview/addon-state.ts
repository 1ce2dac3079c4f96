// The preview's old side file `.NAME.xlsx.addon.json`: read once into a workbook saved before the setup sheet existed, then removed.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Emulation } from "../emulation";
import type { Box } from "../emulation/a1";

/**
 * The workbook itself now carries the document properties and the charts (its hidden "Funnel KPIs setup"
 * sheet); this file only lets a workbook last saved by an older preview open with its setup.
 */
const VERSION = 1;

interface SavedChart {
  sheet: string;
  chartType: string | null;
  ranges: { sheet: string; box: Box }[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  numHeaders: number;
}

interface SavedState {
  version: number;
  documentProperties: Record<string, string>;
  charts: SavedChart[];
}

/** `data/demo.xlsx` → `data/.demo.xlsx.addon.json`. */
export function addonStatePath(workbookPath: string): string {
  return join(dirname(workbookPath), `.${basename(workbookPath)}.addon.json`);
}

function hasSetup(emu: Emulation): boolean {
  return emu.properties.document.size > 0 || emu.workbook.sheets.some((s) => s.charts.length > 0);
}

/** Restores an old side file's state into a workbook that has none of its own; a damaged or other-version file is ignored. */
export function migrateLegacyAddonState(emu: Emulation, workbookPath: string): boolean {
  const path = addonStatePath(workbookPath);
  if (!existsSync(path) || hasSetup(emu)) return false;
  let state: SavedState;
  try {
    state = JSON.parse(readFileSync(path, "utf8")) as SavedState;
  } catch {
    return false;
  }
  if (state.version !== VERSION) return false;
  for (const [key, value] of Object.entries(state.documentProperties ?? {})) {
    if (typeof value === "string") emu.properties.document.set(key, value);
  }
  for (const chart of state.charts ?? []) {
    const home = emu.workbook.sheetByName(chart.sheet);
    const ranges = chart.ranges.flatMap((r) => {
      const sheet = emu.workbook.sheetByName(r.sheet);
      return sheet === undefined ? [] : [{ sheet, box: r.box }];
    });
    // A chart whose sheet was deleted outside the preview goes with it.
    if (home === undefined || ranges.length !== chart.ranges.length) continue;
    home.charts.push({ ...chart, chartId: emu.workbook.nextChartId++, ranges });
  }
  return true;
}

/** Once the workbook has been saved with its setup sheet, the side file only risks going stale. */
export function removeLegacyAddonState(workbookPath: string): void {
  rmSync(addonStatePath(workbookPath), { force: true });
}
