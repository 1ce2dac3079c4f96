// The bundle's entry: everything the generated top-level Apps Script functions call, and nothing else.
export { runCustomFunction } from "./custom-functions";
export { onInstall, onOpen, refreshSummaryFromMenu, showFunctionReference, showSidebar } from "./menu";
export {
  convertTextCells, inspectSheet, openSummarySheet, previewMapping, previewSources, previewTextCells, proposeSourcesFor, refreshSummary, saveAndGenerate,
  saveSourcesAndGenerate, sourcesStart, suggestGoal, suggestSourcesGoal, wizardStart,
} from "./sidebar-calls";
