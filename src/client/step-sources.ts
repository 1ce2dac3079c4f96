// Step 1 with several sheets, Sources: each sheet with its detected role (ad spend, analytics traffic, CRM records, not used) and why, to add or remove; a saved source whose sheet is gone is flagged.
import type { SourceCandidate } from "../server/sources/sources-api";
import { whileBusy } from "./busy";
import { clear, el, option } from "./dom";
import { goalsView, updateSource } from "./sources-draft";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";

const ROLE_LABELS = { "ad-spend": "Ad spend", analytics: "Analytics traffic", crm: "CRM records" } as const;

export function roleLabel(c: Pick<SourceCandidate, "role">): string {
  return c.role === null ? "Not used" : ROLE_LABELS[c.role];
}

/** Loads each sheet's role once; after a failure the next visit asks again. */
export async function loadSourcesStart(wizard: Wizard): Promise<boolean> {
  const s = wizard.state.sources;
  if (s.start !== null) return true;
  try {
    s.start = await wizard.server.sourcesStart();
    wizard.errors.clear("sources-start");
    const saved = s.start.saved;
    if (saved !== null && s.mapping === null) {
      s.mapping = saved.mapping;
      s.chosen = saved.mapping.sources.map((x) => x.sheetName);
      s.lockedKeys = new Set(saved.mapping.stages.map((x) => x.key));
      wizard.state.mapping = goalsView(saved.mapping);
      // Each problem goes next to its control: a renamed sheet under Sources, a moved column under Stages.
      wizard.errors.set("saved", saved.validation.errors.map((e) => ({ field: e.field, message: e.message })));
    }
    if (s.chosen.length === 0) s.chosen = s.start.candidates.filter((c) => c.role !== null).map((c) => c.name);
    return true;
  } catch (error) {
    wizard.callFailed("sources-start", error);
    return false;
  }
}

/** Problems found for the other mode's setup belong to it: switching modes drops them. */
export function dropModeProblems(wizard: Wizard): void {
  for (const source of ["validation", "channel-table", "preview-call", "inspect", "saved", "generate"]) wizard.errors.clear(source);
}

/** From the one-sheet Data step: the same wizard, several sheets. */
export function enterSources(wizard: Wizard): void {
  dropModeProblems(wizard);
  wizard.state.sources.active = true;
  wizard.go("sources");
}

