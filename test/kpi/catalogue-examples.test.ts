// Every documented example of every catalogue entry, evaluated as Sheets would call it: the docs cannot drift from the code.
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/kpi/catalogue/index";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellOutput } from "../../src/kpi/cells";
import type { ExampleCell } from "../../src/kpi/catalogue/entry-types";
import { parseExampleFormula } from "./support/example-formula";

/**
 * The documented result, number by number to 12 significant digits and text exactly. Closed-form KPIs
 * match to the last bit anyway; fitted models (CLV) move in the 14th digit with the order of floating-point
 * sums, which no reader of the docs relies on.
 */
function expectDocumented(actual: CellOutput, documented: ExampleCell | ExampleCell[][]): void {
  if (!Array.isArray(documented)) {
    expectCell(actual, documented);
    return;
  }
  expect(Array.isArray(actual), "a spilled table").toBe(true);
  const rows = actual as unknown[][];
  expect(rows.map((r) => r.length)).toEqual(documented.map((r) => r.length));
  documented.forEach((row, r) => row.forEach((cell, c) => expectCell(rows[r][c], cell)));
}

function expectCell(actual: unknown, documented: ExampleCell): void {
  if (typeof documented === "string") {
    expect(actual).toBe(documented);
    return;
  }
  expect(typeof actual).toBe("number");
  const gap = Math.abs((actual as number) - documented);
  expect(gap, `${String(actual)} vs ${documented}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(documented)));
}

describe("catalogue examples", () => {
  for (const entry of CATALOGUE) {
    for (const example of entry.examples) {
      it(`${example.formula} shows ${JSON.stringify(example.result)}`, () => {
        const call = parseExampleFormula(example.formula);
        expect(call.name).toBe(entry.name);
        const result = invoke(entry, call.args);
        expectDocumented(result, example.result);
        // Closed-form KPIs are documented to the last bit.
        if (entry.category !== "Predictive CLV") expect(result).toEqual(example.result);
      });
    }
  }

  it("every entry documents its source, arguments and at least one example", () => {
    for (const entry of CATALOGUE) {
      expect(entry.source.length, entry.name).toBeGreaterThan(10);
      expect(entry.examples.length, entry.name).toBeGreaterThan(0);
      for (const arg of entry.args) expect(arg.description.length, `${entry.name} ${arg.name}`).toBeGreaterThan(5);
    }
  });
});
