// The Apps Script entry points the build declares as top-level functions, besides the custom functions.

export interface EntryPoint {
  name: string;
  params: readonly string[];
}

/** Each must be exported by `src/server/main.ts` under the same name; the bundle contract test checks it. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: "onOpen", params: ["e"] },
  { name: "onInstall", params: ["e"] },
  { name: "showFunctionReference", params: [] },
  { name: "showSidebar", params: [] },
  { name: "refreshSummaryFromMenu", params: [] },
  { name: "wizardStart", params: [] },
  { name: "inspectSheet", params: ["sheetName", "headerRow"] },
  { name: "previewMapping", params: ["mapping"] },
  { name: "previewTextCells", params: ["mapping"] },
  { name: "convertTextCells", params: ["mapping", "confirmedCount"] },
  { name: "saveAndGenerate", params: ["mapping", "goals"] },
  { name: "refreshSummary", params: [] },
  { name: "openSummarySheet", params: [] },
  { name: "suggestGoal", params: ["mapping", "kpi", "basis", "start", "end"] },
  { name: "sourcesStart", params: [] },
  { name: "proposeSourcesFor", params: ["sheetNames"] },
  { name: "previewSources", params: ["mapping", "channels"] },
  { name: "saveSourcesAndGenerate", params: ["mapping", "channels", "goals"] },
  { name: "suggestSourcesGoal", params: ["mapping", "kpi", "basis", "start", "end"] },
];
