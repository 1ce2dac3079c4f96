// Injected into the sidebar's iframe: google.script.run and google.script.host, carried over HTTP to the preview server.

// A module, not a global script: its names stay its own (the page has a window.status, for one).
export {};

type SuccessHandler = (value: unknown, userObject?: unknown) => void;
type FailureHandler = (error: Error, userObject?: unknown) => void;

interface RunState {
  success: SuccessHandler | null;
  failure: FailureHandler | null;
  userObject: unknown;
}

interface RunReply {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

/** Tells the preview page something changed (a sheet written, a dialog asked for), so it can redraw. */
function notifyParent(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage({ source: "funnel-kpis-preview", ...message }, "*");
}

function call(state: RunState, fn: string, args: unknown[]): void {
  fetch("/api/run", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ fn, args }) })
    .then((response) => response.json() as Promise<RunReply>)
    .then((reply) => {
      notifyParent({ type: "ran", fn });
      if (reply.ok) state.success?.(reply.value ?? null, state.userObject);
      else {
        const error = new Error(reply.error?.message ?? "Unknown error");
        error.name = reply.error?.name ?? "ScriptError";
        if (state.failure) state.failure(error, state.userObject);
        else console.error(`google.script.run.${fn}:`, error);
      }
    })
    .catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (state.failure) state.failure(new Error(`NetworkError: ${failure.message}`), state.userObject);
    });
}

/** Each with*() returns a new runner, as in Apps Script, so a configured runner can be reused. */
function runner(state: RunState): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_target, property) {
      if (typeof property !== "string") return undefined;
      if (property === "withSuccessHandler") return (handler: SuccessHandler) => runner({ ...state, success: handler });
      if (property === "withFailureHandler") return (handler: FailureHandler) => runner({ ...state, failure: handler });
      if (property === "withUserObject") return (userObject: unknown) => runner({ ...state, userObject });
      // A promise's `then` lookup must not look like a server function.
      if (property === "then") return undefined;
      return (...args: unknown[]) => call(state, property, args);
    },
  });
}

const google = {
  script: {
    run: runner({ success: null, failure: null, userObject: undefined }),
    host: {
      origin: window.location.origin,
      close: () => notifyParent({ type: "close" }),
      setHeight: (_height: number) => undefined,
      setWidth: (_width: number) => undefined,
      editor: { focus: () => notifyParent({ type: "focus" }) },
    },
    url: {
      getLocation: (callback: (location: { hash: string; parameter: Record<string, string>; parameters: Record<string, string[]> }) => void) => {
        const params = new URLSearchParams(window.location.search);
        const parameter: Record<string, string> = {};
        const parameters: Record<string, string[]> = {};
        params.forEach((value, key) => {
          parameter[key] ??= value;
          (parameters[key] ??= []).push(value);
        });
        callback({ hash: window.location.hash.slice(1), parameter, parameters });
      },
    },
  },
};

Object.defineProperty(window, "google", { value: google, configurable: true, writable: true });
