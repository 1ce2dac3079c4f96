// The recorded conditional format rules evaluated as Sheets shows them: conditions in order with the first that holds deciding, custom formulas per cell, and colour scales.
import { afterEach, describe, expect, it } from "vitest";
import { createEmulation, type Emulation } from "../../src/local/emulation";
import { conditionalStyles } from "../../src/local/emulation/conditional-display";
import type { WritableValue } from "../../src/server/apps-script-api";

let emu: Emulation | null = null;
afterEach(() => {
  emu?.dispose();
  emu = null;
});

function sheetWith(rows: WritableValue[][]) {
  emu = createEmulation({ sheets: { S: rows } });
  return { sheet: emu.spreadsheet.getSheetByName("S")!, app: emu.globals.SpreadsheetApp, model: emu.workbook.sheets[0] };
}

const backgrounds = (box: { row: number; column: number; numRows: number; numColumns: number }) =>
  conditionalStyles(emu!.workbook, emu!.workbook.sheets[0], box).map((row) => row.map((s) => s?.background ?? null));

describe("conditionalStyles", () => {
  it("tries rules in order: the first that holds decides a cell's style", () => {
    const { sheet, app } = sheetWith([["On track"], ["behind"], ["Ahead"], [""]]);
    const range = sheet.getRange("A1:A4");
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenTextEqualTo("Behind").setBackground("#f4c7c3").setBold(true).setRanges([range]).build(),
      app.newConditionalFormatRule().whenCellNotEmpty().setBackground("#eeeeee").setRanges([range]).build(),
      app.newConditionalFormatRule().whenCellEmpty().setFontColor("#999999").setRanges([range]).build(),
    ]);
    const styles = conditionalStyles(emu!.workbook, emu!.workbook.sheets[0], { row: 1, column: 1, numRows: 4, numColumns: 1 });
    // Text equal to is not case-sensitive, as in Sheets.
    expect(styles.map((r) => r[0])).toEqual([{ background: "#eeeeee" }, { background: "#f4c7c3", bold: true }, { background: "#eeeeee" }, { fontColor: "#999999" }]);
  });

  it("compares numbers, never text that looks like one", () => {
    const { sheet, app } = sheetWith([[50], [150], ["150"], [100]]);
    const range = sheet.getRange("A1:A4");
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberGreaterThan(100).setBackground("#b7e1cd").setRanges([range]).build(),
      app.newConditionalFormatRule().whenNumberBetween(100, 60).setBackground("#fce8b2").setRanges([range]).build(),
    ]);
    sheet.getRange("A3").setValue("'150");
    expect(backgrounds({ row: 1, column: 1, numRows: 4, numColumns: 1 }).flat()).toEqual([null, "#b7e1cd", null, "#fce8b2"]);
  });

  it("reads a custom formula relative to the top-left cell of the rule's range", () => {
    // CAC this period (B) against the previous one (C): lower is better.
    const { sheet, app } = sheetWith([["CAC", 40, 50], ["CAC", 60, 50], ["CAC", 50, 50]]);
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied("=B1<$C1").setBackground("#b7e1cd").setRanges([sheet.getRange("B1:B3")]).build(),
      app.newConditionalFormatRule().whenFormulaSatisfied("=B1>$C1").setBackground("#f4c7c3").setRanges([sheet.getRange("B1:B3")]).build(),
    ]);
    expect(backgrounds({ row: 1, column: 1, numRows: 3, numColumns: 3 }).map((r) => r[1])).toEqual(["#b7e1cd", "#f4c7c3", null]);
  });

  it("colours a heat map by a colour scale over the whole range, with a midpoint and by percentile", () => {
    const { sheet, app } = sheetWith([[0], [50], [100], [25], ["n/a"]]);
    const range = sheet.getRange("A1:A5");
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule()
        .setGradientMinpoint("#ffffff")
        .setGradientMidpointWithValue("#ffd666", app.InterpolationType.NUMBER, "50")
        .setGradientMaxpoint("#e67c73")
        .setRanges([range]).build(),
    ]);
    expect(backgrounds({ row: 1, column: 1, numRows: 5, numColumns: 1 }).flat()).toEqual(["#ffffff", "#ffd666", "#e67c73", "#ffebb3", null]);
    // Only a part of the range on screen: the scale is still the whole range's.
    expect(backgrounds({ row: 3, column: 1, numRows: 1, numColumns: 1 })).toEqual([["#e67c73"]]);
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule()
        .setGradientMinpointWithValue("#000000", app.InterpolationType.PERCENTILE, "0")
        .setGradientMaxpointWithValue("#ffffff", app.InterpolationType.PERCENTILE, "50")
        .setRanges([range]).build(),
    ]);
    // The median of 0, 25, 50, 100 is 37.5: 25 is two thirds of the way there, 50 is past it.
    expect(backgrounds({ row: 1, column: 1, numRows: 4, numColumns: 1 }).flat()).toEqual(["#000000", "#ffffff", "#ffffff", "#aaaaaa"]);
  });

  it("keeps a colour scale readable back through the Apps Script API", () => {
    const { sheet, app } = sheetWith([[1]]);
    const rule = app.newConditionalFormatRule().setGradientMinpoint("#ffffff").setGradientMaxpointWithValue("#57bb8a", app.InterpolationType.PERCENT, "90")
      .setRanges([sheet.getRange("A1")]).build();
    const gradient = rule.getGradientCondition();
    expect([gradient?.getMinColor(), String(gradient?.getMinType()), gradient?.getMaxColor(), String(gradient?.getMaxType()), gradient?.getMaxValue()]).toEqual(["#ffffff", "MIN", "#57bb8a", "PERCENT", "90"]);
    expect(rule.getBooleanCondition()).toBeNull();
    expect(app.newConditionalFormatRule().setGradientMaxpoint("#fff").whenCellEmpty().build().getGradientCondition()).toBeNull();
  });
});
