// Assembles the --out workbook: the input's workbook as it was plus the generated KPI Summary, every formula with a cached result.
import { SUMMARY_SHEET_NAME } from "../../server/summary/layout";
import type { Emulation } from "../emulation";
import { xlsxBuffer } from "../emulation";
import { type CachedValue, cellKey } from "./summary-values";

export interface WrittenSummary {
  formulas: number;
  /** Formula cells whose result is the CLI's own number (the rest carry the formula engine's). */
  fromCli: number;
}

/**
 * `emu` holds the generated summary with evaluation suspended. The CLI's numbers become those formulas'
 * results; the engine then computes only the formulas it has no number for (unit economics, goals, a
 * record-level channel table), so every formula cell of the file carries a cached value.
 */
/** The CLI's numbers as the engine's known results: summary cells only. */
export function knownResults(cached: ReadonlyMap<string, CachedValue>): (sheetName: string, row: number, column: number) => CachedValue | undefined {
  return (sheetName, row, column) => (sheetName === SUMMARY_SHEET_NAME ? cached.get(cellKey(row, column)) : undefined);
}

export async function summaryWorkbook(emu: Emulation, cached: ReadonlyMap<string, CachedValue>): Promise<{ buffer: Buffer; written: WrittenSummary }> {
  const written: WrittenSummary = { formulas: 0, fromCli: 0 };
  const known = knownResults(cached);
  if (emu.evaluationSuspended) emu.resumeEvaluationWith(known);
  const buffer = await xlsxBuffer(emu, {
    cachedResult: (sheetName, row, column) => {
      if (sheetName !== SUMMARY_SHEET_NAME) return undefined;
      written.formulas++;
      const value = known(sheetName, row, column);
      if (value !== undefined) written.fromCli++;
      return value;
    },
  });
  return { buffer, written };
}
