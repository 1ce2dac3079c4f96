// The page-side stand-in for google.script.run: each call goes through one transport function the host provides, asynchronously, as in Sheets.

/**
 * Browser code (as text, so no test transpiler can touch it) defining `google.script.run` and
 * `google.script.host`. `transport(name, argsJson)` must return a promise of a CallOutcome as JSON.
 */
export function scriptRunShim(transport: string): string {
  return `(() => {
  const transport = (name, argsJson) => window[${JSON.stringify(transport)}](name, argsJson);
  const makeRunner = (onSuccess, onFailure) => new Proxy({}, {
    get(_target, name) {
      if (name === "withSuccessHandler") return (handler) => makeRunner(handler, onFailure);
      if (name === "withFailureHandler") return (handler) => makeRunner(onSuccess, handler);
      if (name === "withUserObject" || typeof name !== "string") return undefined;
      return (...args) => {
        transport(name, JSON.stringify(args)).then((json) => {
          const outcome = JSON.parse(json);
          if (outcome.ok) { if (onSuccess) onSuccess(outcome.value); }
          else if (onFailure) onFailure(new Error(outcome.message));
        }, (error) => { if (onFailure) onFailure(new Error(String(error && error.message || error))); });
      };
    },
  });
  window.google = { script: { run: makeRunner(null, null), host: { close() { window.__sidebarClosed = true; }, setHeight() {}, setWidth() {} } } };
})();`;
}
