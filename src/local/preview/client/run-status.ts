// What the status bar says while a server function runs and once it is done, in the user's words rather than the function's name.

interface Phrases {
  running: string;
  /** Said for a few seconds after success; none for calls that only read or open something. */
  done?: string;
  failed: string;
}

const PHRASES: Record<string, Phrases> = {
  showSidebar: { running: "Opening Funnel KPIs…", failed: "Could not open Funnel KPIs" },
  showFunctionReference: { running: "Opening the function reference…", failed: "Could not open the function reference" },
  refreshSummaryFromMenu: { running: "Refreshing the summary…", done: "Summary refreshed", failed: "Could not refresh the summary" },
  wizardStart: { running: "Loading the setup…", failed: "Could not load the setup" },
  inspectSheet: { running: "Reading the sheet…", failed: "Could not read the sheet" },
  previewMapping: { running: "Checking the setup…", failed: "Could not check the setup" },
  saveAndGenerate: { running: "Writing the summary…", done: "Summary written", failed: "Could not write the summary" },
  refreshSummary: { running: "Refreshing the summary…", done: "Summary refreshed", failed: "Could not refresh the summary" },
  openSummarySheet: { running: "Opening the summary…", failed: "Could not open the summary" },
};

const OTHER: Phrases = { running: "Working…", failed: "Something went wrong" };

export function phrasesFor(fn: string): Phrases {
  return PHRASES[fn] ?? OTHER;
}
