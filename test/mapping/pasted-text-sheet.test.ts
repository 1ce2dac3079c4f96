// The add-on on a sheet of pasted text: read with the spreadsheet's locale, warned that live formulas skip text, converted only when confirmed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { convertTextCells, inspectSheet, previewMapping, previewTextCells } from "../../src/server/sidebar-api";
import { type Harness, harness } from "../summary/summary-harness";

// A German agency's export pasted as text: a title line, D.M.Y dates, decimal commas, a "Gesamt" row.
// The apostrophe makes each cell text in the sheet, as a paste of plain text does.
const SHOWN = [
  ["Bericht September 2026", "", "", "", ""],
  ["Datum", "Kanal", "Kosten", "Sitzungen", "Kunden"],
  ["01.09.2026", "Suche", "1.234,50", "1.200", "3"],
  ["02.09.2026", "Suche", "99,90", "980", "1"],
  ["03.09.2026", "Social", "450,00", "1.050", "2"],
  ["Gesamt", "", "1.784,40", "3.230", "6"],
];
const PASTED = SHOWN.map((row) => row.map((cell) => (cell === "" ? "" : `'${cell}`)));

let h: Harness;
beforeEach(() => {
  h = harness({ Daten: PASTED });
  h.emu.workbook.locale = "de_DE";
});
afterEach(() => h.done());

function inspected() {
  return h.emu.runExecution(() => inspectSheet("Daten", null));
}

describe("a sheet of pasted text in the add-on", () => {
  it("finds the header below the title, leaves the Gesamt row out and reads the text with the spreadsheet's locale", () => {
    const inspection = inspected();
    expect(inspection.headerRow).toBe(2);
    expect(inspection.headerRowFound).toBe(true);
    expect(inspection.reading.skipped.map((s) => [s.row, s.text])).toEqual([[1, "title or note line ('Bericht September 2026')"], [6, "total row ('Gesamt')"]]);
    expect(inspection.reading.locale).toBe("de-DE, the spreadsheet's locale");
    expect(inspection.proposal.stages.map((s) => [s.key, s.column?.header])).toEqual([["visits", "Sitzungen"], ["customers", "Kunden"]]);
    expect(inspection.proposal.spend.column?.header).toBe("Kosten");
    expect(inspection.dataRows).toBe(3);
  });

  it("previews the funnel from the text as read, and warns per column that the live formulas will not count it", () => {
    const mapping = h.emu.runExecution(() => inspected().proposal);
    const m: FunnelMapping = { version: 2, sheetName: "Daten", headerRow: 2, shape: "aggregated", stages: mapping.stages.map((s) => ({ key: s.key, name: s.name, column: s.column })), date: mapping.date.column, channel: mapping.channel.column, spend: mapping.spend.column, revenue: null };
    const preview = h.emu.runExecution(() => previewMapping(m));
    expect(preview.stages.map((s) => s.total)).toEqual([3230, 6]);
    const warnings = preview.validation.warnings.filter((w) => w.code === "text-cells");
    expect(warnings.map((w) => [w.field, w.count])).toEqual([["stage:visits", 3], ["stage:customers", 3], ["date", 3], ["spend", 3]]);
    expect(warnings[3].message).toBe(
      "Spend (column C 'Kosten'): 3 cells hold numbers as text: Daten!C3 ('1.234,50'), Daten!C4 ('99,90'), Daten!C5 ('450,00'). This check reads them, but the KPI Summary's live formulas will not count them; convert them to real numbers in the Data step.",
    );
  });

  it("shows what converting would change without writing, then converts exactly those cells when confirmed", () => {
    const p = h.emu.runExecution(() => inspected().proposal);
    const m: FunnelMapping = { version: 2, sheetName: "Daten", headerRow: 2, shape: "aggregated", stages: p.stages.map((s) => ({ key: s.key, name: s.name, column: s.column })), date: p.date.column, channel: p.channel.column, spend: p.spend.column, revenue: null };
    const sheet = h.emu.spreadsheet.getSheetByName("Daten");
    const before = JSON.stringify(sheet?.getDataRange().getValues());
    const preview = h.emu.runExecution(() => previewTextCells(m));
    expect(JSON.stringify(sheet?.getDataRange().getValues())).toBe(before);
    expect(preview.total).toBe(12);
    expect(preview.columns.map((c) => [c.label, c.count])).toEqual([["Stage 'Visits'", 3], ["Stage 'Customers'", 3], ["Date", 3], ["Spend", 3]]);
    expect(preview.cells.find((c) => c.address === "Daten!A3")).toEqual({ address: "Daten!A3", text: "01.09.2026", shown: "2026-09-01" });
    expect(preview.cells.find((c) => c.address === "Daten!C3")).toEqual({ address: "Daten!C3", text: "1.234,50", shown: "1234.5" });
    // A count that no longer matches what was reviewed writes nothing.
    expect(() => h.emu.runExecution(() => convertTextCells(m, 11))).toThrow("the sheet changed, so review the conversion again");
    expect(JSON.stringify(sheet?.getDataRange().getValues())).toBe(before);
    expect(h.emu.runExecution(() => convertTextCells(m, 12))).toEqual({ converted: 12 });
    const values = sheet?.getDataRange().getValues() ?? [];
    expect(values[2]).toEqual([expect.any(Date), "Suche", 1234.5, 1200, 3]);
    expect(values[3][2]).toBe(99.9);
    // The title, the header, the channel text and the Gesamt row are exactly as they were.
    expect(values[0][0]).toBe("Bericht September 2026");
    expect(values[1]).toEqual(SHOWN[1]);
    expect(values[5]).toEqual(SHOWN[5]);
    expect(sheet?.getRange("A3").getNumberFormat()).toBe("yyyy-mm-dd");
    const after = h.emu.runExecution(() => previewMapping(m));
    expect(after.validation.warnings.filter((w) => w.code === "text-cells")).toEqual([]);
    expect(after.stages.map((s) => s.total)).toEqual([3230, 6]);
  });
});
