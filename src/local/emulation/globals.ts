// Installs an emulation's services as the Apps Script globals server code expects, and takes them away again.
import type { AppsScriptGlobals } from "../../server/apps-script-api";
import type { Emulation } from "./emulation";

const NAMES = ["SpreadsheetApp", "PropertiesService", "LockService", "HtmlService", "Session", "Charts"] as const satisfies readonly (keyof AppsScriptGlobals)[];

/** Makes `SpreadsheetApp` & co. resolve to the emulation; returns a function that restores what was there before. */
export function installAppsScriptGlobals(emulation: Emulation): () => void {
  const target = globalThis as Record<string, unknown>;
  const previous = NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const);
  for (const name of NAMES) {
    Object.defineProperty(target, name, { value: emulation.globals[name], configurable: true, writable: true, enumerable: false });
  }
  return () => {
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete target[name];
    }
  };
}

export function uninstallAppsScriptGlobals(): void {
  const target = globalThis as Record<string, unknown>;
  for (const name of NAMES) delete target[name];
}
