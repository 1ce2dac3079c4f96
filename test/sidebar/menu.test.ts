// The add-on menu over the emulation: its items, the sidebar it opens, and Refresh summary's alert and toast.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { installAppsScriptGlobals, type Emulation } from "../../src/local/emulation";
import { onOpen, refreshSummaryFromMenu, showSidebar } from "../../src/server/main";
import { saveAndGenerate, inspectSheet } from "../../src/server/sidebar-api";
import { SIDEBAR_PATH } from "./harness";
import { aggregatedWorkbook } from "./workbooks";
import { mappingFromProposal } from "../../src/client/mapping-draft";

let uninstall: (() => void) | null = null;
function withGlobals(emulation: Emulation): Emulation {
  uninstall = installAppsScriptGlobals(emulation);
  return emulation;
}
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe("add-on menu", () => {
  it("offers Set up funnel, Refresh summary and Function reference", () => {
    const emulation = withGlobals(aggregatedWorkbook());
    emulation.runExecution(() => onOpen());
    const items = emulation.recorder.menus[0].items.flatMap((i) => (typeof i === "object" && "caption" in i ? [[i.caption, i.functionName]] : []));
    expect(items).toEqual([
      ["Set up funnel", "showSidebar"],
      ["Refresh summary", "refreshSummaryFromMenu"],
      ["Function reference", "showFunctionReference"],
    ]);
  });

  it("Set up funnel shows the built Sidebar.html titled Funnel KPIs", () => {
    const emulation = withGlobals(aggregatedWorkbook());
    emulation.runExecution(() => showSidebar());
    expect(emulation.recorder.sidebars).toEqual([expect.objectContaining({ title: "Funnel KPIs", content: readFileSync(SIDEBAR_PATH, "utf8") })]);
  });

  it("Refresh summary says what to do when nothing is set up, and toasts after a refresh", () => {
    const emulation = withGlobals(aggregatedWorkbook());
    emulation.runExecution(() => refreshSummaryFromMenu());
    expect(emulation.recorder.alerts).toEqual([expect.objectContaining({ title: "Funnel KPIs", prompt: expect.stringContaining("open Set up funnel first") })]);

    emulation.runExecution(() => saveAndGenerate(mappingFromProposal(inspectSheet("Funnel", 1).proposal), null));
    emulation.recorder.toasts.length = 0;
    emulation.runExecution(() => refreshSummaryFromMenu());
    expect(emulation.recorder.toasts.at(-1)?.message).toBe('Refreshed "KPI Summary" from 30 data rows.');
  });
});
