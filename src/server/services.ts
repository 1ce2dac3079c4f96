// The one way server code reaches Apps Script: the real globals in Sheets, the emulation's once installed in Node.
import type {
  ChartsApi,
  HtmlServiceApi,
  LockServiceApi,
  PropertiesServiceApi,
  SessionApi,
  SpreadsheetAppApi,
} from "./apps-script-api";

// `typeof` on an undeclared global is the only check that does not throw, so a missing
// global is reported by name (in Node: the emulation was not installed) rather than as a
// bare ReferenceError from deep inside a job.
function missing(name: string): never {
  throw new Error(
    `${name} is not defined: outside Apps Script, call installAppsScriptGlobals(emulation) from src/local/emulation first`,
  );
}

export function spreadsheetApp(): SpreadsheetAppApi {
  return typeof SpreadsheetApp === "undefined" ? missing("SpreadsheetApp") : SpreadsheetApp;
}

export function propertiesService(): PropertiesServiceApi {
  return typeof PropertiesService === "undefined" ? missing("PropertiesService") : PropertiesService;
}

export function lockService(): LockServiceApi {
  return typeof LockService === "undefined" ? missing("LockService") : LockService;
}

export function htmlService(): HtmlServiceApi {
  return typeof HtmlService === "undefined" ? missing("HtmlService") : HtmlService;
}

export function session(): SessionApi {
  return typeof Session === "undefined" ? missing("Session") : Session;
}

export function charts(): ChartsApi {
  return typeof Charts === "undefined" ? missing("Charts") : Charts;
}
