// The add-on menu and the dialogs it opens; safe to build in AuthMode.NONE (reads no properties).
import { functionReferenceHtml } from "./function-reference-html";

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem("Function reference", "showFunctionReference")
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showFunctionReference(): void {
  const html = HtmlService.createHtmlOutput(functionReferenceHtml()).setWidth(640).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, "Funnel KPIs: function reference");
}
