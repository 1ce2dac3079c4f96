// Calls a catalogue entry as Sheets would: checks the argument count, and guarantees every error names the function.
import type { CellInput, CellOutput } from "../cells";
import { fail, KpiError } from "../kpi-error";
import type { CatalogueEntry } from "./entry-types";

/** The signature as a user reads it: "CAC(spend, new_customers)", optional arguments in brackets. */
export function signatureOf(entry: CatalogueEntry): string {
  const args = entry.args.map((a) => {
    const name = a.repeating ? `${a.name}, ...` : a.name;
    return a.optional ? `[${name}]` : name;
  });
  return `${entry.name}(${args.join(", ")})`;
}

export function invoke(entry: CatalogueEntry, args: readonly CellInput[]): CellOutput {
  // Sheets passes trailing omitted arguments as nothing at all; an explicit empty argument arrives as undefined.
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given--;
  const repeats = entry.args.some((a) => a.repeating);
  if (!repeats && given > entry.args.length) {
    fail(entry.name, `takes at most ${entry.args.length} arguments, ${signatureOf(entry)}, but got ${given}`);
  }
  entry.args.forEach((spec, i) => {
    if (!spec.optional && args[i] === undefined) {
      fail(entry.name, `${spec.name} is missing; the function is ${signatureOf(entry)}`);
    }
  });
  try {
    return entry.run(args.slice(0, given));
  } catch (error) {
    if (error instanceof KpiError) throw error;
    // A defect of ours must still say which function failed, never surface as a bare TypeError.
    const detail = error instanceof Error ? error.message : String(error);
    throw new KpiError(entry.name, `could not compute (${detail}); please report this with the cells used`);
  }
}
