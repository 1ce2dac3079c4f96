// The Stages step's status column: each distinct value of a CRM's deal stage or status column with the funnel stage it means, editable.
import type { FunnelMapping } from "../server/mapping/mapping-types";
import { fillColumnSelect, selectedColumn } from "./column-select";
import { clear, el, labelled, option } from "./dom";
import { setStatusColumn, setValueStage, stageOfValue, statusColumnOf } from "./mapping-draft";
import type { Wizard } from "./wizard";

export function createStatusValues(wizard: Wizard): { node: HTMLElement; render(): void } {
  const { state } = wizard;
  const node = el("div", { className: "block status-values", id: "status-values" });
  /** The column picked here before any value was given a stage (the mapping only records columns with values). */
  let picked: { header: string; index: number } | null = null;

  function update(next: FunnelMapping): void {
    state.mapping = next;
    wizard.mappingChanged();
    render();
  }

  function render(): void {
    clear(node);
    const mapping = state.mapping;
    const inspection = state.inspection;
    if (!mapping || !inspection || mapping.shape !== "record-level") return;
    const column = statusColumnOf(mapping) ?? picked;
    const select = el("select", { id: "status-column" });
    fillColumnSelect(select, inspection.headers, column, "(none: stages are reached by their dates)");
    const proposed = inspection.proposal.stages.find((s) => s.status);
    const hint = proposed && column && proposed.status?.column.index === column.index ? `Proposed: ${proposed.reason}.` : "A CRM's Deal Stage, Stage or Status column: its values say which stage a record reached.";
    const block = labelled("Status column", select, hint);
    select.addEventListener("change", () => {
      const chosen = selectedColumn(select, inspection.headers, column);
      picked = chosen;
      update(setStatusColumn(mapping, chosen));
    });
    node.append(el("h3", { text: "Stages from a status column" }), block.block);
    if (column === null) return;
    const values = inspection.distinctValues[String(column.index)];
    if (values === undefined) {
      node.appendChild(el("p", { className: "warning", text: `'${column.header}' has too many different values to be a status column.` }));
      return;
    }
    const rows = values.map((v, i) => {
      const choice = el("select", { className: "status-stage", attrs: { "aria-label": `Stage meant by ${v.value}`, "data-value": v.value } });
      const current = stageOfValue(mapping, v.value);
      choice.appendChild(option("", "(no stage)", current === null));
      for (const stage of mapping.stages) choice.appendChild(option(stage.key, stage.name, stage.key === current));
      choice.addEventListener("change", () => {
        const latest = state.mapping;
        if (!latest) return;
        update(setValueStage(latest, column, v.value, choice.value === "" ? null : choice.value));
        node.querySelectorAll<HTMLSelectElement>("select.status-stage")[i]?.focus();
      });
      return el("tr", { attrs: { "data-value": v.value } },
        el("th", { attrs: { scope: "row" }, text: v.value }),
        el("td", { className: "number", text: String(v.count) }),
        el("td", {}, choice));
    });
    node.append(
      el("p", { className: "gray", text: "A record reaches a stage only when its status is one of the values given to that stage; its date column then dates it. Records with other values (lost or open deals) are not counted at that stage, whatever dates they carry." }),
      el("div", { className: "table-scroll" },
        el("table", { id: "status-table" },
          el("thead", {}, el("tr", {}, el("th", { attrs: { scope: "col" }, text: "Value" }), el("th", { attrs: { scope: "col" }, text: "Rows" }), el("th", { attrs: { scope: "col" }, text: "Means" }))),
          el("tbody", {}, ...rows))),
    );
  }

  return { node, render };
}
