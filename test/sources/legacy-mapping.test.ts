// Mappings saved in formats 1 and 2 (one sheet, before sources) load as one-source mappings and generate exactly the summary they did.
import { describe, expect, it } from "vitest";
import { MAPPING_KEY, MAPPING_SAVED_KEY, loadMapping } from "../../src/server/mapping-store";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { setupAsSources, parseSetup } from "../../src/server/mapping/mapping-store-format";
import { refreshSummary, saveAndGenerate } from "../../src/server/sidebar-api";
import { AGG_HEADERS, LEAD_HEADERS, aggregatedRows, leadRows } from "../summary/fixtures";
import { harness, snapshotSheet } from "../summary/summary-harness";

const CASES = [
  { name: "aggregated", sheet: "Data", headers: AGG_HEADERS, rows: aggregatedRows() },
  { name: "record-level", sheet: "Leads", headers: LEAD_HEADERS, rows: leadRows() },
];

/** The summary without its "generated at" line, which names the minute it was written. */
function summaryContent(h: ReturnType<typeof harness>): string {
  const sheet = h.summary();
  sheet.getRange(2, 1).setValue("");
  return snapshotSheet(sheet);
}

describe.each(CASES)("$name", (c) => {
  const mapping = proposalToMapping(proposeMapping(c.sheet, 1, c.headers, c.rows));

  it.each([1, 2])("a version %i value generates the summary the mapping generates directly", (version) => {
    // A version 1 value has no status stages: the record-level case then counts that stage by its date alone.
    const stages = version === 1 ? mapping.stages.map(({ status: _s, ...rest }) => rest) : mapping.stages;
    const saved = { ...mapping, stages, version };
    // One emulated workbook at a time: each installs the Apps Script globals.
    const direct = harness({ [c.sheet]: [c.headers, ...c.rows] });
    let expected = "";
    try {
      direct.emu.runExecution(() => saveAndGenerate({ ...mapping, stages }, null));
      expected = summaryContent(direct);
    } finally {
      direct.done();
    }
    const stored = harness({ [c.sheet]: [c.headers, ...c.rows] });
    try {
      stored.emu.runExecution(() => {
        PropertiesService.getDocumentProperties().setProperty(MAPPING_KEY, JSON.stringify(saved));
        PropertiesService.getDocumentProperties().setProperty(MAPPING_SAVED_KEY, JSON.stringify({ savedAt: "2025-01-01T00:00:00.000Z", savedByKey: "" }));
        expect(loadMapping().status).toBe("ok");
        const parsed = parseSetup(JSON.stringify(saved));
        if (!parsed.ok) throw new Error(parsed.message);
        expect(setupAsSources(parsed.setup).sources).toHaveLength(1);
        refreshSummary();
      });
      expect(summaryContent(stored)).toBe(expected);
    } finally {
      stored.done();
    }
  });
});
