// The bundle's entry: everything the generated top-level Apps Script functions call, and nothing else.
export { runCustomFunction } from "./custom-functions";
export { onInstall, onOpen, refreshSummaryFromMenu, showFunctionReference, showSidebar } from "./menu";
export {
  convertTextCells, inspectSheet, openSummarySheet, previewMapping, previewTextCells, refreshSummary, saveAndGenerate, suggestGoal, wizardStart,
} from "./sidebar-calls";
