// The preview's workbook session: typed cells and server runs are saved back, and the saved workbook reopens with everything intact.
import { afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadXlsx } from "../../src/local/emulation";
import { AUTOMATIC_FORMAT } from "../../src/local/emulation/number-format";
import { WorkbookSession } from "../../src/local/preview/workbook-session";
import { AGGREGATED_HEADERS } from "../../src/local/demo-data";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { ROOT, smallRows, smallWorkbook } from "./preview-fixture";

/**
 * Formats of filled cells; "" (the generator's "keep the default") and the automatic format are the same.
 * The emulation's .xlsx loader drops formats of blank cells (an input cell formatted ahead of typing), so those are left out.
 */
function filledFormats(values: unknown[][], formats: string[][]): string[][] {
  return formats.map((row, r) => row.map((f, c) => (values[r][c] === "" || f === AUTOMATIC_FORMAT ? "" : f)));
}

let session: WorkbookSession | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

describe("WorkbookSession", () => {
  it("pages display values with formulas and error messages", async () => {
    session = await WorkbookSession.open(await smallWorkbook(), join(ROOT, "build"));
    await session.setCell("Marketing data", 2, 10, "=SUM(C2:C3)");
    await session.setCell("Marketing data", 3, 10, "=CAC(C2:C3, 0)");
    const page = await session.page("Marketing data", 1, 3);
    expect(page.cells[0].slice(0, 3).map((c) => c.text)).toEqual(["Date", "Channel", "Spend"]);
    expect(page.cells[1][9].formula).toBe("=SUM(C2:C3)");
    const [c2, c3] = smallRows().aggregated.slice(0, 2).map((r) => Number(r[2]));
    expect(Number(page.cells[1][9].text)).toBeCloseTo(c2 + c3, 6);
    expect(page.cells[1][9].kind).toBe("number");
    expect(page.cells[2][9].error).toMatch(/^CAC: /);
    expect(page.cells[2][9].kind).toBe("error");
  });

  it("refuses typing outside the sheet's grid or past Google Sheets' limits, and grows nothing", async () => {
    const path = await smallWorkbook();
    session = await WorkbookSession.open(path, join(ROOT, "build"));
    const rows = session.emu.spreadsheet.getSheetByName("Leads")!.getMaxRows();
    await expect(session.setCell("Leads", rows + 1, 1, "x")).rejects.toThrow(`is outside "Leads", which has ${rows} rows`);
    await expect(session.setCell("Leads", 1_000_000, 1, "x")).rejects.toThrow(/past Google Sheets' limit/);
    expect(session.emu.spreadsheet.getSheetByName("Leads")!.getMaxRows()).toBe(rows);
  });

  it("runs one execution at a time: a run's lock never meets another's", async () => {
    session = await WorkbookSession.open(await smallWorkbook(), join(ROOT, "build"));
    const results = await Promise.all([session.run("wizardStart", []), session.run("wizardStart", []), session.run("showFunctionReference", [])]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results[2].shown).toEqual([expect.objectContaining({ kind: "modalDialog", title: "Funnel KPIs: function reference" })]);
    expect(session.shownHtml(results[2].shown[0].index)).toContain("CAC");
    const missing = await session.run("planSummary", []);
    expect(missing).toEqual({ ok: false, message: "Script function not found: planSummary", shown: [], toasts: [], alerts: [], active: "Marketing data" });
  });

  it("saves cells and the generated summary; the file reopens with values, formulas, formats of filled cells and named ranges intact", async () => {
    const path = await smallWorkbook();
    session = await WorkbookSession.open(path, join(ROOT, "build"));
    await session.setCell("Leads", 2, 9, "note to self");
    const mapping = proposalToMapping(proposeMapping("Marketing data", 1, AGGREGATED_HEADERS, smallRows().aggregated.slice(0, 50)));
    const generated = await session.run("saveAndGenerate", [mapping, null]);
    expect(generated.ok).toBe(true);
    const { charts } = await session.sheetView("KPI Summary");
    // The funnel, the share of spend, the channels by cost and the month columns (summary-sheet.md, "The dashboard").
    expect(charts.map((c) => c.kind)).toEqual(["bar", "pie", "bar", "column"]);
    const before = session.emu.spreadsheet.getSheets().map((s) => ({
      name: s.getName(),
      values: s.getDataRange().getValues(),
      formulas: s.getDataRange().getFormulas(),
      formats: filledFormats(s.getDataRange().getValues(), s.getDataRange().getNumberFormats()),
    }));
    await session.flush();
    const reopened = await loadXlsx(path, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    const after = reopened.spreadsheet.getSheets().map((s) => ({
      name: s.getName(),
      values: s.getDataRange().getValues(),
      formulas: s.getDataRange().getFormulas(),
      formats: filledFormats(s.getDataRange().getValues(), s.getDataRange().getNumberFormats()),
    }));
    expect(after.map((s) => s.name)).toEqual(["Marketing data", "Leads", "KPI Summary"]);
    for (let i = 0; i < before.length; i++) {
      expect(after[i].formulas, before[i].name).toEqual(before[i].formulas);
      expect(after[i].values, before[i].name).toEqual(before[i].values);
      expect(after[i].formats, before[i].name).toEqual(before[i].formats);
    }
    expect(reopened.spreadsheet.getRangeByName("kpi_spend")?.getA1Notation()).toBe("C2:C1000");
    expect(reopened.spreadsheet.getSheetByName("Leads")!.getRange("I2").getValue()).toBe("note to self");
    reopened.dispose();
  });

  it("keeps what .xlsx cannot hold, the saved mapping and the summary's charts, for the next preview session", async () => {
    const path = await smallWorkbook();
    session = await WorkbookSession.open(path, join(ROOT, "build"));
    const mapping = proposalToMapping(proposeMapping("Marketing data", 1, AGGREGATED_HEADERS, smallRows().aggregated.slice(0, 50)));
    expect((await session.run("saveAndGenerate", [mapping, null])).ok).toBe(true);
    await session.flush();
    session.close();
    session = await WorkbookSession.open(path, join(ROOT, "build"));
    expect((await session.sheetView("KPI Summary")).charts.map((c) => c.title)).toEqual([
      "Funnel: the selected period (log scale: every stage shows)",
      "Share of spend by channel",
      "Channels by CAC (cost per customer), cheapest first",
      "Customers per month (grey: a partial month)",
    ]);
    const start = await session.run("wizardStart", []);
    expect(start.ok && (start.value as { saved: { mapping: unknown } | null }).saved?.mapping).toEqual(mapping);
    const refreshed = await session.run("refreshSummaryFromMenu", []);
    // The generator toasts its progress; the menu item ends with its own.
    expect(refreshed.toasts[refreshed.toasts.length - 1]).toContain("Refreshed");
  });
});
