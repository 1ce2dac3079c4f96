// Every documented example of every catalogue entry, evaluated as Sheets would call it: the docs cannot drift from the code.
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/kpi/catalogue/index";
import { invoke } from "../../src/kpi/catalogue/invoke";
import { parseExampleFormula } from "./support/example-formula";

describe("catalogue examples", () => {
  for (const entry of CATALOGUE) {
    for (const example of entry.examples) {
      it(`${example.formula} shows ${JSON.stringify(example.result)}`, () => {
        const call = parseExampleFormula(example.formula);
        expect(call.name).toBe(entry.name);
        expect(invoke(entry, call.args)).toEqual(example.result);
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
