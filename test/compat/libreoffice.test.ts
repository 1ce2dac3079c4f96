// Workbooks checked by an engine nobody here wrote: LibreOffice recalculates the --out summaries, keeps their setup, and writes a workbook whose features survive our round trip.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../../src/local/demo-data";
import { createEmulation, loadXlsx, saveXlsx } from "../../src/local/emulation";
import type { WritableValue } from "../../src/server/apps-script-api";
import { MAPPING_KEY } from "../../src/server/mapping-store";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { cli, tempDir, writeFile } from "../cli/cli-harness";
import { HOSTILE_CHANNELS } from "../summary/fixtures";
import { channelKey, channelLabel } from "../../src/kpi/funnel/channel-label";
import { expectFeaturesKept, workbookFeatures } from "../emulation/workbook-features";
import { convertToXlsx } from "./libreoffice";
import { csvText } from "./export-csv";
import { errorCells, formulaCells, sameCached } from "./xlsx-parts";

const TODAY = new Date(2026, 5, 15);
let dir = "";
const KINDS = ["aggregated", "records", "aggregated CSV", "records CSV", "sources", "hostile CSV", "hostile sources"] as const;
type Kind = (typeof KINDS)[number];
let ours = {} as Record<Kind, string>;
let lo = {} as Record<Kind | "features", string>;

beforeAll(async () => {
  dir = tempDir();
  const demo = join(dir, "demo.xlsx");
  const emu = createEmulation({
    sheets: {
      "Marketing data": [AGGREGATED_HEADERS, ...aggregatedDemoRows(TODAY, 2)] as WritableValue[][],
      Leads: [LEADS_HEADERS, ...leadDemoRows(TODAY, 200, 2)] as WritableValue[][],
    },
  });
  await saveXlsx(emu, demo);
  emu.dispose();
  // A CSV's --out goes the streaming way: its data sheet never enters the formula engine.
  const aggregatedCsv = writeFile(dir, "marketing.csv", csvText([AGGREGATED_HEADERS, ...aggregatedDemoRows(TODAY, 2)]));
  const leadsCsv = writeFile(dir, "leads.csv", csvText([LEADS_HEADERS, ...leadDemoRows(TODAY, 200, 2)]));
  ours = {
    aggregated: join(dir, "aggregated-out.xlsx"),
    records: join(dir, "records-out.xlsx"),
    "aggregated CSV": join(dir, "aggregated-csv-out.xlsx"),
    "records CSV": join(dir, "records-csv-out.xlsx"),
    sources: join(dir, "sources-out.xlsx"),
    "hostile CSV": join(dir, "hostile-csv-out.xlsx"),
    "hostile sources": join(dir, "hostile-sources-out.xlsx"),
  };
  const period = ["--from", "2026-05-01", "--to", "2026-05-31"];
  expect((await cli("summarize", demo, "--sheet", "Marketing data", "--out", ours.aggregated, ...period)).code).toBe(0);
  expect((await cli("summarize", demo, "--sheet", "Leads", "--out", ours.records, ...period)).code).toBe(0);
  // Several sources: two ad platforms and a CRM, whose summary reads the Channel map with SUMPRODUCT.
  const exports = join(import.meta.dirname, "..", "fixtures", "exports");
  const sources = [["google-ads-campaigns.csv", "Google Ads.csv"], ["meta-ads-de.csv", "Meta Ads.csv"], ["hubspot-deals.csv", "HubSpot deals.csv"]].map(([from, to]) => {
    copyFileSync(join(exports, from), join(dir, to));
    return join(dir, to);
  });
  expect((await cli("summarize", ...sources, "--out", ours.sources, "--from", "2026-08-01", "--to", "2026-10-31")).code).toBe(0);
  expect((await cli("summarize", aggregatedCsv, "--out", ours["aggregated CSV"], ...period)).code).toBe(0);
  expect((await cli("summarize", leadsCsv, "--out", ours["records CSV"])).code).toBe(0);
  // Channel values that a spreadsheet would run as formulas, booleans, numbers, wildcards or operators: an ad
  // export per channel, and a CRM whose Source column holds the same values.
  const january = ["--from", "2025-01-01", "--to", "2025-01-31"];
  const day = (d: number) => new Date(2025, 0, d);
  const ads = writeFile(dir, "hostile-ads.csv", csvText([
    ["Date", "Channel", "Spend", "Clicks", "Leads", "Customers", "Revenue"],
    ...HOSTILE_CHANNELS.flatMap((c, i) => [3, 12, 20].map((d) => [day(d), c, 100 + 37 * i + d, 1000 + 11 * i, 40 + i, 3 + (i % 5), 300 + 13 * i])),
  ]));
  const crm = writeFile(dir, "hostile-crm.csv", csvText([
    ["Lead ID", "Source", "Created", "Won date", "Deal value"],
    ...HOSTILE_CHANNELS.map((c, i) => [`L${i}`, c, day(5 + (i % 20)), i % 2 ? day(10 + (i % 15)) : "", i % 2 ? 500 + i : ""]),
  ]));
  expect((await cli("summarize", ads, "--out", ours["hostile CSV"], ...january)).code).toBe(0);
  expect((await cli("summarize", ads, crm, "--out", ours["hostile sources"], ...january)).code).toBe(0);
  const fods = join(dir, "features.fods");
  copyFileSync(join(import.meta.dirname, "features.fods"), fods);
  mkdirSync(join(dir, "lo"), { recursive: true });
  // One LibreOffice start for every file: it is the slow part.
  const converted = convertToXlsx([...KINDS.map((k) => ours[k]), fods], join(dir, "lo"));
  lo = { ...(Object.fromEntries(KINDS.map((k, i) => [k, converted[i]])) as Record<Kind, string>), features: converted[KINDS.length] };
}, 240_000);

