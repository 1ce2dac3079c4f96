// Real export layouts summarised by the CLI with no mapping file: each file's totals were worked out from its rows by hand, not by the readers.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../cli/cli-harness";

const FIXTURES = join(ROOT, "test", "fixtures", "exports");

interface Summary {
  headerRow: number;
  reading: { encoding: string; dialect: string; locale: string; skipped: Array<{ row: number; reason: string; text: string }>; columns: Array<{ header: string; kind: string; assumptions: string[]; unreadable: { count: number } }> };
  mapping: { shape: string; stages: Array<{ key: string; column: { header: string } | null; status?: { column: { header: string }; values: string[] } }>; spend: { header: string } | null; revenue: { header: string } | null; channel: { header: string } | null };
  funnel: Array<{ key: string; count: number }>;
  totals: { spend: number | null; revenue: number | null };
  months: Array<{ month: string }>;
  notes: { rows: number; unreadableCells: number; datesWithoutStatus: number };
}

async function summarize(file: string, ...flags: string[]): Promise<Summary> {
  const result = await cli("summarize", join(FIXTURES, file), "--json", ...flags);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Summary;
}

const counts = (s: Summary): Array<[string, number]> => s.funnel.map((f) => [f.key, f.count]);
const reasons = (s: Summary): Array<[number, string]> => s.reading.skipped.map((r) => [r.row, r.reason]);

