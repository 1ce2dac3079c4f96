// Counts every emulated service call by "Class.method", so tests can hold a job to a constant number of round trips, and refuses calls the project's scopes do not allow.
import { checkScopes } from "./scopes";

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly faults = new Map<string, { after: number; message: string }>();

  tick(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const fault = this.faults.get(name);
    if (fault !== undefined && --fault.after < 0) {
      this.faults.delete(name);
      const error = new Error(fault.message);
      error.name = "Exception";
      throw error;
    }
  }

  /**
   * Makes a later call fail as a Google service can ("Service Spreadsheets failed while accessing document"),
   * for tests of what a failure midway leaves behind: the first `after` calls of `name` succeed, the next throws.
   */
  failAfter(name: string, after: number, message = "Service Spreadsheets failed while accessing document"): void {
    this.faults.set(name, { after, message });
  }

  /** Calls of one method ("Range.getValues"), or of a whole class ("Range"). */
  count(name: string): number {
    if (name.includes(".")) return this.counts.get(name) ?? 0;
    let total = 0;
    for (const [key, n] of this.counts) if (key.startsWith(`${name}.`)) total += n;
    return total;
  }

  total(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** A sorted copy: `{ "Range.getValues": 3, ... }`. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Anything whose public methods are counted: it knows its emulation's counter, and through its context the granted scopes. */
export interface Counted {
  readonly calls: CallCounter;
  readonly ctx?: { readonly scopes: ReadonlySet<string> };
}

/**
 * Wraps every public method on a facade class's prototype so each call ticks
 * "<apiName>.<method>". Facades call the model, never each other's public methods,
 * so a count is exactly what the add-on's code asked for.
 */
export function countCalls(facade: { prototype: object }, apiName: string): void {
  const proto = facade.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    const method = descriptor?.value;
    if (name === "constructor" || typeof method !== "function") continue;
    const label = `${apiName}.${name}`;
    proto[name] = function counted(this: Counted, ...args: unknown[]) {
      this.calls.tick(label);
      if (this.ctx !== undefined) checkScopes(label, this.ctx.scopes);
      return (method as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}
