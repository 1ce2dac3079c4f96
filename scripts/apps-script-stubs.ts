// Generates the top-level Apps Script functions (with @customfunction JSDoc) from the catalogue and entry points.
import type { ArgSpec, CatalogueEntry } from "../src/kpi/catalogue/entry-types";
import { argumentHelp, functionHelp } from "../src/kpi/catalogue/function-help";
import type { EntryPoint } from "../src/server/entry-points";

/** The global the bundle assigns itself to; the trailing underscore keeps it private in Apps Script. */
export const BUNDLE_GLOBAL = "FunnelKpis_";

const JSDOC_TYPES: Record<ArgSpec["kind"], string> = {
  amount: "number|Array<Array<number>>",
  count: "number|Array<Array<number>>",
  number: "number",
  rate: "number",
  date: "Date|number",
  text: "string",
  range: "Array<Array<*>>",
};

const RETURN_TYPES: Record<CatalogueEntry["returns"]["kind"], string> = {
  number: "number",
  rate: "number",
  text: "string",
  table: "Array<Array<*>>",
};

/** JSDoc text must not close the comment early or start a new tag. */
function docText(text: string): string {
  return text.replace(/\*\//g, "* /").replace(/\s+/g, " ").replace(/(^|\s)@/g, "$1(at)");
}

function paramLine(arg: ArgSpec): string {
  return ` * @param {${JSDOC_TYPES[arg.kind]}} ${arg.name} ${docText(argumentHelp(arg).description)}`;
}

export function customFunctionStub(entry: CatalogueEntry): string {
  // The same help the local preview's formula bar shows.
  const { example, summary } = functionHelp(entry);
  const lines = [
    "/**",
    ` * ${docText(summary)}`,
    ...(example ? [" *", ` * Example: ${docText(example.formula)}: ${docText(example.explanation)}`] : []),
    " *",
    ...entry.args.map(paramLine),
    ` * @return {${RETURN_TYPES[entry.returns.kind]}} ${docText(entry.returns.description)}`,
    " * @customfunction",
    " */",
    `function ${entry.name}(${entry.args.map((a) => a.name).join(", ")}) {`,
    `  return ${BUNDLE_GLOBAL}.runCustomFunction(${JSON.stringify(entry.name)}, Array.prototype.slice.call(arguments));`,
    "}",
  ];
  return lines.join("\n");
}

export function entryPointStub(entry: EntryPoint): string {
  const params = entry.params.join(", ");
  return `function ${entry.name}(${params}) {\n  return ${BUNDLE_GLOBAL}.${entry.name}(${params});\n}`;
}

export function appsScriptStubs(catalogue: readonly CatalogueEntry[], entryPoints: readonly EntryPoint[]): string {
  return [...entryPoints.map(entryPointStub), ...catalogue.map(customFunctionStub)].join("\n\n");
}
