// Registers every catalogue function in HyperFormula, so tests and the local tools evaluate them in real cells.
import {
  CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, type ImplementedFunctions,
  SimpleRangeValue, ArraySize,
} from "hyperformula";
import { CATALOGUE } from "../../kpi/catalogue";
import type { CatalogueEntry, Shape } from "../../kpi/catalogue/entry-types";
import { invoke } from "../../kpi/catalogue/invoke";
import { KpiError } from "../../kpi/kpi-error";
import type { CellInput, CellOutput } from "../../kpi/cells";
import { toCellInput } from "./cell-conversion";
import { shapeOfValue, spillBookOf } from "./spill-sizing";

const methodName = (entry: CatalogueEntry): string => `run_${entry.name}`;
const sizeMethodName = (entry: CatalogueEntry): string => `size_${entry.name}`;

/** The catalogue functions whose results spill (they return a table). */
export const SPILLING_FUNCTIONS: readonly string[] = CATALOGUE.filter((e) => e.spillBound).map((e) => e.name);

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

/** What a call gives: its table or value, or the error Sheets would show for it (a thrown Error is `#ERROR!` with its message). */
type Outcome = CellOutput | CellError;

function outcomeOf(entry: CatalogueEntry, args: readonly CellInput[]): Outcome {
  try {
    return invoke(entry, args);
  } catch (error) {
    const message = error instanceof KpiError || error instanceof Error ? error.message : String(error);
    return new CellError(ErrorType.ERROR, message);
  }
}

/** A result fitted to the block the engine reserved: padded with blanks, or cut to it until the block is re-sized. */
function fitTo(rows: (string | number | boolean)[][], block: Shape): SimpleRangeValue {
  const data = Array.from({ length: block.rows }, (_, r) =>
    Array.from({ length: block.columns }, (_, c) => rows[r]?.[c] ?? EmptyValue));
  return SimpleRangeValue.onlyValues(data);
}

/** The engine's own parameter types, which its package does not export by name. */
type EngineArgs = Parameters<CatalogueFunctionPlugin["astSize"]>;
type Ast = EngineArgs[0];
type InterpreterState = EngineArgs[1];
type ProcedureAst = { args: Ast[] };
type InterpreterValue = ReturnType<CatalogueFunctionPlugin["evaluateAstPublic"]>;

/** The block reserved for the cell being evaluated: its array's size, or one cell for a plain formula. */
function reservedBlock(state: InterpreterState): Shape {
  const vertex = state.formulaVertex as unknown as { width?: number; height?: number } | undefined;
  if (vertex && typeof vertex.width === "number" && typeof vertex.height === "number" && "array" in vertex) {
    return { rows: Math.max(1, vertex.height), columns: Math.max(1, vertex.width) };
  }
  return { rows: 1, columns: 1 };
}

export class CatalogueFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    CATALOGUE.map((entry) => [entry.name, metadataOf(entry)]),
  );

  /** Runs one entry; a KpiError becomes `#ERROR!` with the message, as Sheets shows a thrown error. */
  evaluateEntry(entry: CatalogueEntry, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata(entry.name), (...values: unknown[]) => {
      const args: CellInput[] = values.map((v) => (v === undefined ? undefined : toCellInput(v)));
      if (!entry.spillBound) return this.engineValue(outcomeOf(entry, args));
      const book = spillBookOf(this.dependencyGraph);
      const outcome = book.resultFor(entry.name, args, () => outcomeOf(entry, args)) as Outcome;
      const block = reservedBlock(state);
      const shape = shapeOfValue(outcome);
      if (state.formulaVertex && (shape.rows !== block.rows || shape.columns !== block.columns)) {
        book.markForResize(state.formulaAddress, state.formulaVertex);
      }
      // Outside a cell (calculateFormula) the whole result is wanted.
      if (!Array.isArray(outcome) || !state.formulaVertex) return this.engineValue(outcome);
      if (block.rows === 1 && block.columns === 1) return outcome[0]?.[0] ?? EmptyValue;
      return fitTo(outcome, block);
    });
  }

  /**
   * The block a spilling call needs, computed from its inputs as they are now (see spill-sizing.ts). A failing
   * call needs one cell, for its one `#ERROR!`. Inputs not readable yet fall back to the entry's bound.
   */
  spillSizeOf(entry: CatalogueEntry, ast: ProcedureAst, state: InterpreterState): ArraySize {
    if (!entry.spillBound) return ArraySize.scalar();
    try {
      const book = spillBookOf(this.dependencyGraph);
      let outcome: Outcome = new CellError(ErrorType.ERROR);
      this.runFunction(ast.args, state, this.metadata(entry.name), (...values: unknown[]) => {
        const args: CellInput[] = values.map((v) => (v === undefined ? undefined : toCellInput(v)));
        outcome = book.resultFor(entry.name, args, () => outcomeOf(entry, args)) as Outcome;
        return EmptyValue;
      });
      const shape = shapeOfValue(outcome);
      return shape.rows === 1 && shape.columns === 1 ? ArraySize.scalar() : new ArraySize(shape.columns, shape.rows);
    } catch {
      const bound = entry.spillBound(ast.args.map((arg) => this.shapeOf(arg, state)));
      return new ArraySize(bound.columns, bound.rows);
    }
  }

  astSize(...args: Parameters<FunctionPlugin["arraySizeForAst"]>): ArraySize {
    return this.arraySizeForAst(...args);
  }

  evaluateAstPublic(...args: Parameters<FunctionPlugin["evaluateAst"]>): ReturnType<FunctionPlugin["evaluateAst"]> {
    return this.evaluateAst(...args);
  }

  private engineValue(outcome: Outcome): InterpreterValue {
    if (outcome instanceof CellError) return outcome;
    if (Array.isArray(outcome)) return SimpleRangeValue.onlyValues(outcome);
    return outcome as InterpreterValue;
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
