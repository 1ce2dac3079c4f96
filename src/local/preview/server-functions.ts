// The server functions the sidebar and menu may call over /api/run: the bundle's entry points, taken from src/server/main.ts itself.
import * as serverMain from "../../server/main";
import { ENTRY_POINTS } from "../../server/entry-points";

export type ServerFunction = (...args: unknown[]) => unknown;

const EXPORTS: Record<string, unknown> = serverMain;
const CALLABLE = new Set(ENTRY_POINTS.map((e) => e.name));

/** Null for anything Apps Script would not expose as a top-level function (helpers, private names). */
export function serverFunction(name: string): ServerFunction | null {
  if (!CALLABLE.has(name) || name.endsWith("_")) return null;
  const fn = EXPORTS[name];
  return typeof fn === "function" ? (fn as ServerFunction) : null;
}
