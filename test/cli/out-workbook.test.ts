// --out: the copy holds the input's sheets unchanged plus a KPI Summary whose cached results the formula engine reproduces.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sheetsOnlyFallback } from "../../src/local/emulation/sheets-only-fallback";
import { beforeAll, describe, expect, it } from "vitest";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../../src/local/demo-data";
import { createEmulation, loadXlsx, saveXlsx } from "../../src/local/emulation";
import type { WritableValue } from "../../src/server/apps-script-api";
import { SETUP_SHEET_NAME } from "../../src/server/setup-sheet-format";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { formulaCells } from "../compat/xlsx-parts";
import { cli, smallCsv, tempDir, writeFile } from "./cli-harness";

const TODAY = new Date(2026, 5, 15);
let dir = "";
let demoPath = "";

beforeAll(async () => {
  dir = tempDir();
  demoPath = join(dir, "demo.xlsx");
  const emu = createEmulation({
    sheets: {
      "Marketing data": [AGGREGATED_HEADERS, ...aggregatedDemoRows(TODAY, 2)] as WritableValue[][],
      Leads: [LEADS_HEADERS, ...leadDemoRows(TODAY, 200, 2)] as WritableValue[][],
    },
  });
  await saveXlsx(emu, demoPath);
  emu.dispose();
});

/** The value right of a label cell: the summary's inputs are found by their labels, not by fixed cells. */
function besideLabel(ws: ExcelJS.Worksheet, label: string): unknown {
  let found: unknown;
  ws.eachRow((row) => row.eachCell((cell, c) => {
    if (found === undefined && cell.value === label) found = row.getCell(c + 1).value;
  }));
  return found;
}

interface CachedFormula {
  row: number;
  column: number;
  formula: string;
  result: unknown;
}

/** Summary formula cells the file stores no result for (exceljs reads an empty-text result as none; the XML is the judge). */
async function uncachedSummaryCells(path: string): Promise<string[]> {
  return (await formulaCells(path)).filter((c) => c.sheet === SUMMARY_SHEET_NAME && c.cached === undefined).map((c) => `${c.ref} =${c.formula}`);
}

async function summaryFormulas(path: string): Promise<{ book: ExcelJS.Workbook; formulas: CachedFormula[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const ws = book.getWorksheet(SUMMARY_SHEET_NAME);
  if (!ws) throw new Error("no KPI Summary in the output");
  const formulas: CachedFormula[] = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      // exceljs hands a date-formatted result back as a Date (UTC midnight): the serial is what was written.
      const result = cell.result instanceof Date ? (cell.result.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : cell.result;
      formulas.push({ row: r, column: c, formula: cell.formula, result });
    }),
  );
  return { book, formulas };
}

/** Every cached result equals what the formula engine computes from the formula, within float noise. */
async function expectEngineAgrees(path: string, formulas: readonly CachedFormula[]): Promise<number> {
  const emu = await loadXlsx(path);
  const sheet = emu.sheetModel(SUMMARY_SHEET_NAME);
  let checked = 0;
  for (const f of formulas) {
    if (f.result === undefined) continue;
    // Sheets draws a SPARKLINE (no value of its own, as the engine holds it); the file caches what Excel and LibreOffice show, the fallback.
    const fallback = sheetsOnlyFallback(f.formula);
    const raw = fallback === null
      ? emu.workbook.engine.getCellValue({ sheet: sheet.engineId, row: f.row - 1, col: f.column - 1 })
      : emu.workbook.engine.calculateFormula(`=${fallback}`, sheet.engineId);
    if (fallback !== null) expect(emu.workbook.engine.getCellValue({ sheet: sheet.engineId, row: f.row - 1, col: f.column - 1 })).toBe("");
    const where = `${SUMMARY_SHEET_NAME}!R${f.row}C${f.column} =${f.formula}`;
    if (typeof f.result === "number") {
      expect(typeof raw, where).toBe("number");
      expect(Math.abs((raw as number) - f.result), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(f.result)));
    } else {
      expect(raw, where).toEqual(f.result);
    }
    checked++;
  }
  emu.dispose();
  return checked;
}

