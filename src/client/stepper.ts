// The step indicator: where the user is, and a way back to any step already reached.
import { clear, el } from "./dom";
import type { Wizard } from "./wizard";
import { STEPS, type StepId } from "./wizard-state";
import { visibleSteps } from "./sources-state";

export function createStepper(wizard: Wizard, list: HTMLOListElement): void {
  const reached = new Set<StepId>(["data"]);
  const render = (current: StepId): void => {
    reached.add(current);
    clear(list);
    const shown = visibleSteps(wizard.state.sources);
    STEPS.filter((s) => shown.includes(s.id)).forEach((step, i) => {
      const button = el("button", { className: "step-link", text: `${i + 1}. ${step.title}`, attrs: { type: "button" } });
      if (step.id === current) button.setAttribute("aria-current", "step");
      // Steps ahead need the ones before them (a sheet read, stages mapped) unless the user has been there.
      button.disabled = !reached.has(step.id) && !(step.id !== "data" && wizard.state.mapping !== null && (reached.has("stages") || reached.has("source-stages")));
      button.addEventListener("click", () => wizard.go(step.id));
      list.appendChild(el("li", {}, button));
    });
  };
  wizard.onStep(render);
}
