// The Data step's offer to turn numbers and dates stored as text into real ones, so the summary's live formulas count them: shown first, done only when confirmed.
import type { TextCellPreview } from "../server/sidebar-api";
import { whileBusy } from "./busy";
import { append, clear, el } from "./dom";
import type { Wizard } from "./wizard";

export function createTextCellsPanel(wizard: Wizard, afterConvert: () => Promise<unknown>): { node: HTMLElement; render(): void; focusTarget(): HTMLElement | undefined } {
  const { state, server, errors } = wizard;
  const node = el("div", { className: "block text-cells", id: "text-cells" });
  let preview: TextCellPreview | null = null;
  let done: string | null = null;

  function mappedTextColumns(): Array<{ label: string; count: number }> {
    const mapping = state.mapping;
    const inspection = state.inspection;
    if (!mapping || !inspection) return [];
    const mapped = new Map<number, string>();
    for (const s of mapping.stages) if (s.column) mapped.set(s.column.index, `Stage '${s.name}'`);
    for (const field of ["date", "spend", "revenue"] as const) {
      const ref = mapping[field];
      if (ref) mapped.set(ref.index, field[0].toUpperCase() + field.slice(1));
    }
    return inspection.reading.columns
      .filter((c) => mapped.has(c.index) && (c.kind === "number" || c.kind === "date") && c.fromText.count > 0)
      .map((c) => ({ label: `${mapped.get(c.index)} ('${c.header}')`, count: c.fromText.count }));
  }

  async function review(): Promise<void> {
    const mapping = state.mapping;
    if (!mapping) return;
    try {
      preview = await whileBusy([], null, () => server.previewTextCells(mapping));
      errors.clear("text-cells");
    } catch (error) {
      wizard.callFailed("text-cells", error);
    }
    render();
  }

  async function convert(): Promise<void> {
    const mapping = state.mapping;
    const reviewed = preview;
    if (!mapping || !reviewed) return;
    try {
      const result = await whileBusy([], null, () => server.convertTextCells(mapping, reviewed.total));
      errors.clear("text-cells");
      done = `Converted ${result.converted} cells to real numbers and dates.`;
      preview = null;
      await afterConvert();
    } catch (error) {
      preview = null;
      wizard.callFailed("text-cells", error);
    }
    render();
  }

  function render(): void {
    clear(node);
    if (done !== null) node.appendChild(el("p", { className: "status", id: "text-cells-done", attrs: { role: "status" }, text: done }));
    const columns = mappedTextColumns();
    if (columns.length === 0) return;
    done = null;
    node.append(
      el("h3", { text: "Numbers and dates stored as text" }),
      el("p", { className: "warning", text: "These columns hold text that the add-on reads as numbers or dates, but the KPI Summary's live formulas (SUMIFS, COUNTIFS) will not count it:" }),
      el("ul", {}, ...columns.map((c) => el("li", { text: `${c.label}: ${c.count} cells` }))),
    );
    if (preview === null) {
      node.appendChild(el("button", { id: "text-cells-review", text: "Review the conversion", attrs: { type: "button" }, on: { click: () => void review() } }));
      return;
    }
    const rows = preview.cells.map((c) => el("tr", {}, el("td", { text: c.address }), el("td", { text: c.text }), el("td", { text: c.shown })));
    const more = preview.total - preview.cells.length;
    append(node,
      el("p", { text: `${preview.total} cells will change, nothing else:` }),
      el("div", { className: "table-scroll" },
        el("table", { id: "text-cells-table" },
          el("thead", {}, el("tr", {}, el("th", { text: "Cell" }), el("th", { text: "Now (text)" }), el("th", { text: "Becomes" }))),
          el("tbody", {}, ...rows))),
      more > 0 ? el("p", { className: "gray", text: `and ${more} more like these` }) : null,
      el("div", { className: "buttons" },
        el("button", { className: "action", id: "text-cells-convert", text: `Convert ${preview.total} cells`, attrs: { type: "button" }, on: { click: () => void convert() } }),
        el("button", { id: "text-cells-cancel", text: "Cancel", attrs: { type: "button" }, on: { click: () => { preview = null; render(); } } })),
    );
  }

  /** What a "Go to Data" for text cells focuses: the panel's first button, once the panel shows. */
  function focusTarget(): HTMLElement | undefined {
    render();
    return node.querySelector<HTMLElement>("button") ?? undefined;
  }

  return { node, render, focusTarget };
}
