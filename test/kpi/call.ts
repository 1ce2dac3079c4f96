// Test helper: calls a catalogue function by name exactly as a cell would, through the same invoke path.
import { findEntry } from "../../src/kpi/catalogue";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellInput, CellOutput } from "../../src/kpi/cells";

export function call(name: string, ...args: CellInput[]): CellOutput {
  const entry = findEntry(name);
  if (!entry) throw new Error(`no catalogue entry ${name}`);
  return invoke(entry, args);
}

/** A column range as Sheets passes it: one cell per row. */
export const column = (...cells: CellInput[]): CellInput => cells.map((c) => [c as never]);

/** A row range as Sheets passes it. */
export const row = (...cells: CellInput[]): CellInput => [cells as never];
