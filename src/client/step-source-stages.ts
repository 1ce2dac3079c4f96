// Step 2 with several sheets, Stages: one funnel order; per stage its source(s) and column (or status values); per source its date, channel, spend and revenue columns.
import type { ColumnRef, StatusCondition } from "../server/mapping/mapping-types";
import type { MappingSource, SourcedMapping } from "../server/mapping/source-types";
import type { SourceCandidate } from "../server/sources/sources-api";
import { fillColumnSelect, selectedColumn } from "./column-select";
import { clear, el, labelled, option } from "./dom";
import { formatCount, formatRate } from "./format";
import {
  addSourcedStage, addSupply, goalsView, moveSourcedStage, removeSourcedStage, removeSupply, renameSourcedStage,
  setSourceField, setSupplyColumn, setSupplySource, setSupplyStatus, updateSource, type SourceField,
} from "./sources-draft";
import type { SourcesPreviewer } from "./sources-preview";
import { roleLabel } from "./step-sources";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";

const FIELD_LABELS: Record<SourceField, string> = { date: "Date column", channel: "Channel column", spend: "Spend column", revenue: "Revenue column" };
const KIND_LABELS = { channel: "channel names", campaign: "campaigns or campaign types", "source-medium": "GA4 source / medium" } as const;

export function createSourceStagesStep(wizard: Wizard, previewer: SourcesPreviewer): StepView {
  const { state, errors } = wizard;
  const section = el("section", { className: "step", id: "step-source-stages", attrs: { "aria-labelledby": "step-source-stages-title" } });
  const reasons = el("ul", { className: "gray reasons", id: "source-reasons" });
  const list = el("ol", { className: "stage-list", id: "source-stage-list" });
  const stagesError = el("div", { className: "error", attrs: { role: "alert" } });
  errors.attach("stages", stagesError, list);
  const add = el("button", { id: "add-source-stage", text: "Add stage", attrs: { type: "button" } });
  const sourceColumns = el("div", { className: "source-columns", id: "source-columns" });
  const preview = el("div", { className: "block preview", id: "source-preview", attrs: { "aria-live": "polite" } });
  const back = el("button", { text: "Back", attrs: { type: "button" }, on: { click: () => wizard.go("sources") } });
  const next = el("button", { className: "action", id: "source-stages-next", text: "Next: channels", attrs: { type: "button" }, on: { click: () => wizard.go("channels") } });

  section.append(
    el("h2", { id: "step-source-stages-title", text: "2. Stages", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "source-stages", section),
    reasons,
    el("h3", { text: "Funnel stages, widest first" }),
    list,
    stagesError,
    el("div", { className: "block" }, add),
    preview,
    el("h3", { text: "Each source's columns" }),
    sourceColumns,
    el("div", { className: "block buttons" }, back, next),
  );

  const candidateOf = (source: MappingSource): SourceCandidate | undefined => state.sources.start?.candidates.find((c) => c.name === source.sheetName);
  const headersOf = (source: MappingSource): string[] => candidateOf(source)?.headers ?? [];

  function update(next: SourcedMapping, redraw = true): void {
    state.sources.mapping = next;
    state.mapping = goalsView(next);
    previewer.changed();
    if (redraw) render();
  }

  function statusBlock(mapping: SourcedMapping, stageIndex: number, supplyIndex: number, source: MappingSource, status: StatusCondition | null | undefined, stageName: string): HTMLElement {
    const candidate = candidateOf(source);
    const headers = headersOf(source);
    const select = el("select", { className: "supply-status-column", attrs: { "aria-label": `Status column of ${stageName} in ${source.sheetName}` } });
    fillColumnSelect(select, headers, status?.column ?? null, "(none: reached by its date)");
    select.addEventListener("change", () => {
      const latest = state.sources.mapping;
      if (latest === null) return;
      const column = selectedColumn(select, headers, status?.column ?? null);
      update(setSupplyStatus(latest, stageIndex, supplyIndex, column === null ? null : { column, values: [] }));
    });
    const box = el("div", { className: "supply-status" }, labelled("Reached when this column is", select).block);
    if (!status) return box;
    const values = candidate?.distinctValues[String(status.column.index)];
    if (values === undefined) {
      box.appendChild(el("p", { className: "warning", text: `'${status.column.header}' has too many different values to be a status column.` }));
      return box;
    }
    const group = el("div", { className: "status-values", attrs: { role: "group", "aria-label": `Values that reach ${stageName}` } });
    for (const v of values) {
      const check = el("input", { className: "supply-status-value", attrs: { type: "checkbox", "data-value": v.value, "aria-label": `${v.value} reaches ${stageName}` } });
      check.checked = status.values.includes(v.value);
      check.addEventListener("change", () => {
        const latest = state.sources.mapping;
        if (latest === null) return;
        const chosen = status.values.filter((x) => x !== v.value);
        if (check.checked) chosen.push(v.value);
        update(setSupplyStatus(latest, stageIndex, supplyIndex, { column: status.column, values: chosen }), false);
        status.values.splice(0, status.values.length, ...chosen);
      });
      group.appendChild(el("label", { className: "status-value" }, check, ` ${v.value} (${formatCount(v.count)})`));
    }
    box.appendChild(group);
    return box;
  }

  function renderStages(mapping: SourcedMapping): void {
    errors.detachMatching("stage:");
    clear(list);
    const byId = new Map(mapping.sources.map((s) => [s.id, s]));
    mapping.stages.forEach((stage, index) => {
      const named = stage.name.trim() === "" ? `stage ${index + 1}` : stage.name;
      const nameInput = el("input", { className: "stage-name", attrs: { type: "text", maxlength: "60", autocomplete: "off" } });
      nameInput.value = stage.name;
      const nameBlock = labelled(`Stage ${index + 1} name`, nameInput);
      const stageError = el("div", { className: "error", attrs: { role: "alert" } });
      errors.attach(`stage:${stage.key}`, stageError, nameInput);
      nameInput.addEventListener("input", () => {
        const latest = state.sources.mapping;
        if (latest === null) return;
        update(renameSourcedStage(latest, index, nameInput.value, state.sources.lockedKeys.has(latest.stages[index].key)), false);
      });
      nameInput.addEventListener("change", () => render());
      const supplies = stage.supply.map((supply, j) => {
        const source = byId.get(supply.source);
        const sourceSelect = el("select", { className: "supply-source", attrs: { "aria-label": `Source ${j + 1} of ${named}` } },
          ...mapping.sources.map((s) => option(s.id, s.sheetName, s.id === supply.source)));
        sourceSelect.addEventListener("change", () => {
          const latest = state.sources.mapping;
          if (latest !== null) update(setSupplySource(latest, index, j, sourceSelect.value));
        });
        const error = el("div", { className: "error", attrs: { role: "alert" } });
        const remove = el("button", { className: "icon-button", text: "✕", attrs: { type: "button", "aria-label": `Remove ${source?.sheetName ?? supply.source} from ${named}` } });
        remove.addEventListener("click", () => {
          const latest = state.sources.mapping;
          if (latest !== null) update(removeSupply(latest, index, j));
        });
        const box = el("div", { className: "supply", attrs: { "data-source": supply.source } }, labelled("From", sourceSelect).block);
        if (source !== undefined) {
          const headers = headersOf(source);
          const columnSelect = el("select", { className: "supply-column", attrs: { "aria-label": `${source.shape === "aggregated" ? "Count" : "Date"} column of ${named} in ${source.sheetName}` } });
          fillColumnSelect(columnSelect, headers, supply.column, supply.status ? "(none: the record's date)" : "(none)");
          columnSelect.addEventListener("change", () => {
            const latest = state.sources.mapping;
            if (latest !== null) update(setSupplyColumn(latest, index, j, selectedColumn(columnSelect, headers, supply.column)));
          });
          errors.attach(`source:${source.id}:stage:${stage.key}`, error, columnSelect);
          box.appendChild(labelled(source.shape === "aggregated" ? "Count column" : "Date reached column", columnSelect).block);
          if (source.shape === "record-level") box.appendChild(statusBlock(mapping, index, j, source, supply.status, named));
        }
        box.append(error, remove);
        return box;
      });
      const addSupplier = el("button", { className: "add-supply", text: "Add a source", attrs: { type: "button", "aria-label": `Add a source to ${named}` } });
      addSupplier.disabled = stage.supply.length >= mapping.sources.length;
      addSupplier.addEventListener("click", () => {
        const latest = state.sources.mapping;
        if (latest !== null) update(addSupply(latest, index));
      });
      const up = el("button", { className: "icon-button", text: "↑", attrs: { type: "button", "aria-label": `Move up ${named}` } });
      const down = el("button", { className: "icon-button", text: "↓", attrs: { type: "button", "aria-label": `Move down ${named}` } });
      const drop = el("button", { className: "icon-button", text: "✕", attrs: { type: "button", "aria-label": `Remove ${named}` } });
      up.disabled = index === 0;
      down.disabled = index === mapping.stages.length - 1;
      up.addEventListener("click", () => state.sources.mapping && update(moveSourcedStage(state.sources.mapping, index, -1)));
      down.addEventListener("click", () => state.sources.mapping && update(moveSourcedStage(state.sources.mapping, index, 1)));
      drop.addEventListener("click", () => state.sources.mapping && update(removeSourcedStage(state.sources.mapping, index)));
      list.appendChild(el("li", { className: "stage", attrs: { "data-key": stage.key } },
        nameBlock.block, ...supplies, stageError,
        el("div", { className: "stage-buttons", attrs: { role: "group", "aria-label": `Arrange ${named}` } }, addSupplier, up, down, drop)));
    });
  }

  function renderSourceColumns(mapping: SourcedMapping): void {
    errors.detachMatching("source:");
    clear(sourceColumns);
    for (const source of mapping.sources) {
      const headers = headersOf(source);
      const candidate = candidateOf(source);
      const fields = (Object.keys(FIELD_LABELS) as SourceField[]).map((field) => {
        const select = el("select", { className: `source-${field}`, attrs: { "data-source": source.id } });
        const none = field === "date" && source.shape === "record-level" ? "(none: the first stage's date)" : "(none)";
        fillColumnSelect(select, headers, source[field], none);
        const block = labelled(FIELD_LABELS[field], select);
        errors.attach(`source:${source.id}:${field}`, block.error, select);
        select.addEventListener("change", () => {
          const latest = state.sources.mapping;
          if (latest === null) return;
          const column: ColumnRef | null = selectedColumn(select, headers, source[field]);
          update(setSourceField(latest, source.id, field, column));
        });
        return block.block;
      });
      const kind = el("select", { className: "source-channel-kind", attrs: { "data-source": source.id } },
        ...(Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>).map((k) => option(k, KIND_LABELS[k], (source.channelKind ?? "channel") === k)));
      kind.addEventListener("change", () => {
        const latest = state.sources.mapping;
        if (latest !== null) update(updateSource(latest, source.id, { channelKind: kind.value as keyof typeof KIND_LABELS }), false);
      });
      const fixed = el("input", { className: "source-fixed-channel", attrs: { type: "text", maxlength: "100", "data-source": source.id, placeholder: "e.g. Paid Search" } });
      fixed.value = source.fixedChannel ?? "";
      fixed.addEventListener("change", () => {
        const latest = state.sources.mapping;
        if (latest !== null) update(updateSource(latest, source.id, { fixedChannel: fixed.value.trim() === "" ? null : fixed.value.trim() }), false);
      });
      const role = candidate === undefined ? "" : ` · ${roleLabel(candidate)}`;
      sourceColumns.appendChild(el("fieldset", { className: "source-fields", attrs: { "data-source": source.id } },
        el("legend", { text: `${source.sheetName}${role}` }),
        ...fields,
        labelled("The channel column holds", kind).block,
        labelled("All of this source is one channel", fixed, "Leave blank to align each value of its channel column in the Channels step.").block));
    }
  }

  function renderPreview(): void {
    clear(preview);
    preview.appendChild(el("h3", { text: "Preview" }));
    if (previewer.pending) preview.appendChild(el("p", { className: "gray status", text: "Updating…" }));
    const p = state.sources.preview;
    if (p === null) return;
    if (p.stages.length === 0) {
      preview.appendChild(el("p", { className: "gray", text: "Fix the problems marked above to see totals." }));
    } else {
      preview.appendChild(el("table", { className: "preview-table" },
        el("thead", {}, el("tr", {}, el("th", { attrs: { scope: "col" }, text: "Stage" }), el("th", { attrs: { scope: "col" }, text: "Total" }), el("th", { attrs: { scope: "col" }, text: "From previous" }))),
        el("tbody", {}, ...p.stages.map((s, i) => el("tr", { attrs: { "data-key": s.key } },
          el("th", { attrs: { scope: "row" }, text: s.name }),
          el("td", { className: "number", text: formatCount(s.total) }),
          el("td", { className: "number", text: i === 0 ? "" : formatRate(s.conversionFromPrevious) }))))));
    }
    for (const w of p.validation.warnings) preview.appendChild(el("p", { className: "warning", text: w.message }));
  }

  function render(): void {
    const mapping = state.sources.mapping;
    clear(reasons);
    for (const r of state.sources.reasons) reasons.appendChild(el("li", { text: `${r.field}: ${r.reason}` }));
    if (mapping === null) return;
    renderStages(mapping);
    renderSourceColumns(mapping);
    renderPreview();
    errors.refresh();
  }

  add.addEventListener("click", () => state.sources.mapping && update(addSourcedStage(state.sources.mapping)));
  previewer.onChange(() => {
    if (state.step === "source-stages") renderPreview();
  });

  return {
    id: "source-stages",
    section,
    show() {
      render();
      if (state.sources.preview === null && !previewer.pending && state.sources.mapping !== null) previewer.changed();
    },
    focusField(field) {
      const m = /^source:([^:]+):(.*)$/.exec(field);
      let control: HTMLElement | null = null;
      if (m !== null) {
        const [, id, rest] = m;
        control = rest.startsWith("stage:")
          ? list.querySelector<HTMLElement>(`li[data-key="${CSS.escape(rest.slice("stage:".length))}"] .supply[data-source="${CSS.escape(id)}"] select.supply-column`)
          : sourceColumns.querySelector<HTMLElement>(`select.source-${rest}[data-source="${CSS.escape(id)}"]`);
      } else if (field.startsWith("stage:")) {
        control = list.querySelector<HTMLElement>(`li[data-key="${CSS.escape(field.slice("stage:".length))}"] .stage-name`);
      } else if (field === "stages" || field === "spend") {
        control = list.querySelector<HTMLElement>(".stage-name");
      }
      control?.focus();
      return control !== null;
    },
  };
}
