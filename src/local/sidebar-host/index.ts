// Hosts the built sidebar outside Sheets: a google.script.run stand-in for the page and the dispatcher that runs its calls on the emulation.
export { dispatchServerCall, type CallOutcome, type CallRecord } from "./dispatch";
export { scriptRunShim } from "./script-run-shim";
