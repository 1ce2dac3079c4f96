// Test helper: loads build/Code.js into a fresh V8 context the way Apps Script loads a project's script file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const CODE_PATH = join(__dirname, "..", "..", "build", "Code.js");

export function readBundle(): string {
  return readFileSync(CODE_PATH, "utf8");
}

/** A context holding only what Apps Script would provide, plus `extra` stand-ins for its services. */
export function loadBundle(extra: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...extra });
  vm.runInContext(readBundle(), context, { filename: "Code.js" });
  return context;
}

/** The global names the script defined (what Apps Script would list as its functions). */
export function definedGlobals(context: vm.Context, extra: Record<string, unknown> = {}): string[] {
  return Object.keys(context).filter((name) => !(name in extra));
}