export function createSourcesStep(wizard: Wizard): StepView {
  const { state, server, errors } = wizard;
  const section = el("section", { className: "step", id: "step-sources", attrs: { "aria-labelledby": "step-sources-title" } });
  const list = el("ul", { className: "source-list", id: "source-list" });
  const flagged = el("div", { className: "block", id: "missing-sources" });
  const listError = el("div", { className: "error", attrs: { role: "alert" } });
  errors.attach("sources", listError, list);
  const status = el("p", { className: "gray status", text: "Reading the sheets…", attrs: { role: "status" } });
  status.hidden = true;
  const single = el("button", { id: "sources-one-sheet", text: "Use one sheet", attrs: { type: "button" } });
  const next = el("button", { className: "action", id: "sources-next", text: "Next: stages", attrs: { type: "button" } });

  section.append(
    el("h2", { id: "step-sources-title", text: "1. Sources", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "sources", section),
    el("p", { className: "gray", text: "Each sheet the funnel reads is a source: spend from the ad platforms, traffic from analytics, deals from the CRM. They are joined by channel and period, never row by row." }),
    flagged,
    status,
    list,
    listError,
    el("div", { className: "block buttons" }, single, next),
  );

  function renderFlagged(): void {
    clear(flagged);
    errors.detachMatching("source:");
    const mapping = state.sources.mapping;
    const candidates = state.sources.start?.candidates ?? [];
    if (mapping === null) return;
    const names = new Set(candidates.map((c) => c.name));
    const used = new Set(mapping.sources.map((s) => s.sheetName));
    for (const source of mapping.sources) {
      const error = el("div", { className: "error", attrs: { role: "alert" } });
      if (names.has(source.sheetName)) {
        errors.attach(`source:${source.id}`, error, list);
        flagged.appendChild(error);
        continue;
      }
      const select = el("select", { className: "missing-source", attrs: { "aria-label": `Sheet of the source ${source.sheetName}` } },
        option("", "(choose its sheet)", true),
        ...candidates.filter((c) => !used.has(c.name)).map((c) => option(c.name, c.name)));
      select.addEventListener("change", () => {
        const latest = state.sources.mapping;
        if (latest === null || select.value === "") return;
        state.sources.mapping = updateSource(latest, source.id, { sheetName: select.value });
        state.sources.chosen = state.sources.chosen.map((n) => (n === source.sheetName ? select.value : n));
        if (!state.sources.chosen.includes(select.value)) state.sources.chosen.push(select.value);
        errors.clear("saved");
        render();
      });
      errors.attach(`source:${source.id}`, error, select);
      flagged.appendChild(el("div", { className: "block flagged", attrs: { "data-source": source.sheetName } },
        el("p", { className: "warning", text: `"${source.sheetName}" is not in the workbook any more: it was renamed or deleted.` }),
        select, error));
    }
    errors.refresh();
  }

  function render(): void {
    clear(list);
    const start = state.sources.start;
    if (start === null) return;
    for (const c of start.candidates) {
      const box = el("input", { className: "use-source", attrs: { type: "checkbox", "aria-label": `Use ${c.name}`, "data-sheet": c.name } });
      box.checked = state.sources.chosen.includes(c.name);
      box.addEventListener("change", () => {
        const chosen = state.sources.chosen.filter((n) => n !== c.name);
        if (box.checked) chosen.push(c.name);
        state.sources.chosen = start.candidates.map((x) => x.name).filter((n) => chosen.includes(n)).concat(chosen.filter((n) => !start.candidates.some((x) => x.name === n)));
      });
      const what = c.platformName === null ? roleLabel(c) : `${roleLabel(c)} · ${c.platformName}`;
      list.appendChild(el("li", { className: `source${c.role === null ? " unused" : ""}`, attrs: { "data-sheet": c.name } },
        el("label", { className: "source-name" }, box, ` ${c.name}`),
        el("div", { className: "source-role", text: what }),
        el("div", { className: "gray hint", text: c.roleReason })));
    }
    renderFlagged();
  }

  single.addEventListener("click", () => {
    dropModeProblems(wizard);
    state.sources.active = false;
    const first = state.sources.chosen[0];
    if (first !== undefined && first !== state.sheetName) {
      state.sheetName = first;
      state.mapping = null;
      state.headerRowText = "";
    }
    wizard.go("data");
  });

  next.addEventListener("click", async () => {
    const s = state.sources;
    const chosen = s.chosen;
    if (chosen.length === 0) {
      errors.set("sources-next", [{ field: "sources", message: "Sources: tick at least one sheet" }]);
      return;
    }
    errors.clear("sources-next");
    if (chosen.length === 1) {
      // One sheet is the one-sheet wizard, with every check it has.
      dropModeProblems(wizard);
      s.active = false;
      state.sheetName = chosen[0];
      state.mapping = null;
      state.headerRowText = "";
      wizard.go("data");
      return;
    }
    const current = s.mapping?.sources.map((x) => x.sheetName) ?? [];
    const same = current.length === chosen.length && chosen.every((n) => current.includes(n));
    if (!same) {
      try {
        const proposal = await whileBusy([next, single], status, () => server.proposeSourcesFor(chosen));
        s.mapping = proposal.mapping;
        s.reasons = proposal.reasons;
        s.lockedKeys = new Set(proposal.mapping.stages.map((x) => x.key));
        s.table = null;
        s.preview = null;
        errors.clear("saved");
      } catch (error) {
        wizard.callFailed("sources-next", error);
        return;
      }
    }
    if (s.mapping !== null) state.mapping = goalsView(s.mapping);
    wizard.go("source-stages");
  });

  return {
    id: "sources",
    section,
    show() {
      state.sources.active = true;
      if (state.sources.start !== null) render();
      else void whileBusy([next, single], status, () => loadSourcesStart(wizard)).then(render);
    },
    focusField(field) {
      const id = field.startsWith("source:") ? field.slice("source:".length) : null;
      const sheet = id === null ? null : state.sources.mapping?.sources.find((s) => s.id === id)?.sheetName ?? null;
      const control = sheet === null ? list.querySelector<HTMLElement>("input") : (flagged.querySelector<HTMLElement>(`[data-source="${CSS.escape(sheet)}"] select`) ?? list.querySelector<HTMLElement>(`input[data-sheet="${CSS.escape(sheet)}"]`));
      control?.focus();
      return control !== null;
    },
  };
}
