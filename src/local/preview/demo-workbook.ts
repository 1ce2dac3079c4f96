// The demo workbook the preview opens without an argument: marketing data and a lead log, made once and kept in data/demo.xlsx.
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { WritableValue } from "../../server/apps-script-api";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../demo-data";
import { createEmulation, saveXlsx, type Emulation } from "../emulation";

export const DEMO_SHEETS = { aggregated: "Marketing data", leads: "Leads" } as const;

/** `Date`s stay `Date`s: the emulation writes them as date cells in its time zone. */
export function demoEmulation(today: Date, timeZone?: string): Emulation {
  const sheets: Record<string, WritableValue[][]> = {
    [DEMO_SHEETS.aggregated]: [AGGREGATED_HEADERS, ...aggregatedDemoRows(today)] as WritableValue[][],
    [DEMO_SHEETS.leads]: [LEADS_HEADERS, ...leadDemoRows(today)] as WritableValue[][],
  };
  return createEmulation({ sheets, name: "Funnel KPIs demo", timeZone });
}

/** Writes the demo workbook unless it is already there (edits made in the preview are kept). */
export async function ensureDemoWorkbook(path: string, today = new Date()): Promise<boolean> {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const emu = demoEmulation(today);
  try {
    await saveXlsx(emu, path);
  } finally {
    emu.dispose();
  }
  return true;
}
