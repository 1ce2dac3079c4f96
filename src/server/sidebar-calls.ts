// The sidebar API as Apps Script exposes it: arguments checked on arrival, and a UserFacingError keeps its field on the way to the sidebar.
import { UserFacingError } from "./data-sheet";
import { encodeFieldError } from "./field-error-wire";
import * as api from "./sidebar-api";
import {
  channelRowsArgument, countArgument, goalsArgument, headerRowArgument, mappingArgument, optionalTextArgument, sheetNameArgument, sheetNamesArgument,
  sourcedMappingArgument, textArgument,
} from "./sidebar-arguments";
import * as sources from "./sources/sources-api";

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

/**
 * The typed signature is what the wizard sends; what arrives is whatever a page (or a tampered one) sent,
 * so each call rebuilds its arguments from unknown values before the server code sees them.
 */
function checked<A extends unknown[], R>(fn: (...args: A) => R, check: (args: readonly unknown[]) => A): (...args: A) => R {
  return reportingField((...args: A): R => fn(...check(args)));
}

const NO_ARGUMENTS = (): [] => [];

export const wizardStart = checked(api.wizardStart, NO_ARGUMENTS);
export const inspectSheet = checked(api.inspectSheet, (args): [string, number | null] => [
  sheetNameArgument("inspectSheet", args[0]),
  headerRowArgument("inspectSheet", args[1]),
]);
export const previewMapping = checked(api.previewMapping, (args): [Parameters<typeof api.previewMapping>[0]] => [mappingArgument("previewMapping", args[0])]);
export const previewTextCells = checked(api.previewTextCells, (args): [Parameters<typeof api.previewTextCells>[0]] => [mappingArgument("previewTextCells", args[0])]);
export const convertTextCells = checked(api.convertTextCells, (args): Parameters<typeof api.convertTextCells> => [
  mappingArgument("convertTextCells", args[0]),
  countArgument("convertTextCells", "confirmedCount", args[1]),
]);
export const saveAndGenerate = checked(api.saveAndGenerate, (args): Parameters<typeof api.saveAndGenerate> => [
  mappingArgument("saveAndGenerate", args[0]),
  goalsArgument("saveAndGenerate", args[1]),
]);
export const refreshSummary = checked(api.refreshSummary, NO_ARGUMENTS);
export const openSummarySheet = checked(api.openSummarySheet, NO_ARGUMENTS);
export const suggestGoal = checked(api.suggestGoal, (args): Parameters<typeof api.suggestGoal> => [
  mappingArgument("suggestGoal", args[0]),
  textArgument("suggestGoal", "kpi", args[1]),
  textArgument("suggestGoal", "basis", args[2]),
  textArgument("suggestGoal", "start", args[3]),
  optionalTextArgument("suggestGoal", "end", args[4]),
]);

export const sourcesStart = checked(sources.sourcesStart, NO_ARGUMENTS);
export const proposeSourcesFor = checked(sources.proposeSourcesFor, (args): Parameters<typeof sources.proposeSourcesFor> => [sheetNamesArgument("proposeSourcesFor", args[0])]);
export const previewSources = checked(sources.previewSources, (args): Parameters<typeof sources.previewSources> => [
  sourcedMappingArgument("previewSources", args[0]),
  channelRowsArgument("previewSources", args[1]),
]);
export const saveSourcesAndGenerate = checked(sources.saveSourcesAndGenerate, (args): Parameters<typeof sources.saveSourcesAndGenerate> => [
  sourcedMappingArgument("saveSourcesAndGenerate", args[0]),
  channelRowsArgument("saveSourcesAndGenerate", args[1]) ?? [],
  goalsArgument("saveSourcesAndGenerate", args[2]),
]);
export const suggestSourcesGoal = checked(sources.suggestSourcesGoal, (args): Parameters<typeof sources.suggestSourcesGoal> => [
  sourcedMappingArgument("suggestSourcesGoal", args[0]),
  textArgument("suggestSourcesGoal", "kpi", args[1]),
  textArgument("suggestSourcesGoal", "basis", args[2]),
  textArgument("suggestSourcesGoal", "start", args[3]),
  optionalTextArgument("suggestSourcesGoal", "end", args[4]),
]);
