// Small workbooks for the sidebar tests: a month of aggregated rows and a short lead log, both from the seeded demo data.
import type { CellValue } from "../../src/kpi/cells";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../../src/local/demo-data";
import { createEmulation, type Emulation } from "../../src/local/emulation";

const END = new Date(2025, 0, 1);

export function aggregatedRows(): CellValue[][] {
  return aggregatedDemoRows(END, 1).slice(0, 30);
}

export function leadRows(): CellValue[][] {
  return leadDemoRows(END, 40, 3);
}

export function aggregatedWorkbook(headers: string[] = AGGREGATED_HEADERS): Emulation {
  return createEmulation({ sheets: { Funnel: [headers, ...aggregatedRows()], Notes: [["Anything else"]] } });
}

export function leadWorkbook(): Emulation {
  return createEmulation({ sheets: { Leads: [LEADS_HEADERS, ...leadRows()] } });
}

/** Column total as the funnel counts it: numbers summed, blanks skipped. */
export function columnTotal(rows: readonly (readonly CellValue[])[], index: number): number {
  return rows.reduce<number>((sum, row) => sum + (typeof row[index] === "number" ? (row[index] as number) : 0), 0);
}

/** How many records reached a stage: non-blank cells in its date column. */
export function filledCount(rows: readonly (readonly CellValue[])[], index: number): number {
  return rows.filter((row) => row[index] !== "" && row[index] !== null && row[index] !== undefined).length;
}
