// The one error type every KPI throws: its message always starts with the function's name.

/** An error a user sees on hover over `#ERROR!`: "CAC: new customers total is 0, so CAC is undefined". */
export class KpiError extends Error {
  readonly functionName: string;
  readonly reason: string;

  constructor(functionName: string, reason: string) {
    super(`${functionName}: ${reason}`);
    this.name = "KpiError";
    this.functionName = functionName;
    this.reason = reason;
  }
}

/** Throws a KpiError; typed `never` so callers can use it in expressions. */
export function fail(functionName: string, reason: string): never {
  throw new KpiError(functionName, reason);
}
