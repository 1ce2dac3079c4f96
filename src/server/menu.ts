// The add-on menu and what its items open; safe to build in AuthMode.NONE (reads no properties).
import { functionReferenceHtml } from "./function-reference-html";
import { UserFacingError } from "./data-sheet";
import { refreshSummary } from "./sidebar-api";

const TITLE = "Funnel KPIs";

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem("Set up funnel", "showSidebar")
    .addItem("Refresh summary", "refreshSummaryFromMenu")
    .addSeparator()
    .addItem("Function reference", "showFunctionReference")
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** A menu click has no sidebar to show an error in: a problem the user can fix becomes an alert, success a toast. */
export function refreshSummaryFromMenu(): void {
  try {
    const report = refreshSummary();
    const warnings = report.warnings.length > 0 ? ` (${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"})` : "";
    SpreadsheetApp.getActiveSpreadsheet().toast(`Refreshed "${report.sheetName}" from ${report.dataRows} data rows${warnings}.`, TITLE);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    SpreadsheetApp.getUi().alert(TITLE, error.message, SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

export function showFunctionReference(): void {
  const html = HtmlService.createHtmlOutput(functionReferenceHtml()).setWidth(640).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, "Funnel KPIs: function reference");
}
