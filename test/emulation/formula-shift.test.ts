// A conditional rule's custom formula is read relative to each cell of its range: relative references move, fixed ones and text stay.
import { describe, expect, it } from "vitest";
import { shiftFormula } from "../../src/local/emulation/formula-shift";

describe("shiftFormula", () => {
  it("moves relative references and keeps $-fixed parts", () => {
    expect(shiftFormula("=B2>C2", 1, 0)).toBe("=B3>C3");
    expect(shiftFormula("=$B2>B$2", 2, 1)).toBe("=$B4>C$2");
    expect(shiftFormula("=SUM(A1:B2)", 1, 1)).toBe("=SUM(B2:C3)");
    expect(shiftFormula("=Data!B2*2", 3, 0)).toBe("=Data!B5*2");
    expect(shiftFormula("='My data'!B2", 1, 0)).toBe("='My data'!B3");
  });

  it("moves whole columns and rows", () => {
    expect(shiftFormula("=COUNTIF(A:A, B1)>1", 1, 1)).toBe("=COUNTIF(B:B, C2)>1");
    expect(shiftFormula("=SUM(2:3)", 2, 0)).toBe("=SUM(4:5)");
  });

  it("leaves functions, names and text alone", () => {
    expect(shiftFormula('=LOG10(A1)+kpi_spend+LEN("B2")', 1, 0)).toBe('=LOG10(A2)+kpi_spend+LEN("B2")');
    expect(shiftFormula('=A1="say ""B2"""', 1, 0)).toBe('=A2="say ""B2"""');
    expect(shiftFormula("=TRUE", 5, 5)).toBe("=TRUE");
  });

  it("gives #REF! for a reference moved off the grid", () => {
    expect(shiftFormula("=A2", -2, 0)).toBe("=#REF!");
    expect(shiftFormula("=B1", 0, -2)).toBe("=#REF!");
  });
});
