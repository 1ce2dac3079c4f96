// The formula bar reads a formula up to the caret: the name being typed for autocomplete, and the call and argument for the help card.
import { describe, expect, it } from "vitest";
import { formulaContext } from "../../src/local/preview/client/formula-context";

const at = (formula: string) => formulaContext(formula, formula.length);

describe("formulaContext", () => {
  it("finds the function name being typed", () => {
    expect(at("=CA")).toEqual({ name: { text: "CA", start: 1 }, call: null });
    expect(at("=SUM(A1) + ka")).toEqual({ name: { text: "ka", start: 11 }, call: null });
  });

  it("does not take a cell reference or a sheet-qualified one for a name", () => {
    expect(at("=B12").name).toBeNull();
    expect(at("=Data!A").name).toBeNull();
    expect(at("=A1:B").name).toBeNull();
  });

  it("finds the call and argument the caret is in", () => {
    expect(at("=CAC(").call).toEqual({ name: "CAC", argument: 0 });
    expect(at("=CAC(C2:C10, ").call).toEqual({ name: "CAC", argument: 1 });
    expect(at("=ROUND(CAC(A1, ").call).toEqual({ name: "CAC", argument: 1 });
    expect(at("=ROUND(CAC(A1, B1), ").call).toEqual({ name: "ROUND", argument: 1 });
    expect(at("=IF(A1>0, (B1+C1), ").call).toEqual({ name: "IF", argument: 2 });
  });

  it("skips commas inside text and inside {...} arrays", () => {
    expect(at('=KPI_BY(A2:A, "CAC, or not", ').call).toEqual({ name: "KPI_BY", argument: 2 });
    expect(at("=CAC({100,200;300,400}, ").call).toEqual({ name: "CAC", argument: 1 });
    // The caret inside an open string: still in that argument, and no name is being typed.
    expect(at('=KPI_BY(A2:A, "CA')).toEqual({ name: null, call: { name: "KPI_BY", argument: 1 } });
  });

  it("reads only up to the caret", () => {
    expect(formulaContext("=CAC(A1, B1)", 6)).toEqual({ name: { text: "A", start: 5 }, call: { name: "CAC", argument: 0 } });
    expect(formulaContext("not a formula", 3)).toEqual({ name: null, call: null });
  });
});