describe("export corpus through the CLI", () => {
  it("Google Ads 'Excel CSV': UTF-16 LE, tabs, title and date-range lines, total rows at the end", async () => {
    const s = await summarize("google-ads-campaigns.csv");
    expect(s.reading.encoding).toBe("utf-16le with BOM");
    expect(s.reading.dialect).toMatch(/^tab-separated/);
    expect(s.headerRow).toBe(3);
    expect(reasons(s)).toEqual([[1, "title"], [2, "period"], [40, "total"], [41, "total"], [42, "total"]]);
    expect(s.reading.skipped[2].text).toBe("total row ('Total: Account')");
    // 36 rows (12 days × 3 campaigns); sums of the Impr., Clicks, Conversions, Cost and Conv. value cells.
    expect(counts(s)).toEqual([["impressions", 84_828], ["clicks", 3962], ["conversions", 144]]);
    expect(s.totals.spend).toBeCloseTo(5245.04, 6);
    expect(s.totals.revenue).toBeCloseTo(10_645.5, 6);
    expect(s.notes.rows).toBe(36);
    expect(s.mapping.spend?.header).toBe("Cost");
    expect(s.mapping.revenue?.header).toBe("Conv. value");
    // "2,126" could be 2.126 or 2126: the tie is broken by the default locale and said so.
    expect(s.reading.columns.find((c) => c.header === "Impr.")?.assumptions[0]).toMatch(/^decimal point from en-US, the headers' language \(English\): no value in the column settles it, and 36 like '2,126' \(D4\)/);
  });

  it("GA4: the # comment block is skipped and compact dates are days", async () => {
    const s = await summarize("ga4-traffic-acquisition.csv");
    expect(s.headerRow).toBe(11);
    expect(reasons(s).slice(0, 9).every(([, r]) => r === "comment")).toBe(true);
    expect(reasons(s)[9]).toEqual([10, "blank"]);
    expect(counts(s)).toEqual([["visits", 32_482], ["conversions", 696]]);
    expect(s.totals.revenue).toBeCloseTo(39_851.38, 6);
    expect(s.months.map((m) => m.month)).toEqual(["2026-09"]);
    expect(s.mapping.channel?.header).toBe("Session default channel group");
    expect(s.notes.unreadableCells).toBe(0);
  });

  it("Meta Ads from a German account: semicolons, decimal commas, German headers; rates not summed", async () => {
    const s = await summarize("meta-ads-de.csv");
    expect(s.reading.dialect).toMatch(/^semicolon-separated/);
    expect(s.reading.locale).toBe("de-DE, the headers' language (German)");
    expect(counts(s)).toEqual([["impressions", 400_887], ["clicks", 8699], ["conversions", 475]]);
    expect(s.mapping.spend?.header).toBe("Ausgegebener Betrag (EUR)");
    expect(s.totals.spend).toBeCloseTo(8095.09, 6);
    expect(s.months.map((m) => m.month)).toEqual(["2026-09"]);
  });

  it("HubSpot deals: only Closed won deals are customers, whatever close dates lost and open deals carry", async () => {
    const s = await summarize("hubspot-deals.csv");
    expect(s.mapping.shape).toBe("record-level");
    const customers = s.mapping.stages.find((st) => st.key === "customers");
    expect(customers?.column?.header).toBe("Close Date");
    expect(customers?.status).toEqual({ column: { header: "Deal Stage", index: 2 }, values: ["Closed won"] });
    // 20 deals, 6 won: a 30% win rate. 16 carry a close date; counting those would give 80%.
    expect(counts(s)).toEqual([["leads", 20], ["customers", 6]]);
    expect(s.totals.revenue).toBe(41_100);
    expect(s.notes.datesWithoutStatus).toBe(10);
  });

  it("Salesforce opportunities: M/D/Y dates, the Grand Totals and copyright footer left out, Closed Won only", async () => {
    const s = await summarize("salesforce-opportunities.csv");
    expect(reasons(s)).toEqual([[14, "blank"], [15, "total"], [16, "blank"], [17, "note"], [18, "note"], [19, "note"]]);
    expect(s.mapping.stages.find((st) => st.key === "customers")?.status?.values).toEqual(["Closed Won"]);
    expect(counts(s)).toEqual([["leads", 12], ["customers", 4]]);
    expect(s.totals.revenue).toBe(95_500);
  });

  it("LinkedIn Campaign Manager: four title lines, then impressions → clicks → leads → conversions", async () => {
    const s = await summarize("linkedin-campaigns.csv");
    expect(s.headerRow).toBe(5);
    expect(reasons(s)).toEqual([[1, "title"], [2, "title"], [3, "title"], [4, "title"]]);
    expect(counts(s)).toEqual([["impressions", 277_972], ["clicks", 2780], ["leads", 244], ["conversions", 176]]);
    expect(s.totals.spend).toBeCloseTo(17_471.53, 6);
    expect(s.mapping.channel?.header).toBe("Campaign Name");
  });

  it("Indonesian agency report: Rp amounts with point grouping, D/M/Y, Jumlah and Jumlah Besar rows left out", async () => {
    const s = await summarize("agency-id.csv");
    expect(s.headerRow).toBe(4);
    expect(reasons(s)).toEqual([[1, "title"], [2, "period"], [3, "blank"], [17, "total"], [30, "total"], [31, "total"]]);
    expect(s.reading.skipped[5].text).toBe("total row ('Jumlah Besar')");
    expect(counts(s)).toEqual([["visits", 31_565], ["leads", 673], ["customers", 92]]);
    expect(s.totals.spend).toBe(22_950_000);
    expect(s.totals.revenue).toBe(167_700_000);
    expect(s.months.map((m) => m.month)).toEqual(["2026-08", "2026-09"]);
  });

  it("Malay agency report: RM amounts, Tarikh/Kos/Pelawat/Petunjuk/Pelanggan/Hasil, Jumlah rows left out", async () => {
    const s = await summarize("agency-ms.csv");
    expect(reasons(s)).toEqual([[1, "title"], [2, "period"], [16, "total"], [29, "total"], [30, "total"]]);
    expect(counts(s)).toEqual([["visits", 45_358], ["leads", 724], ["customers", 76]]);
    expect(s.totals.spend).toBeCloseTo(38_722.25, 6);
    expect(s.totals.revenue).toBeCloseTo(33_015.65, 6);
    expect(s.mapping.spend?.header).toBe("Kos");
    expect(s.mapping.revenue?.header).toBe("Hasil");
  });

  it("--locale decides a tie the column cannot, and --header-row overrides the header found", async () => {
    const de = await summarize("google-ads-campaigns.csv", "--locale", "de-DE");
    // With a decimal comma, "2,126" would be 2.126: the flag is obeyed, and the report says where the choice came from.
    expect(de.reading.columns.find((c) => c.header === "Impr.")?.assumptions[0]).toMatch(/^decimal comma from de-DE, --locale:/);
    expect(de.funnel[0].count).toBeLessThan(1000);
    const fixed = await cli("summarize", join(FIXTURES, "linkedin-campaigns.csv"), "--header-row", "5", "--json");
    expect(JSON.parse(fixed.stdout).reading.headerReason).toBe("row 5, as given");
  });

  it("prints the rows left out and the assumptions in the text report", async () => {
    const result = await cli("summarize", join(FIXTURES, "agency-id.csv"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Reading "agency-id" (utf-8, semicolon-separated');
    expect(result.stdout).toContain("row 31: total row ('Jumlah Besar')");
    expect(result.stdout).toContain("D 'Kunjungan': decimal comma from id-ID, the headers' language (Indonesian)");
  });
});
