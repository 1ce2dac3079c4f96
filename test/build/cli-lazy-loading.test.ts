// The bundled command line reads a CSV without loading a spreadsheet library: exceljs and the formula engine are reached only by the dynamic imports of a workbook or --out run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIST = join(import.meta.dirname, "..", "..", "dist", "cli");
const HEAVY = ["exceljs", "hyperformula"];

/** Files reached from `entry` by static imports only (`import ... from "./x.mjs"`), and the packages they import. */
function staticallyReached(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(join(DIST, file), "utf8");
    for (const m of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?"([^"]+)"/g)) {
      const spec = m[1];
      if (spec.startsWith("./")) visit(spec.slice(2));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("the bundled command line", () => {
  const files = readdirSync(DIST);
  const entry = (prefix: string) => {
    const found = files.find((f) => f.startsWith(prefix) && f.endsWith(".mjs"));
    if (found === undefined) throw new Error(`no ${prefix}*.mjs in dist/cli`);
    return found;
  };

  it("reaches no spreadsheet library from the modules a CSV --json or text run loads", () => {
    for (const start of ["main.mjs", entry("summarize-"), entry("json-report-"), entry("text-report-")]) {
      const { packages } = staticallyReached(start);
      for (const heavy of HEAVY) expect([...packages], `${start} reaches ${heavy}`).not.toContain(heavy);
    }
  });

  it("still bundles them for the runs that need them (the check above would otherwise pass on nothing)", () => {
    const { packages } = staticallyReached(entry("write-summary-"));
    expect([...packages]).toEqual(expect.arrayContaining(HEAVY));
  });
});
