// Every sidebar call checks its arguments on the server: wrong ones, hand-picked or arbitrary JSON, get a clear error naming the argument, never a TypeError.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGGREGATED_HEADERS, aggregatedDemoRows } from "../../src/local/demo-data";
import { createEmulation, type Emulation } from "../../src/local/emulation";
import { dispatchServerCall } from "../../src/local/sidebar-host";
import type { WritableValue } from "../../src/server/apps-script-api";
import { decodeFieldError } from "../../src/server/field-error-wire";
import { MAPPING_VERSION } from "../../src/server/mapping/mapping-types";

function workbook(): Emulation {
  const rows = aggregatedDemoRows(new Date(2025, 0, 1), 1).slice(0, 40) as WritableValue[][];
  return createEmulation({ sheets: { Funnel: [AGGREGATED_HEADERS, ...rows], Notes: [["Anything else"]] } });
}

const CALLS = ["wizardStart", "inspectSheet", "previewMapping", "previewTextCells", "convertTextCells", "saveAndGenerate", "refreshSummary", "openSummarySheet"] as const;

/** A failure the sidebar can show: the add-on's own message with the control it belongs to, not a crash. */
function expectClearFailure(message: string): void {
  expect(message).not.toMatch(/TypeError|ReferenceError|RangeError|Cannot read properties|is not a function|is not iterable|undefined|\[object Object\]/);
  const wire = decodeFieldError(message);
  expect(wire.field, message).not.toBeNull();
}

const GOOD_MAPPING = {
  version: MAPPING_VERSION,
  sheetName: "Funnel",
  headerRow: 1,
  shape: "aggregated",
  stages: [
    { key: "visits", name: "Visits", column: { header: "Sessions", index: 3 } },
    { key: "customers", name: "Customers", column: { header: "New customers", index: 5 } },
  ],
  date: { header: "Date", index: 0 },
  channel: { header: "Channel", index: 1 },
  spend: { header: "Spend", index: 2 },
  revenue: null,
};

