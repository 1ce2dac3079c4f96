// Property test: any mix of cells and shapes gives every function a clean result or an error naming the function.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/kpi/catalogue";
import type { ArgSpec, CatalogueEntry } from "../../src/kpi/catalogue/entry-types";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellInput, CellValue } from "../../src/kpi/cells";
import { KpiError } from "../../src/kpi/kpi-error";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, 1, 0.5, 45658, 10, 9, 6),
  fc.constantFrom("1,200", "$1,200", "5%", "(30)", "2025-03-31", "-7"),
  fc.constantFrom("n/a", "Search", "median", "p90", "linear", "compound", "down", "SHARE", "CAC", "#N/A", "#DIV/0!"),
  fc.string({ maxLength: 6 }),
  fc.constant(""),
  fc.boolean(),
  fc.date({ min: new Date(2020, 0, 1), max: new Date(2027, 0, 1), noInvalidDate: true }),
);

const range: fc.Arbitrary<CellValue[][]> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

const input: fc.Arbitrary<CellInput> = fc.oneof(cell, range);

function argArbitrary(spec: ArgSpec): fc.Arbitrary<CellInput> {
  return spec.optional ? fc.oneof(input, fc.constant(undefined)) : input;
}

function argsFor(entry: CatalogueEntry): fc.Arbitrary<CellInput[]> {
  const fixed = fc.tuple(...entry.args.map(argArbitrary));
  const extra = entry.args.some((a) => a.repeating) ? fc.array(input, { maxLength: 3 }) : fc.constant([] as CellInput[]);
  return fc.tuple(fixed, extra).map(([a, b]) => [...a, ...b]);
}

function isCleanScalar(value: unknown): boolean {
  return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string" || typeof value === "boolean";
}

describe.each(CATALOGUE.map((e) => [e.name, e] as const))("%s under random cells", (name, entry) => {
  it("returns finite numbers, text or a table, or throws an error naming the function", () => {
    fc.assert(
      fc.property(argsFor(entry), (args) => {
        let result: unknown;
        try {
          result = entry.run(args);
        } catch (error) {
          // The raw implementation, not just invoke's safety net, must throw only KpiErrors.
          expect(error).toBeInstanceOf(KpiError);
          expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
          return;
        }
        if (Array.isArray(result)) {
          expect(result.length).toBeGreaterThan(0);
          for (const row of result) {
            expect(Array.isArray(row)).toBe(true);
            for (const value of row as unknown[]) expect(isCleanScalar(value)).toBe(true);
          }
        } else {
          expect(isCleanScalar(result)).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });

  it("through invoke, with any argument count, errors still start with the name", () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: entry.args.length + 2 }), (args) => {
        try {
          invoke(entry, args);
        } catch (error) {
          expect(error).toBeInstanceOf(KpiError);
          expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
