// The bundle's entry: everything the generated top-level Apps Script functions call, and nothing else.
export { runCustomFunction } from "./custom-functions";
export { onInstall, onOpen, showFunctionReference } from "./menu";
export { inspectSheet, openSummarySheet, previewMapping, refreshSummary, saveAndGenerate, wizardStart } from "./sidebar-api";
