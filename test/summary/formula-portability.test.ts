// Every generated formula uses only functions every engine and Excel 2007 .xlsx know, within Excel's length and nesting limits.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import { sheetsOnlyFallback } from "../../src/local/emulation/sheets-only-fallback";
import { functionsIn, POST_2007_FUNCTIONS, SHEETS_ONLY_FUNCTIONS, SUMMARY_FUNCTIONS } from "../../src/server/summary/sheet-functions";
import { AD_HEADERS, AGG_HEADERS, LEAD_HEADERS, adMapping, adRows, aggregatedRows, leadRows } from "./fixtures";
import { harness } from "./summary-harness";

function formulasOf(sheet: string, headers: string[], rows: CellValue[][], mapping: FunnelMapping): string[] {
  const h = harness({ [sheet]: [headers, ...rows] });
  try {
    h.emu.suspendEvaluation();
    h.emu.runExecution(() => saveAndGenerate(mapping, [
      { kpi: mapping.stages[mapping.stages.length - 1].name, basis: "per day", baseline: 1, target: 5, start: "2025-01-01", end: "2025-12-31", curve: "compound", direction: "up" },
    ]));
    return h.summary().getDataRange().getFormulas().flat().filter((f) => f !== "");
  } finally {
    h.done();
  }
}

const detected = (sheet: string, headers: string[], rows: CellValue[][]) => proposalToMapping(proposeMapping(sheet, 1, headers, rows));
const ALL = [
  ...formulasOf("Data", AGG_HEADERS, aggregatedRows(), detected("Data", AGG_HEADERS, aggregatedRows())),
  ...formulasOf("Leads", LEAD_HEADERS, leadRows(), detected("Leads", LEAD_HEADERS, leadRows())),
  ...formulasOf("Ads", AD_HEADERS, adRows(), adMapping("Ads")),
];

function nesting(formula: string): number {
  let depth = 0;
  let max = 0;
  for (const c of formula.replace(/"(?:[^"]|"")*"/g, '""')) {
    if (c === "(") max = Math.max(max, ++depth);
    if (c === ")") depth--;
  }
  return max;
}

describe("summary formulas everywhere", () => {
  it("call only the listed functions, none of them post-2007 (or listed for the _xlfn. prefix)", () => {
    // A Sheets-only function stands only as IFERROR's first argument; what Excel and LibreOffice compute is the fallback.
    const portable = ALL.map((f) => sheetsOnlyFallback(f) ?? f);
    const used = new Set(portable.flatMap(functionsIn));
    const allowed = new Set<string>([...SUMMARY_FUNCTIONS, ...POST_2007_FUNCTIONS]);
    expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
    expect(used.has("IFS") || used.has("SWITCH")).toBe(false);
    expect(ALL.length).toBeGreaterThan(300);
  });

  it("use a Sheets-only function only inside IFERROR with a portable fallback (the scorecard's trend lines)", () => {
    const sheetsOnly = ALL.filter((f) => functionsIn(f).some((name) => SHEETS_ONLY_FUNCTIONS.includes(name)));
    expect(sheetsOnly.length).toBeGreaterThanOrEqual(3 * 4);
    for (const formula of sheetsOnly) {
      const fallback = sheetsOnlyFallback(formula);
      expect(fallback, formula).not.toBeNull();
      expect(functionsIn(fallback!).filter((name) => SHEETS_ONLY_FUNCTIONS.includes(name))).toEqual([]);
    }
  });

  it("stay within Excel's 8,192 characters and 64 levels of nesting", () => {
    expect(Math.max(...ALL.map((f) => f.length))).toBeLessThanOrEqual(8192);
    expect(Math.max(...ALL.map(nesting))).toBeLessThanOrEqual(64);
  });
});
