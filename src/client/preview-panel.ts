// The live preview: each stage's total and the conversion from the stage before, as the server computes them from the sheet.
import { clear, el } from "./dom";
import { formatCount, formatRate } from "./format";
import type { Wizard } from "./wizard";
import { problemField, stepOfField } from "./wizard-state";

export function createPreviewPanel(wizard: Wizard): HTMLElement {
  const body = el("div", { className: "preview-body" });
  const status = el("p", { className: "gray status", text: "Updating…" });
  const panel = el("div", { className: "block preview", id: "preview", attrs: { "aria-live": "polite" } },
    el("h3", { text: "Preview" }), status, body);

  const render = (): void => {
    status.hidden = !wizard.previewPending;
    clear(body);
    const preview = wizard.state.preview;
    if (!preview) return;
    if (preview.stages.length === 0) {
      body.appendChild(el("p", { className: "gray", text: "Fix the problems marked above to see totals." }));
    } else {
      const rows = preview.stages.map((stage, i) =>
        el("tr", { attrs: { "data-key": stage.key } },
          el("th", { attrs: { scope: "row" }, text: stage.name }),
          el("td", { className: "number", text: formatCount(stage.total) }),
          el("td", { className: "number", text: i === 0 ? "" : formatRate(stage.conversionFromPrevious), attrs: stage.conversionReason ? { title: stage.conversionReason } : {} }),
        ),
      );
      body.appendChild(
        el("table", { className: "preview-table" },
          el("thead", {}, el("tr", {}, el("th", { attrs: { scope: "col" }, text: "Stage" }), el("th", { attrs: { scope: "col" }, text: "Total" }), el("th", { attrs: { scope: "col" }, text: "From previous" }))),
          el("tbody", {}, ...rows)),
      );
    }
    for (const warning of preview.validation.warnings) {
      const line = el("p", { className: "warning" }, el("span", { text: warning.message }));
      const field = problemField(warning);
      const step = stepOfField(field);
      // A warning another step fixes (numbers stored as text: the Data step converts them) links there.
      if (step !== null && step !== wizard.state.step) {
        line.append(" ", el("button", { className: "link-button", text: `Go to ${wizard.stepTitle(step)}`, attrs: { type: "button" }, on: { click: () => wizard.reveal(field) } }));
      }
      body.appendChild(line);
    }
  };
  wizard.onPreview(render);
  // A warning links to the step that fixes it unless that step is showing: a preview that came back on the Data
  // step must gain its "Go to Data" once the user moves on.
  wizard.onStep(render);
  return panel;
}
