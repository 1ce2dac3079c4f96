// FUNNEL known answers: stage-to-stage and top-of-funnel conversion as in Kotler & Keller's marketing funnel
// and Farris et al., Marketing Metrics, ch. 9 (conversion rate = those who act ÷ those who could).
import { describe, expect, it } from "vitest";
import { FUNNEL } from "../../src/kpi/catalogue/entries/funnel";
import { invoke } from "../../src/kpi/catalogue/invoke";
import type { CellScalar, CellValue } from "../../src/kpi/cells";
import { FIRST_STAGE_ZERO, FUNNEL_HEADER, funnelTable, PREVIOUS_STAGE_ZERO } from "../../src/kpi/definitions/funnel";

const col = (...values: CellValue[]) => values.map((v) => [v]);
function run(...args: Parameters<typeof invoke>[1]): CellScalar[][] {
  const out = invoke(FUNNEL, args);
  if (!Array.isArray(out)) throw new Error(`FUNNEL returned ${String(out)}, not a table`);
  return out;
}

describe("FUNNEL (Kotler & Keller marketing funnel; Farris et al. ch. 9 conversion rate)", () => {
  it("spills a header and one row per stage with conversions and drop-off", () => {
    expect(run(col(1000, 250, 50), col("Visits", "Leads", "Customers"))).toEqual([
      FUNNEL_HEADER,
      ["Visits", 1000, "", 1, ""],
      ["Leads", 250, 0.25, 0.25, 750],
      ["Customers", 50, 0.2, 0.05, 200],
    ]);
  });

  it("takes a row as well as a column, and names stages Stage 1... by default", () => {
    expect(run([[200, 50]])).toEqual([FUNNEL_HEADER, ["Stage 1", 200, "", 1, ""], ["Stage 2", 50, 0.25, 0.25, 150]]);
    expect(run([[200, 50]], [["Trials", "Paid"]])).toEqual(run(col(200, 50), col("Trials", "Paid")));
    expect(run(col(200, 50), [["Trials"], ["Paid"]])[2][0]).toBe("Paid");
  });

  it("totals a block per column: columns are stages, rows are periods or channels", () => {
    const block = [[600, 150, 30], [400, "", 20], ["", 50, ""]];
    expect(run(block, [["Visits", "Leads", "Customers"]])).toEqual([
      FUNNEL_HEADER,
      ["Visits", 1000, "", 1, ""],
      ["Leads", 200, 0.2, 0.2, 800],
      ["Customers", 50, 0.25, 0.05, 150],
    ]);
  });

  it("reads numeric text", () => {
    expect(run(col("1,000", "$250"))[2]).toEqual(["Stage 2", 250, 0.25, 0.25, 750]);
  });

  it("keeps a stage larger than the one before: conversion above 1, negative drop-off", () => {
    expect(run(col(100, 40, 60))[3]).toEqual(["Stage 3", 60, 1.5, 0.6, -20]);
  });

  it("a first stage of 0 puts the reason in the cells instead of failing", () => {
    expect(run(col(0, 0, 0))).toEqual([
      FUNNEL_HEADER,
      ["Stage 1", 0, "", FIRST_STAGE_ZERO, ""],
      ["Stage 2", 0, PREVIOUS_STAGE_ZERO, FIRST_STAGE_ZERO, 0],
      ["Stage 3", 0, PREVIOUS_STAGE_ZERO, FIRST_STAGE_ZERO, 0],
    ]);
    expect(run(col(100, 0, 0))[3]).toEqual(["Stage 3", 0, PREVIOUS_STAGE_ZERO, 0, 0]);
  });

  it("ignores blank cells after the last stage, in counts and names", () => {
    expect(run(col(100, 20, "", ""), col("A", "B", "", "", ""))).toEqual(run(col(100, 20), col("A", "B")));
    expect(run([[100, 20, ""], [50, 5, ""]])).toEqual(run([[150, 25]]));
  });

  it("fills a blank name between given names with its default", () => {
    expect(run(col(100, 20, 5), col("Visits", "", "Customers"))[2][0]).toBe("Stage 2");
  });

  it("rejects a blank stage between stages, naming it", () => {
    expect(() => run(col(100, "", 5))).toThrow("FUNNEL: stage_counts row 2 is blank; every stage needs a count (0 if nobody reached it)");
    expect(() => run([[100, "", 5], [10, "", 1]])).toThrow("FUNNEL: stage_counts column 2 is blank; every stage needs a count (0 if nobody reached it)");
  });

  it("rejects negative counts and text, naming the cell", () => {
    expect(() => run(col(100, -5))).toThrow("FUNNEL: stage_counts row 2 is -5, and a count cannot be negative");
    expect(() => run(col(100, "n/a", 4))).toThrow("FUNNEL: stage_counts row 2 is \"n/a\", not a number");
    expect(() => run([[100, 20], [5, "#N/A"]])).toThrow("FUNNEL: stage_counts row 2, column 2 is the error #N/A, not a number");
  });

  it("needs at least two stages", () => {
    expect(() => run(500)).toThrow("FUNNEL: stage_counts has 1 stage; a funnel needs at least 2");
    expect(() => run(col(500, "", ""))).toThrow("FUNNEL: stage_counts has 1 stage; a funnel needs at least 2");
    expect(() => run(col("", ""))).toThrow("FUNNEL: stage_counts has 0 stages; a funnel needs at least 2");
  });

  it("needs one name per stage", () => {
    expect(() => run(col(100, 20, 5), col("Visits", "Leads"))).toThrow(
      "FUNNEL: stage_names has 2 names but stage_counts has 3 stages; give one name per stage",
    );
    expect(() => run(col(100, 20), col("Visits", "Leads", "Customers"))).toThrow(
      "FUNNEL: stage_names has 3 names but stage_counts has 2 stages; give one name per stage",
    );
  });

  it("shows dates and numbers used as names as text", () => {
    expect(run(col(10, 5), [[new Date(2025, 0, 1), 2026]]).map((r) => r[0])).toEqual(["Stage", "2025-01-01", "2026"]);
  });

  it("the definition rejects a negative count by stage name", () => {
    expect(() => funnelTable([{ name: "Visits", count: 10 }, { name: "Leads", count: -1 }])).toThrow(
      "FUNNEL: the count of Leads is -1, and a count cannot be negative",
    );
  });
});

describe("FUNNEL with degenerate numbers", () => {
  it("refuses a conversion too large for a cell instead of showing Infinity", () => {
    expect(() => run(col(1e-320, 5))).toThrow(
      "FUNNEL: the conversion of Stage 2 from the previous stage is too large to show; check for a count that is nearly 0",
    );
  });
});
