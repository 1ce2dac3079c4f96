// A promise per server call over google.script.run, typed from the server module itself so a renamed or changed function breaks the build.
import { decodeFieldError } from "../server/field-error-wire";

type ServerModule = typeof import("../server/sidebar-calls");

type ServerFunctionName = {
  [K in keyof ServerModule]: ServerModule[K] extends (...args: never[]) => unknown ? K : never;
}[keyof ServerModule];

/** Each server function as the sidebar calls it: same arguments, its result in a promise. */
export type ServerCalls = {
  [K in ServerFunctionName]: (...args: Parameters<ServerModule[K]>) => Promise<ReturnType<ServerModule[K]>>;
};

/** The part of google.script.run the bridge uses (Apps Script injects it; no published types describe it). */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

/** A failed call as the sidebar shows it: which control it belongs to, in words. */
export class ServerCallError extends Error {
  readonly field: string | null;
  readonly call: string;
  /** True for a problem the user can fix (a UserFacingError); false for a fault in the add-on or the connection. */
  readonly fixable: boolean;

  constructor(call: string, field: string | null, message: string, fixable: boolean) {
    super(message);
    this.name = "ServerCallError";
    this.call = call;
    this.field = field;
    this.fixable = fixable;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return "the server did not answer (check your connection and try again)";
}

function call(run: ScriptRun, name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = run
      .withSuccessHandler(resolve)
      .withFailureHandler((error) => {
        const { field, message } = decodeFieldError(messageOf(error));
        reject(new ServerCallError(name, field, message, field !== null));
      }) as unknown as Record<string, unknown>;
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new ServerCallError(name, null, `the add-on has no server function ${name}; reload the sidebar`, false));
      return;
    }
    fn.apply(runner, args);
  });
}

export function createServerBridge(run: ScriptRun): ServerCalls {
  // The Proxy only forwards names the ServerCalls type allows, so the list of functions lives in one place: the server.
  return new Proxy({} as ServerCalls, {
    get: (_target, name) => (typeof name === "string" ? (...args: unknown[]) => call(run, name, args) : undefined),
  });
}

/** google.script.run as Apps Script injects it into the sidebar page. */
export function scriptRunFromPage(): ScriptRun {
  const g = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  if (!g?.script?.run) throw new Error("google.script.run is missing: the sidebar must be opened from Sheets");
  return g.script.run;
}
