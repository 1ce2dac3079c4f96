// Runs one google.script.run call against the real server code over an emulated workbook: JSON in, JSON out, errors as their message only.
import * as serverMain from "../../server/main";
import { ENTRY_POINTS } from "../../server/entry-points";
import type { Emulation } from "../emulation";
import { installAppsScriptGlobals } from "../emulation";

/** What travels back to the page: the result, or the error message (all Apps Script hands a failure handler). */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export interface CallRecord {
  name: string;
  args: unknown[];
  outcome: CallOutcome;
}

// google.script.run drops Dates, functions and undefined inside arrays; a result carrying one works here but not in Sheets.
function notJsonSafe(value: unknown, path: string): string | null {
  if (value instanceof Date) return `${path} is a Date`;
  if (typeof value === "function") return `${path} is a function`;
  if (typeof value === "number" && !Number.isFinite(value)) return `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return `${path}[${i}] is undefined`;
      const inner = notJsonSafe(value[i], `${path}[${i}]`);
      if (inner) return inner;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const problem = notJsonSafe(inner, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

const CALLABLE = new Set(ENTRY_POINTS.map((e) => e.name));

/**
 * One call as one Apps Script execution: the emulation's globals are installed for its duration
 * only, so several hosts (or tests) can keep their own workbooks in one process.
 */
export function dispatchServerCall(emulation: Emulation, name: string, argsJson: string, log?: CallRecord[]): CallOutcome {
  const args = JSON.parse(argsJson) as unknown[];
  const outcome = run(emulation, name, args);
  log?.push({ name, args, outcome });
  return outcome;
}

function run(emulation: Emulation, name: string, args: unknown[]): CallOutcome {
  const fn = (serverMain as Record<string, unknown>)[name];
  if (!CALLABLE.has(name) || typeof fn !== "function") {
    return { ok: false, message: `Script function not found: ${name}` };
  }
  const uninstall = installAppsScriptGlobals(emulation);
  try {
    const value: unknown = emulation.runExecution(() => fn(...args));
    const problem = notJsonSafe(value, name);
    if (problem) return { ok: false, message: `${problem}: google.script.run cannot carry it` };
    // Through JSON, as the real bridge serialises it: undefined becomes null.
    return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    uninstall();
  }
}