describe("sidebar arguments", () => {
  it("names the argument that is wrong", () => {
    const emu = workbook();
    const call = (name: string, ...args: unknown[]) => dispatchServerCall(emu, name, JSON.stringify(args));
    const cases: [string, unknown[], RegExp][] = [
      ["saveAndGenerate", [null, null], /^saveAndGenerate: mapping must be an object, got null/],
      ["saveAndGenerate", [GOOD_MAPPING, {}], /^saveAndGenerate: goals must be a list of goal rows, or nothing, got an object/],
      ["saveAndGenerate", [{ ...GOOD_MAPPING, stages: "visits" }, null], /^saveAndGenerate: mapping\.stages must be a list/],
      ["saveAndGenerate", [{ ...GOOD_MAPPING, stages: [{ key: "v", name: "V", column: { header: "S", index: -1 } }] }, null], /mapping\.stages\[0\]\.column\.index must be a whole number from 0/],
      ["saveAndGenerate", [GOOD_MAPPING, [{ kpi: "Spend", baseline: null, target: 10, start: "2025-02-30", end: null, curve: "linear", direction: "up" }]], /goals\[0\]\.start must be a date written YYYY-MM-DD/],
      ["saveAndGenerate", [GOOD_MAPPING, [{ kpi: "Spend", baseline: null, target: 10, start: null, end: null, curve: "sideways", direction: "up" }]], /goals\[0\]\.curve must be one of "linear", "compound"/],
      ["previewMapping", [{ ...GOOD_MAPPING, version: 99 }], new RegExp(`^previewMapping: mapping\\.version must be ${MAPPING_VERSION}, got number 99`)],
      ["previewMapping", [{ ...GOOD_MAPPING, stages: [GOOD_MAPPING.stages[0], { ...GOOD_MAPPING.stages[1], status: { column: null, values: ["Won"] } }] }], /mapping\.stages\[1\]\.status\.column must be a column, got null/],
      ["previewMapping", [{ ...GOOD_MAPPING, stages: [GOOD_MAPPING.stages[0], { ...GOOD_MAPPING.stages[1], status: { column: { header: "Channel", index: 1 }, values: [7] } }] }], /mapping\.stages\[1\]\.status\.values\[0\] must be a text/],
      ["convertTextCells", [GOOD_MAPPING, -1], /^convertTextCells: confirmedCount must be a whole number from 0/],
      ["previewMapping", [{ ...GOOD_MAPPING, shape: "wide" }], /mapping\.shape must be one of "aggregated", "record-level", got "wide"/],
      ["inspectSheet", [42, 1], /^inspectSheet: sheetName must be a non-empty text/],
      ["inspectSheet", ["Funnel", 1.5], /^inspectSheet: headerRow must be a whole number from 1/],
      ["inspectSheet", ["Funnel", "3"], /headerRow must be a whole number from 1 to 10,000,000, got "3"/],
    ];
    for (const [name, args, expected] of cases) {
      const outcome = call(name, ...args);
      expect(outcome.ok, `${name}(${JSON.stringify(args)})`).toBe(false);
      if (outcome.ok) continue;
      expectClearFailure(outcome.message);
      expect(decodeFieldError(outcome.message).message).toMatch(expected);
    }
    // The same mapping, well formed, is accepted and generates.
    const good = call("saveAndGenerate", GOOD_MAPPING, []);
    expect(good.ok, good.ok ? "" : good.message).toBe(true);
    emu.dispose();
  });

  it("answers arbitrary JSON with a result or a clear error, for every call", () => {
    const emu = workbook();
    const column = fc.oneof(fc.constant(null), fc.record({ header: fc.oneof(fc.string(), fc.jsonValue()), index: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.jsonValue()) }));
    // Near-miss mappings reach further into the server code than random JSON does.
    const nearMapping = fc.record({
      version: fc.oneof(fc.constant(MAPPING_VERSION), fc.jsonValue()),
      sheetName: fc.oneof(fc.constantFrom("Funnel", "Notes", "Nope", ""), fc.jsonValue()),
      headerRow: fc.oneof(fc.integer({ min: -1, max: 50 }), fc.jsonValue()),
      shape: fc.oneof(fc.constantFrom("aggregated", "record-level"), fc.jsonValue()),
      stages: fc.oneof(fc.array(fc.record({ key: fc.oneof(fc.constantFrom("visits", "leads", "a b", ""), fc.jsonValue()), name: fc.string(), column }), { maxLength: 5 }), fc.jsonValue()),
      date: column,
      channel: column,
      spend: column,
      revenue: column,
    }, { requiredKeys: [] });
    const goals = fc.oneof(fc.constant(null), fc.jsonValue(), fc.array(fc.record({
      kpi: fc.oneof(fc.constantFrom("Spend", "Visits", "CAC"), fc.jsonValue()),
      baseline: fc.oneof(fc.double(), fc.jsonValue()),
      target: fc.oneof(fc.double(), fc.constant(null)),
      start: fc.oneof(fc.constantFrom("2025-01-01", "2025-13-01", null), fc.jsonValue()),
      end: fc.oneof(fc.constant(null), fc.jsonValue()),
      curve: fc.oneof(fc.constantFrom("linear", "compound"), fc.jsonValue()),
      direction: fc.oneof(fc.constantFrom("up", "down"), fc.jsonValue()),
    }), { maxLength: 3 }));
    const args = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.tuple(nearMapping, goals), fc.tuple(fc.jsonValue(), fc.jsonValue()));
    fc.assert(
      fc.property(fc.constantFrom(...CALLS), args, (name, callArgs) => {
        // JSON.stringify turns -0 and non-finite doubles into what google.script.run would carry.
        const outcome = dispatchServerCall(emu, name, JSON.stringify(callArgs));
        if (!outcome.ok) expectClearFailure(outcome.message);
      }),
      { numRuns: 300, seed: 20_251_201 },
    );
    emu.dispose();
  });
});
