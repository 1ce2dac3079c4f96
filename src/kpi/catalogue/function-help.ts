// What Sheets shows for a custom function while it is typed (autocomplete line, argument help card), derived from its catalogue entry.
import type { ArgSpec, CatalogueEntry } from "./entry-types";

/** Sheets' help card would bury a long example (a whole toy order log) under it. */
export const MAX_HELP_EXAMPLE = 120;

export interface ArgumentHelp {
  name: string;
  /** As the card shows it: "Optional, default 0. " before the description when the argument may be left out. */
  description: string;
  optional: boolean;
  /** May be given any number of times (the last argument of KPI_BY). */
  repeating: boolean;
}

export interface FunctionHelp {
  name: string;
  summary: string;
  /** The first example short enough for the card, with its explanation. */
  example: { formula: string; explanation: string } | null;
  args: ArgumentHelp[];
  returns: string;
}

export function argumentHelp(arg: ArgSpec): ArgumentHelp {
  const optional = arg.optional ? `Optional${arg.defaultValue !== undefined ? `, default ${JSON.stringify(arg.defaultValue)}` : ""}. ` : "";
  return { name: arg.name, description: optional + arg.description, optional: Boolean(arg.optional), repeating: Boolean(arg.repeating) };
}

/** The same text the generated `@customfunction` JSDoc gives Sheets, so the local preview shows what Sheets would. */
export function functionHelp(entry: CatalogueEntry): FunctionHelp {
  const example = entry.examples.find((ex) => ex.formula.length <= MAX_HELP_EXAMPLE);
  return {
    name: entry.name,
    summary: entry.summary,
    example: example ? { formula: example.formula, explanation: example.explanation } : null,
    args: entry.args.map(argumentHelp),
    returns: entry.returns.description,
  };
}
