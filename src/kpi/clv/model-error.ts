// The error a statistical model raises about its data or its fit; the catalogue entry that called it adds its own name.
import { KpiError } from "../kpi-error";

/**
 * A reason worded for the person who typed the formula ("only 9 customers bought again ..."), without
 * the function's name: the same model serves several sheet functions, and each names itself.
 */
export class ModelError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = "ModelError";
    this.reason = reason;
  }
}

/** Throws a ModelError; typed `never` so callers can use it in expressions. */
export function modelFail(reason: string): never {
  throw new ModelError(reason);
}

/** Runs model code for a sheet function, turning a ModelError into that function's KpiError. */
export function asFunction<T>(functionName: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ModelError) throw new KpiError(functionName, error.reason);
    throw error;
  }
}