describe("LibreOffice recalculating the --out workbooks", () => {
  for (const kind of KINDS) {
    it(`${kind}: every formula recalculates to the value the file cached, and none is an error`, async () => {
      const mine = await formulaCells(ours[kind]);
      const theirs = new Map((await formulaCells(lo[kind])).map((c) => [`${c.sheet}!${c.ref}`, c]));
      const summary = mine.filter((c) => c.sheet === SUMMARY_SHEET_NAME);
      expect(summary.length).toBeGreaterThan(kind === "sources" ? 300 : 100);
      const disagree = summary
        .filter((c) => !sameCached(c.cached, theirs.get(`${c.sheet}!${c.ref}`)?.cached))
        .map((c) => `${c.ref}: ours ${JSON.stringify(c.cached)}, LibreOffice ${JSON.stringify(theirs.get(`${c.sheet}!${c.ref}`)?.cached)} for =${c.formula.slice(0, 100)}`);
      expect(disagree).toEqual([]);
      const errors = [...theirs.values()].filter((c) => typeof c.cached === "object").map((c) => `${c.sheet}!${c.ref} ${JSON.stringify(c.cached)}`);
      expect(errors).toEqual([]);
      expect(await errorCells(lo[kind])).toEqual([]);
    });
  }

  for (const kind of ["hostile CSV", "hostile sources"] as const) {
    it(`${kind}: every hostile channel value is text LibreOffice shows as it was, and none became a formula`, async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(lo[kind]);
      const texts = new Map<string, string[]>();
      for (const ws of book.worksheets) {
        if (ws.name === "hostile-ads" || ws.name === "hostile-crm") continue;
        const shown: string[] = [];
        ws.eachRow((row) => row.eachCell((cell) => shown.push(cell.text)));
        texts.set(ws.name, shown);
      }
      const summary = texts.get(SUMMARY_SHEET_NAME) ?? [];
      // Each value is listed under its own name, as the report groups them (trimmed as TRIM does, case ignored:
      // "paid  search " is "Paid search"), in the channel table or the alignment of each source value.
      const first = new Map<string, string>();
      for (const v of HOSTILE_CHANNELS) if (!first.has(channelKey(channelLabel(v)))) first.set(channelKey(channelLabel(v)), channelLabel(v));
      const labels = [...first.values()];
      expect(labels.length).toBe(HOSTILE_CHANNELS.length - 1);
      for (const label of labels) expect(summary, label).toContain(label);
      if (kind === "hostile sources") for (const label of labels) expect(texts.get("Channel map") ?? [], label).toContain(label);
      // No formula of the file came from the data: none calls out, links or refers to what a value names.
      const formulas = (await formulaCells(lo[kind])).map((c) => c.formula);
      expect(formulas.length).toBeGreaterThan(100);
      expect(formulas.filter((f) => /IMPORTDATA|HYPERLINK|evil\.example/i.test(f))).toEqual([]);
    });
  }

  it("keeps the funnel setup: the CLI and the emulation start from it instead of detection", async () => {
    const { code, stdout } = await cli("summarize", lo.records);
    expect(code).toBe(0);
    expect(stdout).toContain(`from the setup saved in ${lo.records}`);
    const emu = await loadXlsx(lo.aggregated);
    expect(JSON.parse(emu.properties.document.get(MAPPING_KEY) ?? "{}")).toMatchObject({ sheetName: "Marketing data", shape: "aggregated" });
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Marketing data", "Leads", SUMMARY_SHEET_NAME]);
    emu.dispose();
  });
});

describe("a workbook LibreOffice wrote", () => {
  it("has the features the test is about, and keeps every one through a load, an edit and a save", async () => {
    const read = async (path: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      return workbookFeatures(book);
    };
    const before = await read(lo.features);
    const data = before["Marketing data"];
    // Not a vacuous comparison: LibreOffice wrote each feature.
    expect(before.Lookup.state).toBe("hidden");
    expect(data.merges).toEqual(["G1:H2"]);
    expect(data.autoFilter).toBe('"A1:F5"');
    expect(data.validations).toContain('yes,no');
    expect(data.rules).toContain("greaterThan");
    expect(data.widths[2]).toBeGreaterThan(data.widths[3] ?? 0);
    expect(data.cells.B2.value).toContain("https://ads.example.com/campaigns");
    expect(data.cells.B3.value).toContain("richText");
    expect(data.cells.C1.note).toContain("USD, net of VAT");
    expect(data.cells.A1.style).toContain("FFDDEBF7");
    expect(data.cells.A1.style).toContain("Arial");

    const emu = await loadXlsx(lo.features);
    emu.spreadsheet.getSheetByName("Marketing data")!.getRange("D3").setValue(700);
    const saved = join(dir, "features-saved.xlsx");
    await saveXlsx(emu, saved);
    emu.dispose();
    const after = await read(saved);
    expectFeaturesKept(before, after, { changed: ["D3"] });
    expect(after["Marketing data"].cells.D3.value).toBe("700");
  });
});
