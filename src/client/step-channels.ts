// Step 3 with several sheets, Channels: the channel table (Source, Value, Channel) as proposed or as the workbook has it, unmatched values highlighted to place, and spend, customers and CAC per channel live.
import { GA4_CHANNELS } from "../kpi/channels/ga4-default-channel-group";
import { clear, el, option, uid } from "./dom";
import { formatCount, formatMoney } from "./format";
import { placeValue, removeTableRow, setTableRow } from "./sources-draft";
import type { SourcesPreviewer } from "./sources-preview";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";

export function createChannelsStep(wizard: Wizard, previewer: SourcesPreviewer): StepView {
  const { state, errors } = wizard;
  const section = el("section", { className: "step", id: "step-channels", attrs: { "aria-labelledby": "step-channels-title" } });
  const from = el("p", { className: "gray", id: "channel-table-from" });
  const channelNames = el("datalist", { id: uid("channel-names") });
  const rows = el("tbody", { id: "channel-rows" });
  const tableError = el("div", { className: "error", attrs: { role: "alert" } });
  const table = el("div", { className: "table-scroll" },
    el("table", { id: "channel-table" },
      el("thead", {}, el("tr", {}, ...["Source", "Value", "Channel", ""].map((h) => el("th", { attrs: { scope: "col" }, text: h })))),
      rows));
  errors.attach("channels", tableError, table);
  const addRow = el("button", { id: "add-channel-row", text: "Add row", attrs: { type: "button" } });
  const unmatched = el("div", { className: "block unmatched", id: "unmatched-values" });
  const preview = el("div", { className: "block preview", id: "channel-preview", attrs: { "aria-live": "polite" } });
  const back = el("button", { text: "Back", attrs: { type: "button" }, on: { click: () => wizard.go("source-stages") } });
  const next = el("button", { className: "action", id: "channels-next", text: "Next: goals", attrs: { type: "button" }, on: { click: () => wizard.go("goals") } });

  section.append(
    el("h2", { id: "step-channels-title", text: "3. Channels", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "channels", section),
    el("p", { className: "gray", text: "Which value of which source is which of your channels. A blank Value covers every other value of its source. The table is kept in the workbook's \"Channel map\" sheet, where the summary reads it: edit it there later and the summary follows." }),
    from,
    channelNames,
    table,
    tableError,
    el("div", { className: "block" }, addRow),
    unmatched,
    preview,
    el("div", { className: "block buttons" }, back, next),
  );

  function edited(redraw: boolean): void {
    state.sources.tableReasons = state.sources.tableReasons.map(() => null);
    previewer.changed();
    if (redraw) render();
  }

  function renderRows(): void {
    clear(rows);
    const t = state.sources.table ?? [];
    const sources = state.sources.mapping?.sources ?? [];
    t.forEach((row, i) => {
      const source = el("select", { className: "channel-source", attrs: { "aria-label": `Source of row ${i + 1}` } },
        ...(sources.some((s) => s.sheetName === row.source) ? [] : [option(row.source, `${row.source} (not a source)`, true)]),
        ...sources.map((s) => option(s.sheetName, s.sheetName, s.sheetName === row.source)));
      const value = el("input", { className: "channel-value", attrs: { type: "text", "aria-label": `Value of row ${i + 1}`, placeholder: "(any other value)" } });
      value.value = row.value;
      const channel = el("input", { className: "channel-name", attrs: { type: "text", "aria-label": `Channel of row ${i + 1}`, list: channelNames.id } });
      channel.value = row.channel;
      const remove = el("button", { className: "icon-button", text: "✕", attrs: { type: "button", "aria-label": `Remove row ${i + 1}` } });
      const reason = state.sources.tableReasons[i] ?? null;
      const change = (): void => {
        if (state.sources.table === null) return;
        state.sources.table = setTableRow(state.sources.table, i, { source: source.value, value: value.value, channel: channel.value });
        edited(false);
      };
      source.addEventListener("change", change);
      value.addEventListener("input", change);
      channel.addEventListener("input", change);
      remove.addEventListener("click", () => {
        if (state.sources.table === null) return;
        state.sources.table = removeTableRow(state.sources.table, i);
        edited(true);
      });
      const tr = el("tr", { className: row.channel.trim() === "" ? "unplaced" : "", attrs: reason === null ? {} : { title: reason } },
        el("td", {}, source), el("td", {}, value), el("td", {}, channel), el("td", {}, remove));
      rows.appendChild(tr);
    });
  }

  function renderNames(): void {
    clear(channelNames);
    const names = new Set<string>(GA4_CHANNELS);
    for (const r of state.sources.table ?? []) if (r.channel.trim() !== "") names.add(r.channel.trim());
    for (const n of names) channelNames.appendChild(option(n, n));
  }

  function renderUnmatched(): void {
    clear(unmatched);
    const p = state.sources.preview;
    if (p === null || p.unmatched.length === 0) {
      if (p !== null) unmatched.appendChild(el("p", { className: "success", text: "Every value of every source is placed." }));
      return;
    }
    const last = p.stages[p.stages.length - 1]?.name ?? "Customers";
    unmatched.append(
      el("h3", { text: `Unmatched values (${p.unmatched.length})` }),
      el("p", { className: "gray", text: "No row places these: each counts as a channel of its own until you give it one." }),
    );
    const list = el("ul", { className: "unmatched-list" });
    for (const u of p.unmatched) {
      const input = el("input", { className: "place-value", attrs: { type: "text", list: channelNames.id, "aria-label": `Channel for ${u.value} of ${u.source}`, "data-value": u.value, "data-source": u.source } });
      const place = el("button", { text: "Place", attrs: { type: "button", "aria-label": `Place ${u.value} of ${u.source}` } });
      place.addEventListener("click", () => {
        if (input.value.trim() === "") return;
        state.sources.table = placeValue(state.sources.table ?? [], u.source, u.value, input.value.trim());
        state.sources.tableReasons = [...state.sources.tableReasons, null];
        edited(true);
      });
      const facts = `${formatCount(u.rows)} rows, spend ${formatMoney(u.all.spend)}, ${last.toLowerCase()} ${formatCount(u.all.stageCounts[u.all.stageCounts.length - 1] ?? 0)}`;
      list.appendChild(el("li", { className: "unmatched-value", attrs: { "data-value": u.value, "data-source": u.source } },
        el("div", {}, el("strong", { text: u.value }), el("span", { className: "gray", text: ` · ${u.source} · ${facts}` })),
        el("div", { className: "place" }, input, place)));
    }
    unmatched.appendChild(list);
  }

  function renderPreview(): void {
    clear(preview);
    preview.appendChild(el("h3", { text: "Per channel, all rows" }));
    if (previewer.pending) preview.appendChild(el("p", { className: "gray status", text: "Updating…" }));
    const p = state.sources.preview;
    if (p === null) return;
    if (p.channels.length === 0) {
      preview.appendChild(el("p", { className: "gray", text: "Fix the problems marked above to see spend, customers and CAC per channel." }));
      return;
    }
    const last = p.stages[p.stages.length - 1]?.name ?? "Customers";
    preview.appendChild(el("div", { className: "table-scroll" }, el("table", { className: "preview-table", id: "channel-preview-table" },
      el("thead", {}, el("tr", {}, ...["Channel", "Spend", last, "CAC"].map((h) => el("th", { attrs: { scope: "col" }, text: h })))),
      el("tbody", {}, ...p.channels.map((c) => el("tr", { attrs: { "data-channel": c.channel, title: `From ${c.sources.join(", ")}` } },
        el("th", { attrs: { scope: "row" }, text: c.channel }),
        el("td", { className: "number", text: c.spend === null ? "n/a" : formatMoney(c.spend) }),
        el("td", { className: "number", text: formatCount(c.customers) }),
        el("td", { className: "number", text: c.cac === null ? "n/a" : formatMoney(c.cac), attrs: c.cacReason === null ? {} : { title: c.cacReason } })))))));
  }

  function render(): void {
    const p = state.sources.preview;
    from.textContent = p === null ? "" : p.tableFrom === "sheet" ? "As the workbook's Channel map has it." : p.tableFrom === "proposed" ? "Proposed from each source's platform, GA4's channel rules and the channel names in the data; hover a row for its reason." : "As you edited it.";
    renderNames();
    renderRows();
    renderUnmatched();
    renderPreview();
    errors.refresh();
  }

  addRow.addEventListener("click", () => {
    const first = state.sources.mapping?.sources[0]?.sheetName ?? "";
    state.sources.table = [...(state.sources.table ?? []), { source: first, value: "", channel: "" }];
    state.sources.tableReasons = [...state.sources.tableReasons, null];
    edited(true);
    rows.querySelector<HTMLElement>("tr:last-child .channel-value")?.focus();
  });
  previewer.onChange(() => {
    if (state.step !== "channels") return;
    // A redraw while typing would move the caret: only the derived parts follow the preview.
    if (state.sources.table !== null && rows.childElementCount !== state.sources.table.length) renderRows();
    renderUnmatched();
    renderPreview();
  });

  return {
    id: "channels",
    section,
    show() {
      render();
      if (state.sources.preview === null && !previewer.pending && state.sources.mapping !== null) previewer.changed();
    },
    focusField(field) {
      if (field !== "channels") return false;
      const control = rows.querySelector<HTMLElement>("input, select") ?? addRow;
      control.focus();
      return true;
    },
  };
}
