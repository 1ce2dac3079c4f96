// PropertiesService: document, user and script stores of strings, with Google's size quotas enforced.
import type { PropertiesApi, PropertiesServiceApi } from "../../server/apps-script-api";
import { countCalls, type CallCounter } from "./call-counter";
import type { EmulationContext } from "./context";
import { appsScriptError } from "./workbook-model";

/** Google's documented quotas: 9 kB per value, 500 kB per property store. */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function storeSize(store: Map<string, string>): number {
  let total = 0;
  for (const [key, value] of store) total += bytes(key) + bytes(value);
  return total;
}

/** Applies a set of changes only if the store stays within quota, as one Apps Script call does. */
function commit(store: Map<string, string>, changes: Map<string, string>, deleteAllOthers: boolean): void {
  for (const [key, value] of changes) {
    if (!key) throw appsScriptError("Invalid argument: key");
    if (bytes(value) > MAX_VALUE_BYTES) throw appsScriptError("Argument too large: value");
  }
  const next = new Map(deleteAllOthers ? [] : store);
  for (const [key, value] of changes) next.set(key, value);
  if (storeSize(next) > MAX_STORE_BYTES) {
    throw appsScriptError("You have exceeded the property storage quota. Please remove some properties and try again.");
  }
  store.clear();
  for (const [key, value] of next) store.set(key, value);
}

export class PropertiesFacade implements PropertiesApi {
  constructor(readonly calls: CallCounter, readonly store: Map<string, string>) {}
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): PropertiesApi {
    // Apps Script stores whatever it is given as its string form.
    commit(this.store, new Map([[key, String(value)]]), false);
    return this;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): PropertiesApi {
    commit(this.store, new Map(Object.entries(properties).map(([k, v]) => [k, String(v)])), deleteAllOthers);
    return this;
  }
  deleteProperty(key: string): PropertiesApi {
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): PropertiesApi {
    this.store.clear();
    return this;
  }
}

/** The stores themselves: one per document, per script, and per user (keyed by email). */
export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  readonly users = new Map<string, Map<string, string>>();

  user(email: string): Map<string, string> {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new Map()));
    return store;
  }
}

export class PropertiesServiceFacade implements PropertiesServiceApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly stores: PropertyStores) {
    this.calls = ctx.calls;
  }
  getDocumentProperties(): PropertiesApi {
    return new PropertiesFacade(this.calls, this.stores.document);
  }
  getUserProperties(): PropertiesApi {
    return new PropertiesFacade(this.calls, this.stores.user(this.ctx.currentExecution().userEmail));
  }
  getScriptProperties(): PropertiesApi {
    return new PropertiesFacade(this.calls, this.stores.script);
  }
}

countCalls(PropertiesFacade, "Properties");
countCalls(PropertiesServiceFacade, "PropertiesService");
