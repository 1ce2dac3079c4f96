// What the add-on keeps in a document that an .xlsx cannot hold (document properties, embedded charts), saved beside the workbook.
import { writeAtomically } from "../write-atomically";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Emulation } from "../emulation";
import type { Box } from "../emulation/a1";

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

/** `data/demo.xlsx` → `data/.demo.xlsx.addon.json`: hidden, and removed or replaced with the workbook's own name. */
export function addonStatePath(workbookPath: string): string {
  return join(dirname(workbookPath), `.${basename(workbookPath)}.addon.json`);
}

export function saveAddonState(emu: Emulation, workbookPath: string): void {
  const state: SavedState = {
    version: VERSION,
    documentProperties: Object.fromEntries(emu.properties.document),
    charts: emu.workbook.sheets.flatMap((sheet) =>
      sheet.charts.map((c) => ({
        sheet: sheet.name,
        chartType: c.chartType,
        ranges: c.ranges.map((r) => ({ sheet: r.sheet.name, box: r.box })),
        anchorRow: c.anchorRow,
        anchorColumn: c.anchorColumn,
        offsetX: c.offsetX,
        offsetY: c.offsetY,
        options: c.options,
        numHeaders: c.numHeaders,
      })),
    ),
  };
  const path = addonStatePath(workbookPath);
  writeAtomically(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** Restores what the last preview session saved; a state file from another version or a damaged one is ignored. */
export function loadAddonState(emu: Emulation, workbookPath: string): boolean {
  const path = addonStatePath(workbookPath);
  if (!existsSync(path)) return false;
  let state: SavedState;
  try {
    state = JSON.parse(readFileSync(path, "utf8")) as SavedState;
  } catch {
    rmSync(path, { force: true });
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
