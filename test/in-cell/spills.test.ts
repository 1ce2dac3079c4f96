// Spilling catalogue functions in the emulated sheet behave as in Sheets: the block is the result's size, #REF! only while a cell is in the way, one #ERROR! for a failure.
import { afterEach, describe, expect, it, vi } from "vitest";
import { KPI_BY } from "../../src/kpi/catalogue/entries/kpi-by";
import { createEmulation, type Emulation } from "../../src/local/emulation";
import { spillBlockMessage } from "../../src/local/formula-engine/spill-sizing";
import type { WritableValue } from "../../src/server/apps-script-api";

const CHANNELS = Array.from({ length: 20 }, (_, i) => `Channel ${String.fromCharCode(65 + i)}`);

/** 3,000 rows of spend and customers over 20 channels, as a daily export per channel would have. */
function exportRows(): WritableValue[][] {
  const rows: WritableValue[][] = [["Channel", "Spend", "Customers"]];
  for (let i = 0; i < 3000; i++) rows.push([CHANNELS[i % 20], 100 + (i % 7), 1 + (i % 3)]);
  return rows;
}

let emu: Emulation | null = null;
afterEach(() => {
  emu?.dispose();
  emu = null;
  vi.restoreAllMocks();
});

function sheetOf(rows: WritableValue[][]) {
  emu = createEmulation({ sheets: { Data: rows } });
  return emu.spreadsheet.getSheetByName("Data")!;
}

describe("a spilling function's block", () => {
  it("is sized by its result: KPI_BY over 3,000 rows with 20 channels fills 21 rows (20 + Total), and a cell 2,000 rows down blocks nothing", () => {
    const sheet = sheetOf(exportRows());
    sheet.getRange("E2000").setValue("a note far below");
    sheet.getRange("E1").setFormula('=KPI_BY(A2:A3001, "CAC", B2:B3001, C2:C3001)');
    const block = sheet.getRange("E1:F23").getDisplayValues();
    expect(block.slice(0, 20).map((r) => r[0])).toEqual(CHANNELS);
    expect(block[20][0]).toBe("Total");
    expect(block.slice(21)).toEqual([["", ""], ["", ""]]);
    expect(sheet.getRange("E2000").getValue()).toBe("a note far below");
  });

  it("grows and shrinks as the data's keys change", () => {
    const sheet = sheetOf([["Channel", "Spend", "Customers"], ["Search", 100, 2], ["Social", 300, 3]]);
    sheet.getRange("E1").setFormula('=KPI_BY(A2:A50, "CAC", B2:B50, C2:C50)');
    expect(sheet.getRange("E1:E4").getValues().flat()).toEqual(["Search", "Social", "Total", ""]);
    sheet.getRange("A4:C4").setValues([["Email", 50, 5]]);
    expect(sheet.getRange("E1:E5").getValues().flat()).toEqual(["Search", "Social", "Email", "Total", ""]);
    sheet.getRange("A3:C4").clearContent();
    expect(sheet.getRange("E1:E5").getValues().flat()).toEqual(["Search", "Total", "", "", ""]);
    // Re-sizing leaves nothing behind in the engine (it keeps the ranges alive on a throwaway sheet meanwhile).
    expect(emu!.workbook.engine.getSheetNames()).toEqual(["Data"]);
  });

  it("shows #REF! only while a cell is in its way, naming it, and spills as soon as it is emptied", () => {
    const sheet = sheetOf([["Channel", "Spend", "Customers"], ["Search", 100, 2], ["Social", 300, 3]]);
    sheet.getRange("E3").setValue("in the way");
    sheet.getRange("E1").setFormula('=KPI_BY(A2:A3, "CAC", B2:B3, C2:C3)');
    expect(sheet.getRange("E1").getDisplayValue()).toBe("#REF!");
    expect(sheet.getRange("E1").getValue()).toBe("#REF!");
    const engine = emu!.workbook.engine;
    expect(spillBlockMessage(engine, { sheet: emu!.workbook.sheets[0].engineId, row: 0, col: 4 })).toBe(
      "Array result was not expanded because it would overwrite data in E3.",
    );
    sheet.getRange("E3").clearContent();
    expect(sheet.getRange("E1:F3").getValues()).toEqual([["Search", 50], ["Social", 100], ["Total", 80]]);
    expect(spillBlockMessage(engine, { sheet: emu!.workbook.sheets[0].engineId, row: 0, col: 4 })).toBeUndefined();
  });

  it("shows one #ERROR! for a failing call, never a block of them", () => {
    const sheet = sheetOf(exportRows());
    sheet.getRange("E1").setFormula('=KPI_BY(A2:A3001, "CAC", B2:B3001)');
    expect(sheet.getRange("E1").getDisplayValue()).toBe("#ERROR!");
    expect(emu!.errorMessage("Data!E1")).toMatch(/^KPI_BY: /);
    expect(sheet.getRange("E2:F3001").getDisplayValues().flat().every((t) => t === "")).toBe(true);
  });

  it("turns from a table into one error and back as its inputs change", () => {
    const sheet = sheetOf([["Channel", "Spend", "Customers"], ["Search", 100, 2], ["Social", 300, 3]]);
    sheet.getRange("E1").setFormula('=KPI_BY(A2:A3, "CAC", B2:B3, C2:C3)');
    sheet.getRange("C3").setValue("n/a");
    expect(sheet.getRange("E1:F3").getDisplayValues()).toEqual([["#ERROR!", ""], ["", ""], ["", ""]]);
    sheet.getRange("C3").setValue(3);
    expect(sheet.getRange("E1:E3").getValues().flat()).toEqual(["Search", "Social", "Total"]);
  });

  it("computes the result once for sizing and evaluating it, not twice", () => {
    const sheet = sheetOf(exportRows());
    const run = vi.spyOn(KPI_BY, "run");
    sheet.getRange("E1").setFormula('=KPI_BY(A2:A3001, "CAC", B2:B3001, C2:C3001)');
    expect(sheet.getRange("E21").getValue()).toBe("Total");
    expect(run).toHaveBeenCalledTimes(1);
  });
});
