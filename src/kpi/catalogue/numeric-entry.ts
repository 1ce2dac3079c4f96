// Builds catalogue entries whose arguments are all numbers (totals or single values) from a pure KPI definition.
import type { CellInput, CellOutput } from "../cells";
import { singleNumber, total } from "../coerce";
import { fail } from "../kpi-error";
import type { ArgSpec, CatalogueEntry } from "./entry-types";

export type NumericEntrySpec = Omit<CatalogueEntry, "run" | "fromTotals"> & {
  /** The KPI from already-read numbers, in argument order; optional ones arrive with their defaults. */
  compute(values: readonly number[]): number;
};

/** Reads one numeric argument by its kind: totals for amounts and counts, a single value otherwise. */
export function readNumericArg(fn: string, spec: ArgSpec, input: CellInput): number {
  const ref = { fn, arg: spec.name };
  switch (spec.kind) {
    case "amount":
      return total(ref, input);
    case "count":
      return total(ref, input, { nonNegative: true });
    case "number":
    case "rate":
      return singleNumber(ref, input, typeof spec.defaultValue === "number" ? spec.defaultValue : undefined);
    default:
      return fail(fn, `${spec.name} is not a numeric argument`);
  }
}

/** Arguments a KPI_BY group can total: all required ones are amounts or counts. */
function isGroupable(args: readonly ArgSpec[]): boolean {
  return args.every((a) => a.optional || a.kind === "amount" || a.kind === "count");
}

export function numericEntry(spec: NumericEntrySpec): CatalogueEntry {
  const { compute, ...docs } = spec;
  const run = (args: readonly CellInput[]): CellOutput =>
    compute(spec.args.map((argSpec, i) => readNumericArg(spec.name, argSpec, args[i])));
  return isGroupable(spec.args) ? { ...docs, run, fromTotals: compute } : { ...docs, run };
}
