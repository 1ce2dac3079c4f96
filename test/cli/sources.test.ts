// summarize over several files (two ad platforms and a CRM): the report joined by channel and period, with and without --channels, --json checked number by number.
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { numberRows } from "../../src/kpi/channels/channel-table";
import { computeSourcesReport, type SourcesReport } from "../../src/kpi/sources/sources-report";
import { loadCsvTable } from "../../src/local/cli/load-csv";
import { parseSetup } from "../../src/server/mapping/mapping-store-format";
import type { SourcedMapping } from "../../src/server/mapping/source-types";
import { toSourcesSpec } from "../../src/server/mapping/sources-to-spec";
import { cli, ROOT, tempDir, writeFile } from "./cli-harness";

const FIXTURES = join(ROOT, "test", "fixtures", "exports");
let dir = "";
let files: string[] = [];

beforeAll(() => {
  dir = tempDir();
  files = [["google-ads-campaigns.csv", "Google Ads.csv"], ["meta-ads-de.csv", "Meta Ads.csv"], ["hubspot-deals.csv", "HubSpot deals.csv"]].map(([from, to]) => {
    const path = join(dir, to);
    copyFileSync(join(FIXTURES, from), path);
    return path;
  });
});

const asJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

interface SourcesJson {
  mapping: SourcedMapping;
  channelTable: Array<{ source: string; value: string; channel: string }>;
  channels: SourcesReport["periodChannels"];
  channelsAllRows: SourcesReport["channels"];
  totals: SourcesReport["periodTotals"];
  totalsAllRows: SourcesReport["totals"];
  funnel: SourcesReport["funnel"];
  headline: SourcesReport["headline"];
  unmatched: SourcesReport["unmatched"];
  values: SourcesReport["values"];
  suppliers: SourcesReport["suppliers"];
  channelsSource: string;
}

async function run(...args: string[]): Promise<SourcesJson> {
  const result = await cli("summarize", ...files, "--json", ...args);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SourcesJson;
}

/** The same report from src/kpi, on the files as the reading layer reads them, with the mapping and table the run printed. */
async function expected(out: SourcesJson, table: Array<{ source: string; value: string; channel: string }>, period: { start: string; end: string }): Promise<SourcesReport> {
  const parsed = parseSetup(JSON.stringify(out.mapping));
  if (!parsed.ok || parsed.setup.kind !== "sources") throw new Error("the printed mapping does not read back as sources");
  const spec = toSourcesSpec(parsed.setup.mapping);
  const inputs = await Promise.all(spec.sources.map(async (s, i) => ({ spec: s, rows: (await loadCsvTable(files[i], { sheet: s.name, headerRow: null, locale: null })).rows })));
  return computeSourcesReport(spec, inputs, numberRows(table, 2), { period });
}

/** Every number of every channel row, by field: what "checked number by number" means here. */
function numbersOf(rows: NonNullable<SourcesReport["periodChannels"]>): Array<[string, string, number | null]> {
  return rows.flatMap((c) => [
    [c.channel, "spend", c.spend] as [string, string, number | null],
    [c.channel, "share", c.shareOfSpend.value],
    ...c.stageCounts.map((n, i) => [c.channel, `stage ${i}`, n] as [string, string, number | null]),
    [c.channel, "conversion", c.conversion.value],
    [c.channel, "cac", c.cac.value],
    [c.channel, "revenue", c.revenue],
    [c.channel, "roas", c.roas.value],
  ]);
}

