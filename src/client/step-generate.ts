// Step 4, Generate: checks the setup, saves it for the whole document, writes the summary sheet and says what was written.
import type { SummaryReport } from "../server/summary/generate-summary";
import { whileBusy } from "./busy";
import { clear, el } from "./dom";
import { formatCount, formatSavedAt } from "./format";
import { stepProblems } from "./step-problems";
import { generateSources, sourcesRecap } from "./sources-generate";
import type { StepView, Wizard } from "./wizard";

export function createGenerateStep(wizard: Wizard, onSaved: (savedAt: string) => void): StepView {
  const { state, server, errors } = wizard;
  const section = el("section", { className: "step", id: "step-generate", attrs: { "aria-labelledby": "step-generate-title" } });
  const recap = el("ul", { className: "recap" });
  const generate = el("button", { className: "action", id: "generate", text: "Save and generate", attrs: { type: "button" } });
  const back = el("button", { text: "Back", attrs: { type: "button" }, on: { click: () => wizard.go("goals") } });
  const status = el("p", { className: "gray status", attrs: { role: "status" } });
  status.hidden = true;
  const result = el("div", { className: "result", id: "generate-result", attrs: { "aria-live": "polite" } });
  const open = el("button", { className: "action", id: "open-summary", text: "Open summary sheet", attrs: { type: "button" } });
  const openError = el("div", { className: "error", attrs: { role: "alert" } });
  errors.attach("summary", openError, open);

  section.append(
    el("h2", { id: "step-generate-title", text: "4. Generate", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "generate", section),
    el("p", { text: "Saves this setup for everyone who uses this spreadsheet, then writes the summary sheet." }),
    recap,
    el("div", { className: "block buttons" }, back, generate),
    status,
    result,
  );

  function renderRecap(): void {
    clear(recap);
    const several = sourcesRecap(wizard);
    if (several !== null) {
      recap.append(...several.map((line) => el("li", { text: line })));
      return;
    }
    const m = state.mapping;
    if (!m) return;
    recap.append(
      el("li", { text: `Data: ${m.sheetName}, headers in row ${m.headerRow} (${m.shape === "aggregated" ? "aggregated" : "record-level"})` }),
      el("li", { text: `Stages: ${m.stages.map((s) => s.name).join(" → ")}` }),
      el("li", { text: state.goalsTouched ? `Goals: ${state.goals.length}` : "Goals: the summary's goals table is left as it is" }),
    );
  }

  function renderReport(report: SummaryReport): void {
    clear(result);
    result.append(
      el("p", { className: "success", text: `Wrote "${report.sheetName}" from ${formatCount(report.dataRows)} data rows, with ${formatCount(report.formulas)} formulas.` }),
      el("p", { className: "gray", text: `Setup saved for everyone in this spreadsheet at ${formatSavedAt(report.savedAt)}.` }),
    );
    if (report.written.length > 0) {
      result.append(el("h3", { text: "Written" }), el("ul", { className: "written" }, ...report.written.map((w) => el("li", { text: w }))));
    }
    if (report.warnings.length > 0) {
      result.append(el("h3", { text: "Worth a look" }), el("ul", {}, ...report.warnings.map((w) => el("li", { className: "warning", text: w }))));
    }
    result.append(el("div", { className: "block" }, open), openError);
  }

  generate.addEventListener("click", async () => {
    if (state.sources.active) {
      errors.clear("generate");
      clear(result);
      await whileBusy([generate, back], status, async () => {
        try {
          const report = await generateSources(wizard, status);
          if (report === null) return;
          state.report = report;
          renderReport(report);
          onSaved(report.savedAt);
          open.focus();
        } catch (error) {
          wizard.callFailed("generate", error);
        }
      });
      return;
    }
    const mapping = state.mapping;
    if (!mapping) {
      errors.set("generate", [{ field: "sheetName", message: "Data sheet: choose the sheet your funnel is on first" }]);
      return;
    }
    errors.clear("generate");
    clear(result);
    await whileBusy([generate, back], status, async () => {
      try {
        status.textContent = "Checking the setup against the sheet…";
        const check = await server.previewMapping(mapping);
        wizard.showValidation(check.validation);
        if (!check.validation.ok || errors.has("validation")) {
          errors.set("generate", [{ field: null, message: "Nothing was saved: fix the problems listed here first." }]);
          return;
        }
        status.textContent = "Saving and writing the summary…";
        const report = await server.saveAndGenerate(mapping, state.goalsTouched ? state.goals : null);
        state.report = report;
        renderReport(report);
        onSaved(report.savedAt);
        open.focus();
      } catch (error) {
        wizard.callFailed("generate", error);
      }
    });
  });

  open.addEventListener("click", async () => {
    try {
      await whileBusy([open], null, () => server.openSummarySheet());
      errors.clear("open");
    } catch (error) {
      wizard.callFailed("open", error);
    }
  });

  return {
    id: "generate",
    section,
    show: renderRecap,
    focusField(field) {
      if (field !== "summary") return false;
      (open.isConnected ? open : generate).focus();
      return true;
    },
  };
}