describe("--out", () => {
  it("aggregated: writes the summary with cached results the engine agrees with, and keeps both data sheets", async () => {
    const out = join(dir, "aggregated-out.xlsx");
    const { code, stdout, stderr } = await cli("summarize", demoPath, "--sheet", "Marketing data", "--out", out, "--from", "2026-05-01", "--to", "2026-05-31");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${out} with a "KPI Summary" sheet`);
    const { book, formulas } = await summaryFormulas(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Marketing data", "Leads", SUMMARY_SHEET_NAME, SETUP_SHEET_NAME]);
    const data = book.getWorksheet("Marketing data")!;
    expect(data.getRow(1).values).toEqual([undefined, ...AGGREGATED_HEADERS]);
    expect(data.rowCount).toBe(aggregatedDemoRows(TODAY, 2).length + 1);
    const summary = book.getWorksheet(SUMMARY_SHEET_NAME)!;
    expect(besideLabel(summary, "Period")).toBe("Custom");
    expect(book.definedNames.model.map((n) => n.name)).toEqual(expect.arrayContaining(["kpi_spend", "kpi_visits", "kpi_customers", "kpi_date"]));
    // Every formula carries a cached result: the CLI's numbers, the engine's for unit economics and goals.
    expect(await uncachedSummaryCells(out)).toEqual([]);
    expect(await expectEngineAgrees(out, formulas)).toBe(formulas.filter((f) => f.result !== undefined).length);
  });

  it("regenerates a summary already in the workbook, keeping the period the team chose", async () => {
    const first = join(dir, "first-out.xlsx");
    expect((await cli("summarize", demoPath, "--sheet", "Marketing data", "--out", first, "--from", "2026-05-01", "--to", "2026-05-31")).code).toBe(0);
    const second = join(dir, "second-out.xlsx");
    const { code, stderr } = await cli("summarize", first, "--out", second);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const { book, formulas } = await summaryFormulas(second);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Marketing data", "Leads", SUMMARY_SHEET_NAME, SETUP_SHEET_NAME]);
    const summary = book.getWorksheet(SUMMARY_SHEET_NAME)!;
    expect(besideLabel(summary, "Period")).toBe("Custom");
    expect(besideLabel(summary, "Custom start")).toEqual(new Date(Date.UTC(2026, 4, 1)));
    // This path lets the engine compute every cached result.
    expect(formulas.length).toBeGreaterThan(100);
    expect(await uncachedSummaryCells(second)).toEqual([]);
  });

  it("record-level: the Leads sheet's summary agrees with the engine too", async () => {
    const out = join(dir, "leads-out.xlsx");
    const { code } = await cli("summarize", demoPath, "--sheet", "Leads", "--out", out, "--from", "2026-05-01", "--to", "2026-05-31");
    expect(code).toBe(0);
    const { book, formulas } = await summaryFormulas(out);
    expect(await expectEngineAgrees(out, formulas)).toBeGreaterThan(20);
    // The cohort block's heat map is a colour scale Excel and LibreOffice draw, white to green.
    const summary = book.getWorksheet(SUMMARY_SHEET_NAME) as unknown as { conditionalFormattings: { rules: { type: string; color?: { argb: string }[] }[] }[] };
    const scales = summary.conditionalFormattings.flatMap((f) => f.rules).filter((r) => r.type === "colorScale");
    expect(scales.map((r) => r.color?.map((c) => c.argb))).toEqual([["FFFFFFFF", "FF57BB8A"]]);
  });

  it("from a CSV: the workbook holds the data sheet and the summary", async () => {
    const csv = writeFile(dir, "small.csv", smallCsv());
    const out = join(dir, "csv-out.xlsx");
    const { code } = await cli("summarize", csv, "--out", out);
    expect(code).toBe(0);
    const { book, formulas } = await summaryFormulas(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["small", SUMMARY_SHEET_NAME, SETUP_SHEET_NAME]);
    expect(await expectEngineAgrees(out, formulas)).toBeGreaterThan(20);
  });
});
