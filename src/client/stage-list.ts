// The stages editor: one row per stage with its name, its column and why it was proposed; buttons (not dragging) to reorder, add and remove.
import type { FunnelMapping } from "../server/mapping/mapping-types";
import { fillColumnSelect, selectedColumn } from "./column-select";
import { clear, el, labelled } from "./dom";
import { addStage, moveStage, removeStage, renameStage, setStageColumn } from "./mapping-draft";
import type { Wizard } from "./wizard";

export interface StageList {
  node: HTMLElement;
  render(focus?: { index: number; control: "name" | "up" | "down" | "remove" | "column" }): void;
  focusStage(key: string): boolean;
}

function stageReason(wizard: Wizard, mapping: FunnelMapping, index: number): string {
  const stage = mapping.stages[index];
  const proposed = wizard.state.inspection?.proposal.stages.find((s) => s.key === stage.key);
  if (proposed && stage.column && proposed.column && proposed.column.index === stage.column.index && proposed.column.header === stage.column.header) {
    return `Proposed: ${proposed.reason}.`;
  }
  if (proposed && proposed.status && stage.status && proposed.column === null && stage.column === null) return `Proposed: ${proposed.reason}.`;
  if (stage.column === null && stage.status) return "Reached by its status values (below), dated by the record's date.";
  if (stage.column === null) return mapping.shape === "aggregated" ? "Pick the column that counts this stage." : "Pick the column with the date each record reached this stage.";
  return wizard.state.start?.saved?.mapping.stages.some((s) => s.key === stage.key && s.column?.index === stage.column?.index)
    ? "As saved."
    : "Chosen by you.";
}

export function createStageList(wizard: Wizard): StageList {
  const { state, errors } = wizard;
  const list = el("ol", { className: "stage-list", id: "stage-list" });
  const stagesError = el("div", { className: "error", attrs: { role: "alert" } });
  const add = el("button", { id: "add-stage", text: "Add stage", attrs: { type: "button" } });
  const node = el("div", { className: "stages" }, list, stagesError, el("div", { className: "block" }, add));
  errors.attach("stages", stagesError, list);

  function update(next: FunnelMapping, focus?: Parameters<StageList["render"]>[0]): void {
    state.mapping = next;
    wizard.mappingChanged();
    render(focus);
  }

  function render(focus?: Parameters<StageList["render"]>[0]): void {
    const mapping = state.mapping;
    errors.detachMatching("stage:");
    clear(list);
    if (!mapping) return;
    const headers = state.inspection?.headers ?? [];
    const count = mapping.stages.length;
    mapping.stages.forEach((stage, index) => {
      const label = (what: string): string => `${what} ${stage.name.trim() === "" ? `stage ${index + 1}` : stage.name}`;
      const nameInput = el("input", { className: "stage-name", attrs: { type: "text", maxlength: "60", autocomplete: "off" } });
      nameInput.value = stage.name;
      const columnSelect = el("select", { className: "stage-column" });
      fillColumnSelect(columnSelect, headers, stage.column);
      const name = labelled(`Stage ${index + 1} name`, nameInput);
      const column = labelled(mapping.shape === "aggregated" ? "Count column" : "Date reached column", columnSelect, stageReason(wizard, mapping, index));
      const up = el("button", { className: "icon-button", text: "↑", attrs: { type: "button", "aria-label": label("Move up"), title: "Move up" } });
      const down = el("button", { className: "icon-button", text: "↓", attrs: { type: "button", "aria-label": label("Move down"), title: "Move down" } });
      const remove = el("button", { className: "icon-button", text: "✕", attrs: { type: "button", "aria-label": label("Remove"), title: "Remove stage" } });
      up.disabled = index === 0;
      down.disabled = index === count - 1;
      let detach = errors.attach(`stage:${stage.key}`, column.error, columnSelect);

      nameInput.addEventListener("input", () => {
        const current = state.mapping;
        if (!current) return;
        // Typing must not rebuild the list (the caret would jump), so only the state and the labels change.
        state.mapping = renameStage(current, index, nameInput.value, state.lockedKeys.has(current.stages[index].key));
        const key = state.mapping.stages[index].key;
        if (key !== item.dataset.key) {
          // A new stage's key follows its name, and its problems are filed under the new key.
          detach();
          detach = errors.attach(`stage:${key}`, column.error, columnSelect);
          item.dataset.key = key;
        }
        const named = nameInput.value.trim() === "" ? `stage ${index + 1}` : nameInput.value;
        up.setAttribute("aria-label", `Move up ${named}`);
        down.setAttribute("aria-label", `Move down ${named}`);
        remove.setAttribute("aria-label", `Remove ${named}`);
        wizard.mappingChanged();
      });
      columnSelect.addEventListener("change", () => {
        const current = state.mapping;
        if (!current) return;
        update(setStageColumn(current, index, selectedColumn(columnSelect, headers, current.stages[index].column)), { index, control: "column" });
      });
      up.addEventListener("click", () => state.mapping && update(moveStage(state.mapping, index, -1), { index: index - 1, control: index - 1 === 0 ? "down" : "up" }));
      down.addEventListener("click", () =>
        state.mapping && update(moveStage(state.mapping, index, 1), { index: index + 1, control: index + 1 === count - 1 ? "up" : "down" }),
      );
      remove.addEventListener("click", () => state.mapping && update(removeStage(state.mapping, index), { index: Math.max(0, index - 1), control: "name" }));

      const item = el("li", { className: "stage", attrs: { "data-key": stage.key } },
        name.block,
        column.block,
        el("div", { className: "stage-buttons", attrs: { role: "group", "aria-label": label("Arrange") } }, up, down, remove),
      );
      list.appendChild(item);
      if (focus?.index === index) {
        ({ name: nameInput, up, down, remove, column: columnSelect })[focus.control].focus();
      }
    });
    errors.refresh();
  }

  add.addEventListener("click", () => {
    if (!state.mapping) return;
    const next = addStage(state.mapping);
    update(next, { index: next.stages.length - 1, control: "name" });
  });

  return {
    node,
    render,
    focusStage(key) {
      const input = list.querySelector<HTMLElement>(`li[data-key="${CSS.escape(key)}"] select`);
      input?.focus();
      return input !== null && input !== undefined;
    },
  };
}
