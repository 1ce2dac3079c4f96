// A small workbook for the preview tests: two months of aggregated demo data and a short lead log, saved as .xlsx in a temp dir.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../../src/local/demo-data";
import { createEmulation, saveXlsx } from "../../src/local/emulation";
import type { WritableValue } from "../../src/server/apps-script-api";

export const ROOT = join(import.meta.dirname, "..", "..");
export const TODAY = new Date(2026, 5, 15);

export function smallRows() {
  return { aggregated: aggregatedDemoRows(TODAY, 2), leads: leadDemoRows(TODAY, 120, 2) };
}

export async function smallWorkbook(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-preview-"));
  const path = join(dir, "small.xlsx");
  const { aggregated, leads } = smallRows();
  const emu = createEmulation({
    sheets: {
      "Marketing data": [AGGREGATED_HEADERS, ...aggregated] as WritableValue[][],
      Leads: [LEADS_HEADERS, ...leads] as WritableValue[][],
    },
  });
  await saveXlsx(emu, path);
  emu.dispose();
  return path;
}
