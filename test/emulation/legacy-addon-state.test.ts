// A workbook last saved by an older preview (its setup in `.NAME.xlsx.addon.json`) opens with that setup once; the file then carries it and the side file goes.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulation, loadXlsx, saveXlsx } from "../../src/local/emulation";
import { addonStatePath, migrateLegacyAddonState, removeLegacyAddonState } from "../../src/local/preview/addon-state";
import { MAPPING_KEY } from "../../src/server/mapping-store";

describe("the preview's old side file", () => {
  it("is read into a workbook without a setup of its own, then the workbook carries the setup", async () => {
    const dir = mkdtempSync(join(tmpdir(), "legacy-"));
    const path = join(dir, "book.xlsx");
    const emu = createEmulation({ sheets: { Data: [["Date", "Sessions"], ["2025-01-01", 3]], "KPI Summary": [["KPI Summary"]] } });
    await saveXlsx(emu, path);
    emu.dispose();
    writeFileSync(addonStatePath(path), JSON.stringify({
      version: 1,
      documentProperties: { [MAPPING_KEY]: '{"version":1}' },
      charts: [{ sheet: "KPI Summary", chartType: "BAR", ranges: [{ sheet: "Data", box: { row: 1, column: 1, numRows: 2, numColumns: 2 } }], anchorRow: 3, anchorColumn: 7, offsetX: 0, offsetY: 0, options: { title: "Funnel" }, numHeaders: 1 }],
    }));
    const opened = await loadXlsx(path);
    expect(migrateLegacyAddonState(opened, path)).toBe(true);
    expect(opened.properties.document.get(MAPPING_KEY)).toBe('{"version":1}');
    expect(opened.sheetModel("KPI Summary").charts.map((c) => c.options.title)).toEqual(["Funnel"]);
    await saveXlsx(opened, path);
    removeLegacyAddonState(path);
    opened.dispose();
    expect(existsSync(addonStatePath(path))).toBe(false);

    const again = await loadXlsx(path);
    expect(again.properties.document.get(MAPPING_KEY)).toBe('{"version":1}');
    expect(again.sheetModel("KPI Summary").charts.map((c) => c.chartType)).toEqual(["BAR"]);
    // A workbook with its own setup never takes an old side file's over it.
    writeFileSync(addonStatePath(path), JSON.stringify({ version: 1, documentProperties: { [MAPPING_KEY]: "stale" }, charts: [] }));
    expect(migrateLegacyAddonState(again, path)).toBe(false);
    expect(again.properties.document.get(MAPPING_KEY)).toBe('{"version":1}');
    again.dispose();
  });
});
