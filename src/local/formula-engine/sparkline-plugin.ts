// Google Sheets' SPARKLINE in the formula engine: the cell's value is blank, as in Sheets, and its data and options are kept for the preview to draw.
import { FunctionArgumentType, FunctionPlugin, type HyperFormula, type ImplementedFunctions, type SimpleCellAddress } from "hyperformula";
import { toCellInput } from "./cell-conversion";

/** What a SPARKLINE cell draws: its numbers in order (blanks and text as gaps) and its options by lower-case name. */
export interface SparklineData {
  values: (number | null)[];
  options: Record<string, string | number | boolean>;
}

const drawn = new WeakMap<object, Map<string, SparklineData>>();

function keyOf(address: SimpleCellAddress): string {
  return `${address.sheet}:${address.row}:${address.col}`;
}

function optionsOf(input: unknown): Record<string, string | number | boolean> {
  const options: Record<string, string | number | boolean> = {};
  if (!Array.isArray(input)) return options;
  const rows = input as unknown[][];
  // Options come as {"name", value; "name", value} rows, or as one row of name, value pairs.
  const pairs = rows.length === 1 && rows[0].length > 2 ? Array.from({ length: Math.floor(rows[0].length / 2) }, (_, i) => rows[0].slice(i * 2, i * 2 + 2)) : rows;
  for (const [name, value] of pairs) {
    if (typeof name === "string" && name.trim() !== "" && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")) {
      options[name.trim().toLowerCase()] = value;
    }
  }
  return options;
}

export class SparklinePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    SPARKLINE: {
      method: "sparkline",
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      vectorizationForbidden: true,
    },
  };

  sparkline(ast: { args: unknown[] }, state: { formulaAddress: SimpleCellAddress }): string {
    return this.runFunction(ast.args as never, state as never, this.metadata("SPARKLINE"), (data: unknown, options: unknown) => {
      const cells = toCellInput(data);
      const values = (Array.isArray(cells) ? cells.flat() : [cells]).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
      let map = drawn.get(this.dependencyGraph);
      if (map === undefined) {
        map = new Map();
        drawn.set(this.dependencyGraph, map);
      }
      map.set(keyOf(state.formulaAddress), { values, options: optionsOf(options === undefined ? undefined : toCellInput(options)) });
      return "";
    }) as string;
  }
}

export const SPARKLINE_TRANSLATIONS = { enGB: { SPARKLINE: "SPARKLINE" }, enUS: { SPARKLINE: "SPARKLINE" } };

/** The last drawing of the SPARKLINE at `address` (0-based engine coordinates), if one was evaluated there. */
export function sparklineAt(hf: HyperFormula, address: SimpleCellAddress): SparklineData | undefined {
  return drawn.get(hf.dependencyGraph)?.get(keyOf(address));
}
