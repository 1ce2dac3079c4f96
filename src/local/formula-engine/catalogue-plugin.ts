// Registers every catalogue function in HyperFormula, so tests and the local tools evaluate them in real cells.
import {
  CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, type ImplementedFunctions,
  SimpleRangeValue, ArraySize,
} from "hyperformula";
import { CATALOGUE } from "../../kpi/catalogue";
import type { CatalogueEntry, Shape } from "../../kpi/catalogue/entry-types";
import { invoke } from "../../kpi/catalogue/invoke";
import { KpiError } from "../../kpi/kpi-error";
import type { CellInput } from "../../kpi/cells";
import { toCellInput } from "./cell-conversion";

const methodName = (entry: CatalogueEntry): string => `run_${entry.name}`;
const sizeMethodName = (entry: CatalogueEntry): string => `size_${entry.name}`;

function metadataOf(entry: CatalogueEntry): ImplementedFunctions[string] {
  const repeating = entry.args.some((a) => a.repeating);
  return {
    method: methodName(entry),
    ...(entry.spillBound ? { sizeOfResultArrayMethod: sizeMethodName(entry) } : {}),
    parameters: entry.args.map((a) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(a.optional) })),
    ...(repeating ? { repeatLastArgs: 1 } : {}),
    // Ranges must reach the function whole, as Sheets hands them to a custom function.
    vectorizationForbidden: true,
  };
}

/** A spilled result padded with blanks to the size the engine reserved for it. */
function padTo(rows: (string | number | boolean)[][], bound: Shape): SimpleRangeValue {
  const data = Array.from({ length: bound.rows }, (_, r) =>
    Array.from({ length: bound.columns }, (_, c) => rows[r]?.[c] ?? EmptyValue));
  return SimpleRangeValue.onlyValues(data);
}

/** The engine's own parameter types, which its package does not export by name. */
type EngineArgs = Parameters<CatalogueFunctionPlugin["astSize"]>;
type Ast = EngineArgs[0];
type InterpreterState = EngineArgs[1];
type ProcedureAst = { args: Ast[] };
type InterpreterValue = ReturnType<CatalogueFunctionPlugin["evaluateAstPublic"]>;

export class CatalogueFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    CATALOGUE.map((entry) => [entry.name, metadataOf(entry)]),
  );

  /** Runs one entry; a KpiError becomes `#ERROR!` with the message, as Sheets shows a thrown error. */
  evaluateEntry(entry: CatalogueEntry, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const argShapes = ast.args.map((arg) => this.shapeOf(arg, state));
    return this.runFunction(ast.args, state, this.metadata(entry.name), (...values: unknown[]) => {
      const args: CellInput[] = values.map((v) => (v === undefined ? undefined : toCellInput(v)));
      try {
        const result = invoke(entry, args);
        if (!Array.isArray(result)) return result;
        return padTo(result, entry.spillBound ? entry.spillBound(argShapes) : { rows: result.length, columns: result[0]?.length ?? 1 });
      } catch (error) {
        const message = error instanceof KpiError || error instanceof Error ? error.message : String(error);
        return new CellError(ErrorType.ERROR, message);
      }
    });
  }

  spillSizeOf(entry: CatalogueEntry, ast: ProcedureAst, state: InterpreterState): ArraySize {
    if (!entry.spillBound) return ArraySize.scalar();
    const bound = entry.spillBound(ast.args.map((arg) => this.shapeOf(arg, state)));
    return new ArraySize(bound.columns, bound.rows);
  }

  astSize(...args: Parameters<FunctionPlugin["arraySizeForAst"]>): ArraySize {
    return this.arraySizeForAst(...args);
  }

  evaluateAstPublic(...args: Parameters<FunctionPlugin["evaluateAst"]>): ReturnType<FunctionPlugin["evaluateAst"]> {
    return this.evaluateAst(...args);
  }

  private shapeOf(arg: Ast, state: InterpreterState): Shape {
    const size = this.astSize(arg, state);
    return { rows: Math.max(size.height, 1), columns: Math.max(size.width, 1) };
  }
}

for (const entry of CATALOGUE) {
  const proto = CatalogueFunctionPlugin.prototype as unknown as Record<string, unknown>;
  proto[methodName(entry)] = function (this: CatalogueFunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
    return this.evaluateEntry(entry, ast, state);
  };
  proto[sizeMethodName(entry)] = function (this: CatalogueFunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
    return this.spillSizeOf(entry, ast, state);
  };
}

/** Function names as shown in the engine's English locale: the catalogue's own names. */
export const CATALOGUE_TRANSLATIONS = {
  enGB: Object.fromEntries(CATALOGUE.map((entry) => [entry.name, entry.name])),
  enUS: Object.fromEntries(CATALOGUE.map((entry) => [entry.name, entry.name])),
};
