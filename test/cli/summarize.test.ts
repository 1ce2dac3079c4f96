// summarize on the demo workbook, a CSV and a saved mapping: the printed tables, and --json number by number against computeFunnelReport.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../../src/local/demo-data";
import { createEmulation, loadCsv, saveXlsx } from "../../src/local/emulation";
import type { WritableValue } from "../../src/server/apps-script-api";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { parseMapping } from "../../src/server/mapping/mapping-store-format";
import { cli, smallCsv, tempDir, writeFile } from "./cli-harness";

const TODAY = new Date(2026, 5, 15);
const PERIOD = { start: "2026-05-01", end: "2026-05-31" };
let dir = "";
let demoPath = "";

/** The JSON the CLI prints for a report: what JSON.stringify makes of computeFunnelReport's result. */
const asJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

beforeAll(async () => {
  dir = tempDir();
  demoPath = join(dir, "demo.xlsx");
  const emu = createEmulation({
    sheets: {
      "Marketing data": [AGGREGATED_HEADERS, ...aggregatedDemoRows(TODAY, 3)] as WritableValue[][],
      Leads: [LEADS_HEADERS, ...leadDemoRows(TODAY, 300, 3)] as WritableValue[][],
    },
  });
  await saveXlsx(emu, demoPath);
  emu.dispose();
});

describe("summarize on the demo workbook", () => {
  it("prints the detected mapping with reasons, headline KPIs, the funnel and the channel table", async () => {
    const { code, stdout, stderr } = await cli("summarize", demoPath, "--sheet", "Marketing data", "--from", PERIOD.start, "--to", PERIOD.end);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Stage Visits\s+D 'Sessions'\s+header 'Sessions' looks like visits/);
    expect(stdout).toContain("Headline KPIs: 2026-05-01 to 2026-05-31 (31 days) vs 2026-03-31 to 2026-04-30");
    expect(stdout).toMatch(/^Visits\s+[\d,]+\s+100\.0%$/m);
    expect(stdout).toMatch(/^Customers\s+[\d,]+\s+[\d.]+%\s+[\d.]+%\s+[\d,]+\s+[\d.]+%$/m);
    expect(stdout).toMatch(/^Paid search\s+[\d,.]+\s+[\d.]+%/m);
    // Columns line up: every row of the funnel table is as wide as its rule.
    const funnel = stdout.split("Funnel (all rows)\n")[1].split("\n\n")[0].split("\n");
    expect(funnel[1]).toMatch(/^-+(  -+)+$/);
  });

  it("--json holds the same numbers as computeFunnelReport on the sheet's rows", async () => {
    const { code, stdout } = await cli("summarize", demoPath, "--sheet", "Marketing data", "--json", "--from", PERIOD.start, "--to", PERIOD.end);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    const rows = aggregatedDemoRows(TODAY, 3);
    const mapping = proposalToMapping(proposeMapping("Marketing data", 1, AGGREGATED_HEADERS, rows.slice(0, 50)));
    const report = computeFunnelReport(toFunnelSpec(mapping), rows, { period: PERIOD });
    expect(out.mapping).toEqual(mapping);
    for (const key of ["funnel", "channels", "headline", "totals", "months", "notes", "timeToConvert"] as const) {
      expect(out[key], key).toEqual(asJson(report[key]));
    }
    expect((out.funnel as Array<{ count: number }>).map((s) => s.count)).toEqual(report.funnel.map((s) => s.count));
  });

  it("reads another sheet by name: record-level leads with time to convert", async () => {
    const { code, stdout } = await cli("summarize", demoPath, "--sheet", "Leads", "--json", "--from", PERIOD.start, "--to", PERIOD.end);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { mapping: { shape: string }; timeToConvert: unknown };
    expect(out.mapping.shape).toBe("record-level");
    const rows = leadDemoRows(TODAY, 300, 3);
    const mapping = proposalToMapping(proposeMapping("Leads", 1, LEADS_HEADERS, rows.slice(0, 50)));
    const report = computeFunnelReport(toFunnelSpec(mapping), rows, { period: PERIOD });
    expect(out.timeToConvert).toEqual(asJson(report.timeToConvert));
    expect(report.timeToConvert?.all.records).toBeGreaterThan(0);
  });
});

describe("summarize on a CSV", () => {
  it("streams the file to the same report as the emulation's CSV import would give", async () => {
    const text = smallCsv();
    const path = writeFile(dir, "small.csv", text);
    const { code, stdout } = await cli("summarize", path, "--json", "--from", "2025-02-01", "--to", "2025-02-28");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    const emu = createEmulation({ sheets: {} });
    loadCsv(emu, "small", text);
    const values = emu.spreadsheet.getSheetByName("small")!.getDataRange().getValues();
    const mapping = parseMapping(JSON.stringify(out.mapping));
    expect(mapping.ok).toBe(true);
    if (!mapping.ok) return;
    const report = computeFunnelReport(toFunnelSpec(mapping.mapping), values.slice(1), { period: { start: "2025-02-01", end: "2025-02-28" } });
    for (const key of ["funnel", "channels", "headline", "totals", "months", "notes"] as const) {
      expect(out[key], key).toEqual(asJson(report[key]));
    }
    expect((out.channels as Array<{ channel: string }>).map((c) => c.channel)).toEqual(["Paid search", "Email, weekly"]);
  });

  it("defaults the headline period to the 30 days up to the latest date", async () => {
    const path = writeFile(dir, "default-period.csv", smallCsv());
    const { stdout } = await cli("summarize", path);
    expect(stdout).toContain("Headline KPIs: 2025-01-31 to 2025-03-01 (30 days) vs 2025-01-01 to 2025-01-30");
  });
});

describe("mapping files", () => {
  it("--save-mapping writes the stored-mapping JSON and --mapping reads it back to the same report", async () => {
    const path = writeFile(dir, "mapped.csv", smallCsv());
    const saved = join(dir, "mapping.json");
    const first = await cli("summarize", path, "--json", "--save-mapping", saved, "--from", "2025-01-01", "--to", "2025-01-31");
    const parsed = parseMapping(readFileSync(saved, "utf8"));
    expect(parsed.ok).toBe(true);
    const second = await cli("summarize", path, "--json", "--mapping", saved, "--from", "2025-01-01", "--to", "2025-01-31");
    expect(second.code).toBe(0);
    const a = JSON.parse(first.stdout) as Record<string, unknown>;
    const b = JSON.parse(second.stdout) as Record<string, unknown>;
    expect(b.mappingSource).toBe("file");
    expect(b.funnel).toEqual(a.funnel);
    expect(b.channels).toEqual(a.channels);
  });

  it("a hand-edited mapping can drop a stage and rename one", async () => {
    const path = writeFile(dir, "edited.csv", smallCsv());
    const saved = join(dir, "edited.json");
    await cli("summarize", path, "--save-mapping", saved);
    const mapping = JSON.parse(readFileSync(saved, "utf8")) as { stages: Array<{ name: string }> };
    mapping.stages = mapping.stages.slice(1);
    mapping.stages[0].name = "Sign-ups";
    writeFile(dir, "edited.json", JSON.stringify(mapping));
    const { code, stdout } = await cli("summarize", path, "--mapping", saved);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Sign-ups\s+/m);
    expect(stdout).not.toMatch(/^Visits\s+/m);
  });
});
