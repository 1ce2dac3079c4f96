// A step's own error area: problems whose control is not on this step, with a button that goes to it.
import { clear, el } from "./dom";
import type { Wizard } from "./wizard";
import { stepOfField, type StepId } from "./wizard-state";

export function stepProblems(wizard: Wizard, step: StepId, section: HTMLElement): HTMLElement {
  const area = el("div", { className: "step-problems", attrs: { role: "alert" } });
  const render = (): void => {
    clear(area);
    if (wizard.state.step !== step) return;
    for (const problem of wizard.errors.all()) {
      if (problem.field !== null && wizard.errors.hasSlotWithin(problem.field, section)) continue;
      const target = stepOfField(problem.field);
      const item = el("div", { className: "error problem" }, el("span", { text: problem.message }));
      if (target !== null) {
        const label = target === step ? "Show" : `Go to ${wizard.stepTitle(target)}`;
        item.appendChild(
          el("button", { className: "link-button", text: label, attrs: { type: "button" }, on: { click: () => wizard.reveal(problem.field) } }),
        );
      }
      area.appendChild(item);
    }
    area.hidden = area.childElementCount === 0;
  };
  wizard.errors.onChange(render);
  wizard.onStep(render);
  render();
  return area;
}
