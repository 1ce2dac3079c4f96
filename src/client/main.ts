// The sidebar's entry: loads where the wizard starts from (a saved setup or the active sheet) and shows step 1.
import { byId } from "./dom";
import { renderSavedBanner, lastSavedText } from "./saved-banner";
import { createServerBridge, scriptRunFromPage, ServerCallError } from "./server-bridge";
import { createDataStep } from "./step-data";
import { createGenerateStep } from "./step-generate";
import { createGoalsStep } from "./step-goals";
import { createStagesStep } from "./step-stages";
import { createStepper } from "./stepper";
import { sourcesSteps, startWithSources } from "./sources-steps";
import { Wizard } from "./wizard";

async function startWizard(): Promise<void> {
  const loading = byId("loading", HTMLElement);
  const savedLine = byId("saved-line", HTMLElement);
  const notice = byId("start-notice", HTMLElement);
  const steps = byId("steps", HTMLElement);
  let wizard: Wizard;
  try {
    wizard = new Wizard(createServerBridge(scriptRunFromPage()));
  } catch (error) {
    loading.textContent = error instanceof Error ? error.message : String(error);
    loading.className = "error";
    return;
  }
  createStepper(wizard, byId("stepper", HTMLOListElement));
  const views = [
    createDataStep(wizard),
    createStagesStep(wizard),
    ...sourcesSteps(wizard),
    createGoalsStep(wizard),
    createGenerateStep(wizard, (savedAt) => {
      savedLine.textContent = lastSavedText(savedAt, true);
      savedLine.hidden = false;
    }),
  ];
  for (const view of views) {
    view.section.hidden = true;
    steps.appendChild(view.section);
    wizard.register(view);
  }
  try {
    const start = await wizard.server.wizardStart();
    const { state } = wizard;
    state.start = start;
    state.goals = start.goals;
    const saved = start.saved;
    if (saved) {
      state.mapping = saved.mapping;
      state.lockedKeys = new Set(saved.mapping.stages.map((s) => s.key));
      state.sheetName = saved.mapping.sheetName;
      state.headerRowText = String(saved.mapping.headerRow);
    } else {
      state.sheetName = start.activeSheet;
    }
    renderSavedBanner(wizard, start, savedLine, notice);
    loading.hidden = true;
    if (!(await startWithSources(wizard, start, savedLine))) wizard.go("data");
    // The bench reads this mark: navigation to the first step being usable.
    performance.mark("wizard-ready");
    document.body.setAttribute("data-ready", "true");
  } catch (error) {
    loading.textContent = `Could not load the setup: ${error instanceof ServerCallError ? error.message : String(error)}. Close the sidebar and open it again.`;
    loading.className = "error";
  }
}

void startWizard();
