// Step 2, Stages: the proposed mapping with its reasons, edited by the user, with a live preview of the funnel it gives.
import { MAPPING_FIELDS, type MappingField } from "../server/mapping/mapping-types";
import { fillColumnSelect, selectedColumn } from "./column-select";
import { clear, el, labelled } from "./dom";
import { setField } from "./mapping-draft";
import { createPreviewPanel } from "./preview-panel";
import { createStageList } from "./stage-list";
import { createStatusValues } from "./status-values";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";

const FIELD_LABELS: Record<MappingField, string> = { date: "Date column", channel: "Channel column", spend: "Spend column", revenue: "Revenue column" };

export function createStagesStep(wizard: Wizard): StepView {
  const { state, errors } = wizard;
  const section = el("section", { className: "step", id: "step-stages", attrs: { "aria-labelledby": "step-stages-title" } });
  const intro = el("p", { className: "gray" });
  const stageList = createStageList(wizard);
  const statusValues = createStatusValues(wizard);
  const selects = new Map<MappingField, { select: HTMLSelectElement; hint: HTMLElement }>();
  const fieldsBlock = el("div", { className: "fields" });
  for (const field of MAPPING_FIELDS) {
    const select = el("select", { id: `field-${field}` });
    const block = labelled(FIELD_LABELS[field], select);
    errors.attach(field, block.error, select);
    selects.set(field, { select, hint: block.hint });
    fieldsBlock.appendChild(block.block);
    select.addEventListener("change", () => {
      if (!state.mapping) return;
      const headers = state.inspection?.headers ?? [];
      state.mapping = setField(state.mapping, field, selectedColumn(select, headers, state.mapping[field]));
      hintFor(field);
      wizard.mappingChanged();
    });
  }
  const unmapped = el("div", { className: "unmapped" });
  const back = el("button", { text: "Back", attrs: { type: "button" }, on: { click: () => wizard.go("data") } });
  const next = el("button", { className: "action", id: "stages-next", text: "Next: goals", attrs: { type: "button" }, on: { click: () => wizard.go("goals") } });

  section.append(
    el("h2", { id: "step-stages-title", text: "2. Stages", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "stages", section),
    intro,
    el("h3", { text: "Funnel stages, widest first" }),
    stageList.node,
    statusValues.node,
    createPreviewPanel(wizard),
    el("h3", { text: "Other columns" }),
    fieldsBlock,
    unmapped,
    el("div", { className: "block buttons" }, back, next),
  );

  function hintFor(field: MappingField): void {
    const entry = selects.get(field);
    const proposal = state.inspection?.proposal[field];
    const current = state.mapping?.[field] ?? null;
    if (!entry) return;
    const same = proposal && (proposal.column?.index ?? -1) === (current?.index ?? -1);
    entry.hint.textContent = same && proposal ? `Proposed: ${proposal.reason}.` : current ? "Chosen by you." : "";
  }

  function render(): void {
    const mapping = state.mapping;
    const inspection = state.inspection;
    intro.textContent = inspection ? `Proposed: ${inspection.proposal.stagesReason}.` : "";
    stageList.render();
    statusValues.render();
    const headers = inspection?.headers ?? [];
    for (const [field, { select }] of selects) {
      const none = field === "date" && mapping?.shape === "record-level" ? "(none: use the first stage's date)" : "(none)";
      fillColumnSelect(select, headers, mapping?.[field] ?? null, none);
      hintFor(field);
    }
    clear(unmapped);
    const left = inspection?.proposal.unmapped ?? [];
    if (left.length > 0) {
      unmapped.append(el("h3", { text: "Columns not used" }), el("ul", {}, ...left.map((c) => el("li", { className: "gray", text: `${c.header}: ${c.reason}.` }))));
    }
  }

  return {
    id: "stages",
    section,
    show() {
      render();
      // A reopened setup, or a preview that failed, is previewed again on arrival.
      if (!state.preview && !wizard.previewPending && state.mapping) wizard.mappingChanged();
    },
    focusField(field) {
      if (field.startsWith("stage:")) return stageList.focusStage(field.slice("stage:".length));
      if (field === "stages") {
        const first = section.querySelector<HTMLElement>(".stage-name, #add-stage");
        first?.focus();
        return first !== null;
      }
      const entry = selects.get(field as MappingField);
      entry?.select.focus();
      return entry !== undefined;
    },
  };
}
