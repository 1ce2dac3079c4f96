// The wizard's controller: holds the state, moves between steps, runs server calls and routes their problems to the right control.
import { Debouncer } from "./debounce";
import { ErrorBoard, type FieldProblem } from "./error-board";
import type { MappingValidation } from "../server/mapping/validate-mapping";
import { ServerCallError, type ServerCalls } from "./server-bridge";
import { STEPS, initialState, problemField, stepOfField, type StepId, type WizardState } from "./wizard-state";
import { routeStep } from "./sources-state";

export interface StepView {
  id: StepId;
  section: HTMLElement;
  /** Called each time the step is shown, so it reflects what other steps changed. */
  show(): void;
  /** Moves focus to the control of `field`, if this step has it. */
  focusField(field: string): boolean;
}

const PREVIEW_DELAY_MS = 350;

/** What the wizard says of a sheet with a header row and nothing under it. */
export function noDataRows(sheetName: string, headerRow: number): string {
  return `Data sheet: "${sheetName}" has no data rows below its header row (row ${headerRow}). Add rows to it, or choose the sheet (or header row) your data is on.`;
}

export class Wizard {
  readonly state: WizardState = initialState();
  readonly errors = new ErrorBoard();
  private readonly views = new Map<StepId, StepView>();
  private readonly stepListeners: ((step: StepId) => void)[] = [];
  private readonly previewListeners: (() => void)[] = [];
  private readonly preview = new Debouncer(PREVIEW_DELAY_MS);
  previewPending = false;

  constructor(readonly server: ServerCalls) {}

  register(view: StepView): void {
    this.views.set(view.id, view);
  }

  onStep(listener: (step: StepId) => void): void {
    this.stepListeners.push(listener);
  }

  onPreview(listener: () => void): void {
    this.previewListeners.push(listener);
  }

  go(wanted: StepId, focusField?: string): void {
    const step = routeStep(this.state.sources, wanted);
    this.state.step = step;
    for (const [id, view] of this.views) view.section.hidden = id !== step;
    const view = this.views.get(step);
    view?.show();
    for (const listener of this.stepListeners) listener(step);
    if (view && !(focusField && view.focusField(focusField))) {
      view.section.querySelector<HTMLElement>("h2")?.focus();
    }
  }

  /** Shows the control a problem belongs to, on whichever step it is. */
  reveal(field: string | null): void {
    const step = stepOfField(field);
    if (step) this.go(step, field ?? undefined);
  }

  stepTitle(step: StepId): string {
    return STEPS.find((s) => s.id === step)?.title ?? step;
  }

  /** A failed call's message goes next to its control; the user's input is untouched. */
  callFailed(source: string, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    const problem: FieldProblem =
      error instanceof ServerCallError && error.fixable
        ? { field: error.field, message: error.message }
        : { field: null, message: `Something went wrong in the add-on (${detail}). Your choices are kept: try again, and report it if it keeps happening.` };
    this.errors.set(source, [problem]);
    // The data sheet is gone or renamed: refresh the list of sheets, so the picker offers what exists now.
    if (problem.field === "sheetName") void this.refreshSheets();
  }

  private async refreshSheets(): Promise<void> {
    try {
      const fresh = await this.server.wizardStart();
      if (this.state.start) this.state.start = { ...this.state.start, sheets: fresh.sheets };
    } catch {
      // The problem already shown is the one that matters; the old list stays.
    }
  }

  /**
   * The setup's problems, each next to the control (and so the step) that fixes it. A sheet with no data rows
   * is one problem, on the Data step: the stages and columns it cannot show are not the user's to fix elsewhere.
   */
  showValidation(validation: MappingValidation): void {
    const inspection = this.state.inspection;
    const mapping = this.state.mapping;
    const empty = inspection !== null && inspection.dataRows === 0 && mapping !== null && inspection.sheetName === mapping.sheetName && inspection.headerRow === mapping.headerRow;
    const problems: FieldProblem[] = empty
      ? [{ field: "sheetName", message: noDataRows(inspection.sheetName, inspection.headerRow) }]
      : validation.errors.map((e) => ({ field: problemField(e), message: e.message }));
    this.errors.set("validation", problems);
  }

  /** Every edit of the mapping asks for a fresh preview once the user pauses. */
  mappingChanged(): void {
    this.state.preview = null;
    this.previewPending = true;
    for (const listener of this.previewListeners) listener();
    this.preview.schedule((isLatest) => void this.runPreview(isLatest));
  }

  private async runPreview(isLatest: () => boolean): Promise<void> {
    const mapping = this.state.mapping;
    if (!mapping) return;
    try {
      const preview = await this.server.previewMapping(mapping);
      if (!isLatest()) return;
      this.state.preview = preview;
      this.errors.clear("preview-call");
      this.errors.clear("saved");
      this.showValidation(preview.validation);
    } catch (error) {
      if (!isLatest()) return;
      this.callFailed("preview-call", error);
    } finally {
      if (isLatest()) {
        this.previewPending = false;
        for (const listener of this.previewListeners) listener();
      }
    }
  }
}
