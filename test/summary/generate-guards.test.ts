// Generation's guarantees: the document lock, nothing written on bad input, and a constant number of service calls.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { MAPPING_KEY } from "../../src/server/mapping-store";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import { AGG_HEADERS, aggregatedRows } from "./fixtures";
import { harness, snapshotSheet } from "./summary-harness";

const mappingFor = (rows: CellValue[][]) => proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows.slice(0, 50)));

describe("generation guards", () => {
  it("refuses a second generation while the first holds the document lock, and never interleaves", () => {
    const rows = aggregatedRows();
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const mapping = mappingFor(rows);
      const first = h.emu.startExecution();
      first.run(() => expect(LockService.getDocumentLock().tryLock(1000)).toBe(true));
      const second = h.emu.startExecution();
      expect(() => second.run(() => saveAndGenerate(mapping, null))).toThrow("Someone else is generating the summary right now");
      expect(h.emu.spreadsheet.getSheetByName("KPI Summary")).toBeNull();
      second.end();
      first.end();
      h.emu.runExecution(() => saveAndGenerate(mapping, null));
      expect(h.emu.spreadsheet.getSheetByName("KPI Summary")).not.toBeNull();
    } finally {
      h.done();
    }
  });

  it("releases the lock when generation fails, so the next run can go ahead", () => {
    const rows = aggregatedRows();
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const mapping = mappingFor(rows);
      const broken = { ...mapping, sheetName: "Gone" };
      const run = h.emu.startExecution();
      expect(() => run.run(() => saveAndGenerate(broken, null))).toThrow('there is no sheet named "Gone"');
      expect(run.run(() => LockService.getDocumentLock().hasLock())).toBe(false);
      run.end();
    } finally {
      h.done();
    }
  });

  it("writes nothing when a count column holds text, and names the cells", () => {
    const rows = aggregatedRows();
    rows[3][4] = "n/a";
    rows[7][4] = "lots";
    const h = harness({ Data: [AGG_HEADERS, ...rows] });
    try {
      const mapping = mappingFor(aggregatedRows());
      const before = snapshotSheet(h.emu.spreadsheet.getSheetByName("Data")!);
      expect(() => h.emu.runExecution(() => saveAndGenerate(mapping, null))).toThrow(/Data!E5, Data!E9/);
      expect(h.emu.spreadsheet.getSheetByName("KPI Summary")).toBeNull();
      expect(h.emu.runExecution(() => PropertiesService.getDocumentProperties().getProperty(MAPPING_KEY))).toBeNull();
      expect(h.emu.spreadsheet.getNamedRanges()).toEqual([]);
      expect(snapshotSheet(h.emu.spreadsheet.getSheetByName("Data")!)).toBe(before);
    } finally {
      h.done();
    }
  });

  it("writes nothing for a mapping whose column was renamed since", () => {
    const rows = aggregatedRows();
    const h = harness({ Data: [["Day", ...AGG_HEADERS.slice(1)], ...rows] });
    try {
      expect(() => h.emu.runExecution(() => saveAndGenerate(mappingFor(rows), null))).toThrow(/Date/);
      expect(h.emu.spreadsheet.getSheetByName("KPI Summary")).toBeNull();
    } finally {
      h.done();
    }
  });

  it("makes the same number of service calls for 100 rows as for 100,000 rows", () => {
    const counts = [100, 100_000].map((n) => {
      const base = aggregatedRows();
      const rows = Array.from({ length: n }, (_, i) => base[i % base.length]);
      const h = harness({ Data: [AGG_HEADERS, ...rows] });
      try {
        h.emu.suspendEvaluation();
        h.emu.calls.reset();
        h.emu.runExecution(() => saveAndGenerate(mappingFor(rows), null));
        return h.emu.calls.snapshot();
      } finally {
        h.done();
      }
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]["Range.getValues"]).toBeLessThanOrEqual(3);
  });
});
