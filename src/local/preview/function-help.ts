// The formula bar's autocomplete list: every catalogue function with the help Sheets shows for it, then the engine's built-in names.
import { HyperFormula } from "hyperformula";
import { CATALOGUE } from "../../kpi/catalogue";
import { functionHelp as catalogueHelp, type FunctionHelp } from "../../kpi/catalogue/function-help";

export interface FunctionSuggestion extends FunctionHelp {
  /** A spreadsheet function the engine knows, offered by name only (Sheets has its own help for those). */
  builtIn: boolean;
}

export function functionHelp(): FunctionSuggestion[] {
  const own = CATALOGUE.map((entry) => ({ ...catalogueHelp(entry), builtIn: false }));
  const taken = new Set(own.map((f) => f.name));
  const builtIns = HyperFormula.getRegisteredFunctionNames("enGB")
    .filter((name) => !taken.has(name) && /^[A-Z][A-Z0-9.]*$/.test(name))
    .sort()
    .map((name): FunctionSuggestion => ({ name, summary: "", example: null, args: [], returns: "", builtIn: true }));
  return [...own, ...builtIns];
}
