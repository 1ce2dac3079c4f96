// A sheet decorated through the Apps Script API the way the add-on decorates its summary: widths, heights, wrap, frozen rows, notes, dropdowns, rules, formats, sparklines, a spill and charts.
import type { Emulation } from "../../src/local/emulation";

export const LOOK = "Look";
export const LONG_TITLE = "A long title that runs on into the empty cells next to it";
export const PERIODS = ["Last 30 days", "Last 90 days", "Custom"];

/** Adds the "Look" sheet to the preview's workbook and makes it the active sheet. */
export function decorateLookSheet(emu: Emulation): void {
  const ss = emu.spreadsheet;
  const app = emu.globals.SpreadsheetApp;
  const charts = emu.globals.Charts;
  const sheet = ss.insertSheet(LOOK);
  sheet.getRange("A1:F1").setValues([[LONG_TITLE, "", "", "", "", "end"]]);
  sheet.getRange("A2:E2").setValues([["Status", "Behind", 150, 0.1234, 1234.5]]);
  sheet.getRange("D2").setNumberFormat("0.0%");
  sheet.getRange("E2").setNumberFormat("$#,##0.00");
  sheet.getRange("A3").setValue("Wrapped text in a narrow column that needs several lines to show all of it").setWrap(true);
  sheet.setColumnWidth(1, 120);
  sheet.getRange("H4").setValue(1234567890123).setNumberFormat("$#,##0.00");
  sheet.getRange("F2").setValue(-250).setNumberFormat("$#,##0;[Red]-$#,##0");
  sheet.getRange("A5").setValue("Period").setNote("Pick a preset; every table below recomputes.");
  sheet.getRange("B5").setDataValidation(app.newDataValidation().requireValueInList(PERIODS, true).setAllowInvalid(false).build());
  sheet.getRange("B5").setValue(PERIODS[0]);
  sheet.setColumnWidth(2, 110);
  sheet.getRange("A7:A12").setValues([[10], [20], [30], [40], [50], [60]]);
  sheet.setConditionalFormatRules([
    app.newConditionalFormatRule().whenTextEqualTo("Behind").setBackground("#f4c7c3").setRanges([sheet.getRange("B2")]).build(),
    app.newConditionalFormatRule().whenNumberGreaterThan(100).setBackground("#b7e1cd").setFontColor("#0b8043").setRanges([sheet.getRange("C2")]).build(),
    app.newConditionalFormatRule().setGradientMinpoint("#ffffff").setGradientMaxpoint("#57bb8a").setRanges([sheet.getRange("A7:A12")]).build(),
  ]);
  sheet.getRange("C7").setFormula("=SPARKLINE(A7:A12)");
  sheet.getRange("D7").setFormula('=SPARKLINE(A7:A12, {"charttype","column"})');
  sheet.setRowHeight(7, 40);
  sheet.getRange("E8:G11").setValues([["Channel", "Spend", "Customers"], ["Search", 100, 2], ["Social", 300, 3], ["Email", 50, 5]]);
  sheet.getRange("I8").setFormula('=KPI_BY(E9:E11, "CAC", F9:F11, G9:G11)');
  sheet.getRange("K5:L6").merge().setValue("Merged");
  sheet.getRange("K8").setDataValidation(app.newDataValidation().requireCheckbox().build());
  sheet.getRange("K8").setValue(false);
  sheet.setFrozenRows(1);
  sheet.insertChart(sheet.newChart().setChartType(charts.ChartType.PIE).addRange(sheet.getRange("E8:F11"))
    .setPosition(14, 1, 0, 0).setOption("title", "Spend share").setOption("pieHole", 0.4).setOption("width", 420).build());
  sheet.insertChart(sheet.newChart().setChartType(charts.ChartType.COLUMN).addRange(sheet.getRange("E8:G11"))
    .setPosition(14, 6, 0, 0).setOption("title", "Spend and customers").setOption("vAxis", { logScale: true }).build());
  sheet.insertChart(sheet.newChart().setChartType(charts.ChartType.TREEMAP).addRange(sheet.getRange("E8:F11"))
    .setPosition(34, 1, 0, 0).setOption("title", "Spend tree").build());
  ss.setActiveSheet(sheet);
}
