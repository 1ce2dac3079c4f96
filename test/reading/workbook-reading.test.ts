// An .xlsx whose sheet has a title, a report period, text numbers and total rows: the CLI finds the table in the grid load-xlsx returns.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulation, saveXlsx } from "../../src/local/emulation";
import { cli, tempDir } from "../cli/cli-harness";

describe("reading a workbook's sheet", () => {
  it("skips the title and period lines and the Jumlah rows, and reads Rp text in an Indonesian report", async () => {
    const dir = tempDir();
    const book = join(dir, "laporan.xlsx");
    const rows = [
      ["Laporan Mingguan"],
      ["Periode: 1 Agustus 2026 - 31 Agustus 2026"],
      [],
      ["Tanggal", "Saluran", "Biaya", "Kunjungan", "Prospek", "Pelanggan"],
      ["2026-08-03", "Google Ads", "'Rp 1.250.000", 1200, 30, 2],
      ["2026-08-10", "Google Ads", "'Rp 750.000", 900, 20, 1],
      ["2026-08-17", "Meta Ads", "'Rp 500.000", 1500, 45, 3],
      ["Jumlah", "", "'Rp 2.500.000", 3600, 95, 6],
    ];
    const emu = createEmulation({ sheets: { Laporan: rows } });
    await saveXlsx(emu, book);
    const result = await cli("summarize", book, "--json");
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json.headerRow).toBe(4);
    expect(json.reading.skipped.map((s: { row: number; reason: string }) => [s.row, s.reason])).toEqual([[1, "title"], [2, "period"], [3, "blank"], [8, "total"]]);
    // 1,250,000 + 750,000 + 500,000 by hand; visits 1200 + 900 + 1500.
    expect(json.totals.spend).toBe(2_500_000);
    expect(json.funnel.map((f: { count: number }) => f.count)).toEqual([3600, 95, 6]);
    expect(json.mapping.headerRow).toBe(4);
  });
});

describe("--out from a locale CSV", () => {
  it("writes the data sheet as read (rows in place, numbers and dates real), so the summary's formulas count what the report did", async () => {
    const { loadXlsx } = await import("../../src/local/emulation");
    const dir = tempDir();
    const out = join(dir, "agency.xlsx");
    const source = join(import.meta.dirname, "..", "fixtures", "exports", "agency-id.csv");
    const result = await cli("summarize", source, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const emu = await loadXlsx(out);
    const data = emu.spreadsheet.getSheetByName("agency-id");
    const values = data?.getDataRange().getValues() ?? [];
    expect(values[0][0]).toBe("Laporan Kinerja Pemasaran Digital");
    expect(values[3]).toEqual(["Tanggal", "Saluran", "Biaya", "Kunjungan", "Prospek", "Pelanggan", "Pendapatan"]);
    expect(values[4].slice(1, 6)).toEqual(["Google Ads", 1_700_000, 1829, 22, 2]);
    expect(values[4][0]).toBeInstanceOf(Date);
    // The Jumlah rows stay as the text they were, and no formula counts them: they carry no date.
    expect(values[16]).toEqual(["Jumlah", "", "Rp 11.500.000", "14.849", "300", "42", "Rp 88.650.000"]);
    const spend = emu.spreadsheet.getRangeByName("kpi_spend")?.getValues().flat().filter((v) => typeof v === "number") ?? [];
    expect(spend.reduce((a, b) => a + (b as number), 0)).toBe(22_950_000);
    emu.dispose();
  });
});
