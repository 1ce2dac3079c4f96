// LibreOffice (an engine nobody here wrote) recalculates the channel formulas over hostile labels and gets src/kpi's numbers.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dateToSerial } from "../../src/kpi/dates";
import { channelKey, channelLabel, NO_CHANNEL } from "../../src/kpi/funnel/channel-label";
import { MAPPING_VERSION, type FunnelMapping } from "../../src/server/mapping/mapping-types";
import { a1 } from "../../src/server/summary/block";
import { channelMatches } from "../../src/server/summary/channel-match";
import { DataRanges } from "../../src/server/summary/data-ranges";
import { hostileRows } from "./fixtures";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const HEADERS = ["Date", "Channel", "Spend", "Sessions", "Leads", "New customers", "Revenue"];
const col = (header: string) => ({ header, index: HEADERS.indexOf(header) });
const mapping: FunnelMapping = {
  version: MAPPING_VERSION, sheetName: "Data", headerRow: 1, shape: "aggregated",
  stages: [{ key: "leads", name: "Leads", column: col("Leads") }, { key: "customers", name: "Customers", column: col("New customers") }],
  date: col("Date"), channel: col("Channel"), spend: col("Spend"), revenue: col("Revenue"),
};

describe.skipIf(!soffice)("LibreOffice evaluates the summary's channel criteria literally", () => {
  it("spend and leads per hostile channel equal the report's grouping", async () => {
    const rows = [...hostileRows(), [new Date(2025, 0, 5), "", 77, 10, 3, 1, 9], [new Date(2025, 0, 6), "   ", 23, 10, 2, 0, 9]];
    const dir = mkdtempSync(join(tmpdir(), "funnel-kpis-lo-"));
    try {
      // The summary's own formula builders, over closed ranges (as any .xlsx must spell them).
      const book = new ExcelJS.Workbook();
      const check = book.addWorksheet("Check");
      const data = book.addWorksheet("Data");
      data.addRow(HEADERS);
      for (const r of rows) data.addRow(r.map((v) => (v instanceof Date ? dateToSerial(v) : v)));
      const last = rows.length + 1;
      const names: Record<string, string> = { date: "A", channel: "B", spend: "C", leads: "E", customers: "F", revenue: "G" };
      for (const [name, letter] of Object.entries(names)) book.definedNames.add(`Data!$${letter}$2:$${letter}$${last}`, `kpi_${name}`);

      const labels = [...new Map(rows.map((r) => [channelKey(channelLabel(r[1])), channelLabel(r[1])])).values()];
      const matches = channelMatches(rows, 1);
      const ranges = new DataRanges(mapping);
      check.getCell(1, 1).value = dateToSerial(new Date(2025, 0, 1));
      check.getCell(1, 2).value = dateToSerial(new Date(2025, 0, 31));
      const window = { start: "$A$1", end: "$B$1" };
      labels.forEach((label, i) => {
        const row = i + 2;
        check.getCell(row, 1).value = label;
        const slice = { keyCell: a1(row, 1, true), match: matches.get(channelKey(label)) ?? "comparison", takesBlank: label === NO_CHANNEL } as const;
        check.getCell(row, 2).value = { formula: ranges.sum("spend", window, slice) };
        check.getCell(row, 3).value = { formula: ranges.count("leads", window, slice) };
      });
      const input = join(dir, "criteria.xlsx");
      await book.xlsx.writeFile(input);
      const outDir = join(dir, "out");
      execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "xlsx", "--outdir", outDir, input], { stdio: "ignore", timeout: 120_000 });
      const recalculated = new ExcelJS.Workbook();
      await recalculated.xlsx.readFile(join(outDir, "criteria.xlsx"));
      const sheet = recalculated.getWorksheet("Check");
      if (!sheet) throw new Error("LibreOffice wrote no Check sheet");
      const result = (row: number, column: number): unknown => {
        const v = sheet.getCell(row, column).value;
        return v !== null && typeof v === "object" && "result" in v ? v.result : v;
      };
      labels.forEach((label, i) => {
        const mine = rows.filter((r) => channelKey(channelLabel(r[1])) === channelKey(label));
        const spend = mine.reduce((a, r) => a + (r[2] as number), 0);
        const leads = mine.reduce((a, r) => a + (r[4] as number), 0);
        expect([label, sheet.getCell(i + 2, 1).text, result(i + 2, 2), result(i + 2, 3)]).toEqual([label, label, spend, leads]);
      });
      expect(labels).toContain(NO_CHANNEL);
      expect([...matches.values()]).toContain("criteria");
      expect([...matches.values()]).toContain("comparison");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
