// Step 1, Data: which sheet and header row hold the funnel, what shape the data has, and a few of its rows.
import type { FunnelShape } from "../server/mapping/mapping-types";
import type { SheetInspection } from "../server/sidebar-api";
import { whileBusy } from "./busy";
import { Debouncer } from "./debounce";
import { clear, el, labelled, option } from "./dom";
import { cellText } from "./format";
import { mappingFromProposal } from "./mapping-draft";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";
import { parseHeaderRow, TEXT_CELLS_FIELD } from "./wizard-state";
import { createReadingPanel } from "./reading-panel";
import { createTextCellsPanel } from "./text-cells-panel";
import { enterSources } from "./step-sources";

const SHAPE_LABELS: Record<FunnelShape, string> = {
  aggregated: "Aggregated (counts per period)",
  "record-level": "Record-level (one row per lead)",
};

export function createDataStep(wizard: Wizard): StepView {
  const { state, server, errors } = wizard;
  const section = el("section", { className: "step", id: "step-data", attrs: { "aria-labelledby": "step-data-title" } });
  const sheetSelect = el("select", { id: "data-sheet" });
  const headerInput = el("input", { id: "header-row", attrs: { type: "number", min: "1", step: "1", inputmode: "numeric" } });
  const shapeSelect = el("select", { id: "data-shape" }, option("aggregated", SHAPE_LABELS.aggregated), option("record-level", SHAPE_LABELS["record-level"]));
  const sheetBlock = labelled("Data sheet", sheetSelect, "The sheet your funnel numbers are on.");
  headerInput.setAttribute("placeholder", "found automatically");
  const headerBlock = labelled("Header row", headerInput, "The row holding the column names; data starts below it. Leave it blank to have it found.");
  const shapeBlock = labelled("Data shape", shapeSelect);
  errors.attach("sheetName", sheetBlock.error, sheetSelect);
  errors.attach("headerRow", headerBlock.error, headerInput);
  errors.attach("shape", shapeBlock.error, shapeSelect);
  const status = el("p", { className: "gray status", text: "Reading the sheet…", attrs: { role: "status" } });
  status.hidden = true;
  const sample = el("div", { className: "sample" });
  const reading = createReadingPanel();
  const textCells = createTextCellsPanel(wizard, () => inspect(true));
  const next = el("button", { className: "action", id: "data-next", text: "Next: stages", attrs: { type: "button" } });
  const combine = el("button", { id: "use-sources", text: "Combine several sheets", attrs: { type: "button" }, on: { click: () => enterSources(wizard) } });
  const combineBlock = el("div", { className: "block gray" }, el("p", { text: "Spend in one sheet per ad platform, deals in another? Combine them as sources, joined by channel." }), combine);
  const inspectLater = new Debouncer(500);
  let inspected = "";

  section.append(
    el("h2", { id: "step-data-title", text: "1. Data", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "data", section),
    sheetBlock.block,
    combineBlock,
    headerBlock.block,
    status,
    reading.node,
    shapeBlock.block,
    sample,
    textCells.node,
    el("div", { className: "block buttons" }, next),
  );

  function fillSheets(): void {
    clear(sheetSelect);
    const sheets = state.start?.sheets ?? [];
    const known = sheets.some((s) => s.name === state.sheetName);
    // A saved sheet that was deleted stays visible as the choice that needs fixing.
    if (!known && state.sheetName !== "") sheetSelect.appendChild(option(state.sheetName, `${state.sheetName} (missing)`, true));
    for (const sheet of sheets) {
      sheetSelect.appendChild(option(sheet.name, `${sheet.name} (${sheet.rows} ${sheet.rows === 1 ? "row" : "rows"})`, sheet.name === state.sheetName));
    }
  }

  function renderSample(inspection: SheetInspection | null): void {
    clear(sample);
    if (!inspection) {
      shapeBlock.hint.textContent = "";
      return;
    }
    shapeBlock.hint.textContent = `Detected: ${inspection.proposal.shape.reason}.`;
    const head = el("tr", {}, ...inspection.headers.map((h) => el("th", { attrs: { scope: "col" }, text: h })));
    if (inspection.dataRows === 0) {
      // The problem itself, with what to do, shows at the sheet picker.
      sample.append(el("p", { className: "gray", text: `No data rows below the header row (row ${inspection.headerRow}).` }));
      return;
    }
    const rows = inspection.sampleRows.map((row) => el("tr", {}, ...row.map((cell) => el("td", { text: cellText(cell) }))));
    sample.append(
      el("p", { className: "gray", text: `${inspection.dataRows} data rows. The first ${inspection.sampleRows.length}:` }),
      el("div", { className: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": "Sample rows" } },
        el("table", { className: "sample-table" }, el("thead", {}, head), el("tbody", {}, ...rows))),
    );
  }

  /** The header row as typed, or null (find it) when the field is blank. */
  function typedHeaderRow(): number | null | "invalid" {
    if (state.headerRowText.trim() === "") return null;
    return parseHeaderRow(state.headerRowText) ?? "invalid";
  }

  async function inspect(force = false): Promise<boolean> {
    const headerRow = typedHeaderRow();
    if (headerRow === "invalid") {
      errors.set("inspect", [{ field: "headerRow", message: `Header row: "${state.headerRowText}" is not a row number (1 or more)` }]);
      return false;
    }
    const wanted = `${state.sheetName}\u0000${headerRow}`;
    try {
      const inspection = await whileBusy([next], status, () => server.inspectSheet(state.sheetName, headerRow));
      errors.clear("inspect");
      // A sheet the user moved away from while it was being read is not the one they want.
      if (wanted !== `${state.sheetName}\u0000${typedHeaderRow()}`) return false;
      state.inspection = inspection;
      inspected = wanted;
      const m = state.mapping;
      if (!m || m.sheetName !== inspection.sheetName || m.headerRow !== inspection.headerRow) {
        state.mapping = mappingFromProposal(inspection.proposal);
        state.lockedKeys = new Set(inspection.proposal.stages.map((s) => s.key));
        wizard.mappingChanged();
      }
      else if (force) wizard.mappingChanged();
      shapeSelect.value = state.mapping?.shape ?? inspection.proposal.shape.value;
      renderSample(inspection);
      reading.render(inspection);
      textCells.render();
      return true;
    } catch (error) {
      // What was shown belongs to the sheet picked before: it goes, so no other sheet's rows stand under this name.
      if (wanted === `${state.sheetName}\u0000${parseHeaderRow(state.headerRowText)}`) renderSample(null);
      wizard.callFailed("inspect", error);
      return false;
    }
  }

  sheetSelect.addEventListener("change", () => {
    state.sheetName = sheetSelect.value;
    inspectLater.cancel();
    renderSample(null);
    void inspect();
  });
  headerInput.addEventListener("input", () => {
    state.headerRowText = headerInput.value;
    inspectLater.schedule((isLatest) => {
      if (isLatest()) void inspect();
    });
  });
  shapeSelect.addEventListener("change", () => {
    if (!state.mapping) return;
    state.mapping = { ...state.mapping, shape: shapeSelect.value === "record-level" ? "record-level" : "aggregated" };
    wizard.mappingChanged();
  });
  next.addEventListener("click", async () => {
    inspectLater.cancel();
    const current = `${state.sheetName}\u0000${typedHeaderRow()}`;
    if (current === inspected || (await inspect())) wizard.go("stages");
  });

  return {
    id: "data",
    section,
    show() {
      fillSheets();
      combineBlock.hidden = (state.start?.sheets.length ?? 0) < 2;
      headerInput.value = state.headerRowText;
      if (state.mapping) shapeSelect.value = state.mapping.shape;
      const current = `${state.sheetName}\u0000${typedHeaderRow()}`;
      if (current !== inspected && state.sheetName !== "") void inspect();
      else textCells.render();
    },
    focusField(field) {
      const control = { sheetName: sheetSelect, headerRow: headerInput, shape: shapeSelect, [TEXT_CELLS_FIELD]: textCells.focusTarget() }[field];
      control?.focus();
      return control !== undefined;
    },
  };
}
