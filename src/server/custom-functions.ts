// Runs a catalogue function for a cell: the one place the generated Apps Script stubs call into.
import type { CellInput, CellOutput } from "../kpi/cells";
import { findEntry } from "../kpi/catalogue";
import { invoke } from "../kpi/catalogue/invoke";

export function runCustomFunction(name: string, args: readonly CellInput[]): CellOutput {
  const entry = findEntry(name);
  if (!entry) throw new Error(`${name}: this function is not in the Funnel KPIs catalogue`);
  return invoke(entry, args);
}
