// The command line's --out writes hostile channel labels as text, and its cached per-channel numbers are each channel's own.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { cli, tempDir, writeFile } from "../cli/cli-harness";

const CHANNELS = ['=HYPERLINK("https://evil.example/","click")', "*", "TRUE", "<>Paid search", "Paid search", "~", "=x"];
const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;

describe("--out with hostile channel labels", () => {
  it("writes each label as a text cell and caches its own spend, never a wildcard's or a formula's", async () => {
    const lines = ["Date,Channel,Spend,Sessions,Leads,New customers,Revenue"];
    CHANNELS.forEach((channel, i) => {
      for (const day of [3, 9, 17]) lines.push(`2025-01-${String(day).padStart(2, "0")},${csvField(channel)},${10 * (i + 1) + day},${100 + i},${10 + i},${1 + (i % 3)},${50 * (i + 1)}`);
    });
    const dir = tempDir();
    const csv = writeFile(dir, "hostile.csv", `${lines.join("\n")}\n`);
    const out = join(dir, "hostile-out.xlsx");
    const { code, stderr } = await cli("summarize", csv, "--out", out, "--from", "2025-01-01", "--to", "2025-01-31");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet(SUMMARY_SHEET_NAME);
    if (!ws) throw new Error("no summary");
    let headerRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "Channel") headerRow = r;
    });
    expect(headerRow).toBeGreaterThan(0);
    const spendColumn = (ws.getRow(headerRow).values as unknown[]).indexOf("Spend");
    const seen = new Map<string, unknown>();
    for (let r = headerRow + 1; ; r++) {
      const cell = ws.getCell(r, 1);
      if (cell.value === null || cell.value === "") break;
      expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String);
      const spend = ws.getCell(r, spendColumn).value as ExcelJS.CellFormulaValue;
      seen.set(String(cell.value), spend.result);
    }
    expect(new Set(seen.keys())).toEqual(new Set(CHANNELS));
    CHANNELS.forEach((channel, i) => expect(seen.get(channel), channel).toBe(3 * 10 * (i + 1) + 3 + 9 + 17));
  });
});