/** Independent of the readers: Meta's "Ausgegebener Betrag (EUR)" cells, German decimals, summed by hand. */
function metaSpend(): number {
  const lines = readFileSync(join(FIXTURES, "meta-ads-de.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.slice(1).reduce((sum, line) => sum + Number(line.split(";")[8].replace(/\./g, "").replace(",", ".")), 0);
}

const SEPTEMBER = { start: "2026-09-01", end: "2026-09-30" };

describe("several files, the proposed channel table", () => {
  it("--json holds src/kpi's numbers for every channel, the totals and the values, number by number", async () => {
    const out = await run("--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    expect(out.channelsSource).toBe("proposed");
    const report = await expected(out, out.channelTable, SEPTEMBER);
    expect(numbersOf(out.channels ?? [])).toEqual(numbersOf(report.periodChannels ?? []));
    expect(out.channels).toEqual(asJson(report.periodChannels));
    expect(out.channelsAllRows).toEqual(asJson(report.channels));
    expect(out.totals).toEqual(asJson(report.periodTotals));
    expect(out.totalsAllRows).toEqual(asJson(report.totals));
    expect(out.funnel).toEqual(asJson(report.funnel));
    expect(out.headline).toEqual(asJson(report.headline));
    expect(out.values).toEqual(asJson(report.values));
    expect(out.unmatched).toEqual([]);
  });

  it("adds both ad platforms' spend and takes customers from the CRM's won deals", async () => {
    const out = await run("--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    expect(out.suppliers.spend).toEqual(["Google Ads", "Meta Ads"]);
    expect(out.suppliers.customers).toEqual(["HubSpot deals"]);
    // Google Ads' Cost cells add to 5,245.04 (see the export corpus test); Meta's are summed by hand above.
    expect(out.totalsAllRows.spend).toBeCloseTo(5245.04 + metaSpend(), 6);
    const deals = readFileSync(join(FIXTURES, "hubspot-deals.csv"), "utf8").split("\n").filter((l) => l.includes(",Closed won,"));
    expect(out.totalsAllRows.stageCounts.at(-1)).toBe(deals.length);
    // Meta has no channel column: all of it is Paid Social, with the CRM's Paid Social deals beside it.
    const social = (out.channels ?? []).find((c) => c.channel === "Paid Social");
    expect(social?.sources).toEqual(["Meta Ads", "HubSpot deals"]);
    expect(social?.spend).toBeCloseTo(metaSpend(), 6);
  });

  it("prints the proposed table and says how to keep it", async () => {
    const { stdout, code } = await cli("summarize", ...files, "--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    expect(code).toBe(0);
    expect(stdout).toContain("Channel table (proposed; save it with --save-channels FILE.csv, edit it, pass it with --channels)");
    expect(stdout).toMatch(/^Google Ads\s+Display\s+Display\s+"Display" reads as a Display campaign/m);
    expect(stdout).toMatch(/^Meta Ads\s+\(any other value\)\s+Paid Social\s+Meta Ads is Paid Social/m);
    expect(stdout).toMatch(/^Paid Social\s+[\d,.]+\s+[\d.]+%.*Meta Ads, HubSpot deals$/m);
    expect(stdout).toContain("Unmatched values: none");
  });
});

describe("--channels and --save-channels", () => {
  const TABLE = [
    "Source,Value,Channel",
    "Google Ads.csv,,Paid Search",
    "Google Ads.csv,Display,Display",
    "Meta Ads.csv,,Paid Social",
    "HubSpot deals,Paid Search,Paid Search",
    "HubSpot deals,paid social,Paid Social",
    "",
  ].join("\n");

  it("uses the file (Source by file or sheet name) and lists the values it leaves unmatched with rows, spend and customers", async () => {
    const channels = writeFile(dir, "channels.csv", TABLE);
    const out = await run("--channels", channels, "--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    expect(out.channelsSource).toBe("file");
    const table = out.channelTable;
    expect(table.map((r) => r.source)).toEqual(["Google Ads", "Google Ads", "Meta Ads", "HubSpot deals", "HubSpot deals"]);
    const report = await expected(out, table, SEPTEMBER);
    expect(numbersOf(out.channels ?? [])).toEqual(numbersOf(report.periodChannels ?? []));
    expect(out.unmatched).toEqual(asJson(report.unmatched));
    expect(out.unmatched.map((u) => u.value).sort()).toEqual(["Direct Traffic", "Email Marketing", "Organic Search"]);
    const email = out.unmatched.find((u) => u.value === "Email Marketing");
    const emailDeals = readFileSync(join(FIXTURES, "hubspot-deals.csv"), "utf8").split("\n").filter((l) => l.endsWith(",Email Marketing"));
    expect(email?.rows).toBe(emailDeals.length);
    expect(email?.all.stageCounts.at(-1)).toBe(emailDeals.filter((l) => l.includes(",Closed won,")).length);
  });

  it("--save-channels writes the table with the unmatched values to place, and reading it back gives the same report", async () => {
    const saved = join(dir, "saved-channels.csv");
    const first = await run("--save-channels", saved, "--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    const text = readFileSync(saved, "utf8");
    expect(text.split("\r\n")[0]).toBe("Source,Value,Channel,Why");
    expect(text).toContain("Google Ads.csv,,Paid Search,");
    const second = await run("--channels", saved, "--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    expect(second.channels).toEqual(first.channels);
    expect(second.unmatched).toEqual(first.unmatched);
  });

  it("keeps text that looks like a formula from running when the CSV is opened, and reads it back as it was", async () => {
    const channels = writeFile(dir, "formula-channels.csv", "Source,Value,Channel\nHubSpot deals,=HYPERLINK(\"x\"),'=1+1\nGoogle Ads.csv,,Paid Search\n");
    const saved = join(dir, "formula-saved.csv");
    const out = await run("--channels", channels, "--save-channels", saved);
    expect(out.channelTable[0]).toMatchObject({ value: '=HYPERLINK("x")', channel: "=1+1" });
    expect(readFileSync(saved, "utf8")).toContain(`HubSpot deals.csv,"'=HYPERLINK(""x"")",'=1+1,`);
  });
});

describe("bad channel tables and mappings: a clear message, nothing written", () => {
  it.each([
    ["unknown source", "Source,Value,Channel\nGogle Ads.csv,,Paid Search\n", /channels\.csv row 2: source "Gogle Ads\.csv" is not a source of this funnel/],
    ["duplicate value", "Source,Value,Channel\nHubSpot deals,Paid Search,Paid Search\nHubSpot deals.csv,paid search,Paid Search\n", /rows 2 and 3 both map "paid search" of "HubSpot deals" to "Paid Search"; keep one of them/],
    ["a value mapped to two channels", "Source,Value,Channel\nGoogle Ads,Display,Display\nGoogle Ads,display,Paid Search\n", /"display" of "Google Ads" is mapped to two channels, "Display" \(row 2\) and "Paid Search" \(row 3\)/],
    ["no header", "Google Ads,,Paid Search\n", /row 1 should name the columns Source, Value and Channel/],
  ])("%s", async (name, content, message) => {
    const channels = writeFile(dir, `bad-${name.replace(/\W+/g, "-")}.channels.csv`, content);
    const mapping = join(dir, `never-${name.replace(/\W+/g, "-")}.json`);
    const { code, stderr } = await cli("summarize", ...files, "--channels", channels, "--save-mapping", mapping);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    if (name !== "no header") expect(stderr).toContain("nothing was written");
    expect(existsSync(mapping)).toBe(false);
  });

  it("a stage pointing at a column that is gone names the source and the column", async () => {
    const mapping = join(dir, "sources-mapping.json");
    expect((await cli("summarize", ...files, "--save-mapping", mapping)).code).toBe(0);
    const saved = JSON.parse(readFileSync(mapping, "utf8")) as SourcedMapping;
    saved.stages[1].supply[0].column = { header: "Klicks", index: 4 };
    writeFile(dir, "sources-mapping.json", JSON.stringify(saved));
    const { code, stderr } = await cli("summarize", ...files, "--mapping", mapping);
    expect(code).toBe(1);
    expect(stderr).toContain("Source \"Google Ads\": Stage 'Clicks': header 'Klicks' (was column E) no longer exists; column E is now headed 'Clicks'");
  });

  it("a mapping naming a source no file holds says which, and what the files hold", async () => {
    const mapping = join(dir, "sources-mapping-2.json");
    expect((await cli("summarize", ...files, "--save-mapping", mapping)).code).toBe(0);
    const { code, stderr } = await cli("summarize", files[0], files[2], "--mapping", mapping);
    expect(code).toBe(1);
    expect(stderr).toContain(`${mapping} names source "Meta Ads", which none of the files holds (they hold "Google Ads", "HubSpot deals")`);
  });

  it("two files that would be sources of one name", async () => {
    const other = join(tempDir(), "Google Ads.csv");
    copyFileSync(files[0], other);
    const { code, stderr } = await cli("summarize", files[0], other);
    expect(code).toBe(1);
    expect(stderr).toContain('two sources are named "Google Ads"');
  });
});

describe("--out with several sources", () => {
  it("writes every source sheet, the Channel map and the summary; the file read back uses its saved setup and Channel map", async () => {
    const out = join(dir, "sources-out.xlsx");
    const first = await cli("summarize", ...files, "--out", out, "--json", ...["--from", SEPTEMBER.start, "--to", SEPTEMBER.end]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Google Ads", "Meta Ads", "HubSpot deals", "Channel map", "KPI Summary", "Funnel KPIs setup"]);
    const again = await cli("summarize", out, "--json", "--from", SEPTEMBER.start, "--to", SEPTEMBER.end);
    expect(again.code).toBe(0);
    const a = JSON.parse(first.stdout) as SourcesJson & { mappingSource: string };
    const b = JSON.parse(again.stdout) as SourcesJson & { mappingSource: string };
    expect([b.mappingSource, b.channelsSource]).toEqual(["saved", "workbook"]);
    expect(numbersOf(b.channels ?? [])).toEqual(numbersOf(a.channels ?? []));
  });
});
