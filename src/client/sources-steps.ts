// Registers the steps of a funnel over several sheets, and opens a saved one on them (a renamed or deleted source sheet flagged where it is chosen).
import type { WizardStart } from "../server/sidebar-api";
import { lastSavedText } from "./saved-banner";
import { SourcesPreviewer } from "./sources-preview";
import { createChannelsStep } from "./step-channels";
import { createSourceStagesStep } from "./step-source-stages";
import { createSourcesStep, loadSourcesStart } from "./step-sources";
import type { StepView, Wizard } from "./wizard";

export function sourcesSteps(wizard: Wizard): StepView[] {
  const previewer = new SourcesPreviewer(wizard);
  return [createSourcesStep(wizard), createSourceStagesStep(wizard, previewer), createChannelsStep(wizard, previewer)];
}

/** True when the saved setup combines several sheets: the wizard then opens on its Sources step. */
export async function startWithSources(wizard: Wizard, start: WizardStart, savedLine: HTMLElement): Promise<boolean> {
  if (!start.savedSources) return false;
  wizard.state.sources.active = true;
  if (!(await loadSourcesStart(wizard))) return false;
  const saved = wizard.state.sources.start?.saved;
  if (saved) {
    savedLine.textContent = lastSavedText(saved.savedAt, saved.savedByYou);
    savedLine.hidden = false;
  }
  wizard.go("sources");
  return true;
}
