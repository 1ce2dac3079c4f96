// The built Code.js as Apps Script sees it: catalogue globals with named parameters and JSDoc, nothing else leaking.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/kpi/catalogue";
import { invoke } from "../../src/kpi/catalogue/invoke";
import { ENTRY_POINTS } from "../../src/server/entry-points";
import * as serverMain from "../../src/server/main";
import { definedGlobals, loadBundle, readBundle } from "./apps-script-context";

const source = readBundle();
const context = loadBundle();
const callContext = loadBundle();

function parameterNames(fn: unknown): string[] {
  const match = /^function\s+\w+\s*\(([^)]*)\)/.exec(String(fn));
  if (!match) throw new Error(`not a plain function declaration: ${String(fn).slice(0, 60)}`);
  return match[1].split(",").map((p) => p.trim()).filter(Boolean);
}

function jsDocAbove(name: string): string {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n(function ${name}\\()`).exec(source);
  if (!match) throw new Error(`no JSDoc directly above function ${name}`);
  return match[1];
}

describe("build/Code.js is a plain Apps Script file", () => {
  it("has no module syntax and no Node-only or GPL code", () => {
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\brequire\(/);
    expect(source.toLowerCase()).not.toContain("hyperformula");
    expect(source.toLowerCase()).not.toContain("exceljs");
    expect(source).not.toContain("node:");
  });

  it("defines only the catalogue functions, the entry points and one private bundle global", () => {
    const expected = [...CATALOGUE.map((e) => e.name), ...ENTRY_POINTS.map((e) => e.name), "FunnelKpis_"];
    expect(definedGlobals(context).sort()).toEqual(expected.sort());
  });

  it("exposes every entry point the server module exports, with the same name", () => {
    for (const entry of ENTRY_POINTS) {
      expect(typeof context[entry.name]).toBe("function");
      expect(typeof (serverMain as Record<string, unknown>)[entry.name]).toBe("function");
      expect(parameterNames(context[entry.name])).toEqual(entry.params);
    }
  });
});

describe.each(CATALOGUE.map((e) => [e.name, e] as const))("%s in Code.js", (name, entry) => {
  it("is a global with the catalogue's named parameters", () => {
    expect(typeof context[name]).toBe("function");
    expect(parameterNames(context[name])).toEqual(entry.args.map((a) => a.name));
  });

  it("has @customfunction JSDoc directly above it with one @param per argument and a @return", () => {
    const doc = jsDocAbove(name);
    expect(doc).toContain("@customfunction");
    const params = [...doc.matchAll(/@param \{[^}]+\} (\w+) (.+)/g)];
    expect(params.map((p) => p[1])).toEqual(entry.args.map((a) => a.name));
    entry.args.forEach((arg, i) => {
      expect(params[i][2]).toContain(arg.description.slice(0, 20));
      if (arg.optional) expect(params[i][2]).toMatch(/^Optional/);
    });
    expect(doc).toMatch(/@return \{[^}]+\} \S/);
    expect(doc).toContain(entry.summary.slice(0, 30));
  });
});

describe("calling the globals gives the catalogue's results", () => {
  const cases: [string, unknown[]][] = [
    ["CAC", [12000, 80]],
    ["CAC", [[[5000], [""], ["$7,000"]], [[30], [50], [""]]]],
    ["CAC", [100, 0]],
    ["CAC", [[["n/a"]], 5]],
    ["NPS", [[[10], [9], [3], [""]]]],
    ["CLV", [100, 1, 2, undefined, 0.1]],
    ["LTV", [100, 0]],
    ["KPI_BY", [[["A"], ["B"], ["A"]], "CAC", [[1], [2], [3]], [[1], [0], [1]]]],
    ["KPI_BY", [[["A"], ["B"]], "SHARE", [[1], [3]]]],
    ["CSAT", [[[5], [4], [1]], 5]],
  ];
  it.each(cases)("%s(%j)", (name, args) => {
    const entry = CATALOGUE.find((e) => e.name === name);
    if (!entry) throw new Error(name);
    let expected: unknown;
    try {
      expected = invoke(entry, args as never);
    } catch (error) {
      expected = { error: (error as Error).message };
    }
    // Arguments are built inside the context, as Apps Script builds them in the script's own realm.
    callContext.__args = vm.runInContext(`(${JSON.stringify(args).replace(/null/g, "undefined")})`, callContext);
    let actual: unknown;
    try {
      actual = vm.runInContext(`${name}.apply(null, __args)`, callContext);
    } catch (error) {
      actual = { error: (error as Error).message };
    }
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("reads Date cells created in the script's own realm", () => {
    const value = vm.runInContext("KPI_BY([[new Date(2025, 0, 1)], [new Date(2025, 0, 1)]], 'SHARE', [[1], [3]])", context);
    expect(JSON.parse(JSON.stringify(value))).toEqual([["2025-01-01", 1], ["Total", 1]]);
  });
});

describe("onOpen in AuthMode.NONE", () => {
  it("builds the add-on menu without touching properties", () => {
    const items: [string, string][] = [];
    const menu = {
      addItem(caption: string, fn: string) { items.push([caption, fn]); return menu; },
      addSeparator() { return menu; },
      addToUi() { return undefined; },
    };
    const forbidden = new Proxy({}, { get() { throw new Error("PropertiesService is not available in AuthMode.NONE"); } });
    const ctx = loadBundle({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) },
      PropertiesService: forbidden,
    });
    vm.runInContext("onOpen({ authMode: 'NONE' })", ctx);
    expect(items.length).toBeGreaterThan(0);
    for (const [, fn] of items) expect(typeof ctx[fn]).toBe("function");
  });
});
