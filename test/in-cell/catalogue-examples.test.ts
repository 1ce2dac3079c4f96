// Every documented example, typed into a real formula engine's cell, shows exactly the documented result.
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/kpi/catalogue";
import { shown, workbook } from "./engine";

function expectShown(actual: number | string | boolean, expected: number | string): void {
  if (typeof expected === "number") expect(actual).toBeCloseTo(expected, 9);
  else expect(actual).toBe(expected);
}

describe.each(CATALOGUE.map((entry) => [entry.name, entry] as const))("%s examples in a cell", (_name, entry) => {
  it.each(entry.examples.map((ex) => [ex.formula, ex] as const))("%s", (_formula, example) => {
    const hf = workbook([[example.formula]]);
    if (Array.isArray(example.result)) {
      example.result.forEach((cells, r) => cells.forEach((cell, c) => {
        const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
        expectShown(shown(hf, a1), cell);
      }));
      // Nothing spills past the documented rows.
      expect(shown(hf, `A${example.result.length + 1}`)).toBe("");
    } else {
      expectShown(shown(hf, "A1"), example.result);
    }
    hf.destroy();
  });
});
