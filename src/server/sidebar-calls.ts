// The sidebar API as Apps Script exposes it: a UserFacingError keeps its field on the way to the sidebar.
import { UserFacingError } from "./data-sheet";
import { encodeFieldError } from "./field-error-wire";
import * as api from "./sidebar-api";

function reportingField<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof UserFacingError) throw new Error(encodeFieldError(error.field, error.message));
      throw error;
    }
  };
}

export const wizardStart = reportingField(api.wizardStart);
export const inspectSheet = reportingField(api.inspectSheet);
export const previewMapping = reportingField(api.previewMapping);
export const saveAndGenerate = reportingField(api.saveAndGenerate);
export const refreshSummary = reportingField(api.refreshSummary);
export const openSummarySheet = reportingField(api.openSummarySheet);
export const suggestGoal = reportingField(api.suggestGoal);
