// The KPI Summary as a dashboard in Chromium, for a marketing, an ad-platform and a CRM workbook: scorecards with coloured changes and trend lines, a funnel whose every bar shows, channels sorted by cost, charts that overlap nothing.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryMetrics } from "../../src/kpi/summary-metrics/metric-table";
import type { SummaryMetric } from "../../src/kpi/summary-metrics/metric-types";
import { demoEmulation } from "../../src/local/preview/demo-workbook";
import { type RunningPreview, startPreview } from "../../src/local/preview/preview-server";
import { saveXlsx } from "../../src/local/emulation";
import { MAPPING_KEY } from "../../src/server/mapping-store";
import { goalsView } from "../../src/server/mapping/goals-view";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import type { SourcedMapping } from "../../src/server/mapping/source-types";
import { BAD, GOOD } from "../../src/server/summary/decorations";
import { metricContextOf } from "../../src/server/summary/goal-kpis";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { SCORECARD_ROWS } from "../../src/server/summary/scorecard-block";
import { cli, tempDir, writeFile } from "../cli/cli-harness";
import { launchChromium } from "../sidebar/harness";
import { googleAdsExport } from "./ad-platform-export";
import { ROOT } from "./preview-fixture";

const ARTIFACTS = join(ROOT, "test-artifacts", "dashboard");
const FIXTURES = join(ROOT, "test", "fixtures", "exports");
let browser: Browser;
let dir = "";

interface Workbook {
  name: string;
  path: string;
}
const books: Record<"demo" | "ads" | "crm" | "sources", Workbook> = {
  demo: { name: "demo", path: "" }, ads: { name: "ad-platform", path: "" }, crm: { name: "crm", path: "" }, sources: { name: "sources", path: "" },
};

async function summarized(input: string | string[], out: string, ...options: string[]): Promise<string> {
  const { code, stderr } = await cli("summarize", ...(Array.isArray(input) ? input : [input]), "--out", out, ...options);
  expect(code, stderr).toBe(0);
  return out;
}

beforeAll(async () => {
  dir = tempDir();
  const demoIn = join(dir, "demo-in.xlsx");
  const emu = demoEmulation(new Date(2026, 10, 20));
  await saveXlsx(emu, demoIn);
  emu.dispose();
  // The demo's marketing sheet alone: with both of its sheets the workbook would be read as two sources.
  books.demo.path = await summarized(demoIn, join(dir, "demo.xlsx"), "--sheet", "Marketing data");
  books.ads.path = await summarized(writeFile(dir, "google-ads.csv", googleAdsExport(new Date(Date.UTC(2026, 2, 1)), 200)), join(dir, "google-ads.xlsx"));
  const crm = join(dir, "hubspot-deals.csv");
  copyFileSync(join(FIXTURES, "hubspot-deals.csv"), crm);
  books.crm.path = await summarized(crm, join(dir, "hubspot.xlsx"));
  const sources = [["google-ads-campaigns.csv", "Google Ads.csv"], ["meta-ads-de.csv", "Meta Ads.csv"], ["hubspot-deals.csv", "HubSpot deals.csv"]].map(([from, to]) => {
    copyFileSync(join(FIXTURES, from), join(dir, to));
    return join(dir, to);
  });
  books.sources.path = await summarized(sources, join(dir, "sources.xlsx"), "--from", "2026-08-01", "--to", "2026-10-31");
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  preview: RunningPreview;
  metrics: SummaryMetric[];
  close(): Promise<void>;
}

async function open(book: Workbook): Promise<Opened> {
  const preview = await startPreview({ workbookPath: book.path, buildDir: join(ROOT, "build"), port: 0 });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  await page.locator("body[data-ready='true']").waitFor({ timeout: 20_000 });
  await page.locator(".sheet-tab", { hasText: SUMMARY_SHEET_NAME }).click();
  await page.locator('[data-cell="A1"]', { hasText: "KPI Summary" }).waitFor({ timeout: 15_000 });
  const saved = JSON.parse(preview.session.emu.properties.document.get(MAPPING_KEY) ?? "null") as FunnelMapping | SourcedMapping;
  const mapping = "sources" in saved ? goalsView(saved) : saved;
  return { page, preview, metrics: summaryMetrics(metricContextOf(mapping)), close: async () => { await page.close(); await preview.close(); } };
}

/** Where the scorecard's rows are, found by their labels in column A (as a person reads them). */
function scorecardRows(o: Opened): Record<keyof typeof SCORECARD_ROWS, number> {
  const labels = o.preview.session.emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!.getRange(1, 1, 14, 1).getDisplayValues().map((r) => r[0]);
  const row = (label: string) => labels.indexOf(label) + 1;
  return { kpi: row(SCORECARD_ROWS.kpi), current: row(SCORECARD_ROWS.current), previous: row(SCORECARD_ROWS.previous), change: row(SCORECARD_ROWS.change), trend: row(SCORECARD_ROWS.trend) };
}

const letter = (column: number) => String.fromCharCode(64 + column);
const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

/** Checks every card; returns how many changes were coloured (green or red). */
async function checkScorecard(o: Opened, expectedCards: number): Promise<number> {
  const { page } = o;
  const rows = scorecardRows(o);
  expect(Object.values(rows).every((r) => r > 0)).toBe(true);
  const sheet = o.preview.session.emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
  const labels = sheet.getRange(rows.kpi, 2, 1, 8).getDisplayValues()[0].filter((l) => l !== "");
  expect(labels.length).toBe(expectedCards);
  let coloured = 0;
  for (let i = 0; i < labels.length; i++) {
    const column = letter(2 + i);
    const metric = o.metrics.find((m) => m.label === labels[i])!;
    expect(metric, labels[i]).toBeDefined();
    const big = page.locator(`[data-cell="${column}${rows.current}"]`);
    expect((await big.textContent())?.trim()).not.toBe("");
    // The number large: 16 pt, drawn at about 21 px.
    expect(parseFloat(await big.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
    const change = sheet.getRange(`${column}${rows.change}`).getValue();
    const colour = await page.locator(`[data-cell="${column}${rows.change}"]`).evaluate((el) => getComputedStyle(el).color);
    if (typeof change === "number" && change !== 0 && metric.judgeChange) {
      const good = (change > 0) === (metric.better === "up");
      expect(colour, `${labels[i]} ${change}`).toBe(rgb((good ? GOOD : BAD).fontColor));
      coloured++;
    } else {
      expect([rgb(GOOD.fontColor), rgb(BAD.fontColor)]).not.toContain(colour);
    }
    // A trend line in every card: an SVG line with a point per window that has data.
    await page.locator(`[data-cell="${column}${rows.trend}"] svg.sparkline`).waitFor();
  }
  return coloured;
}

async function chartBoxes(page: Page): Promise<{ title: string; x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".chart-card")].map((c) => {
    const r = c.getBoundingClientRect();
    return { title: c.querySelector("canvas")?.getAttribute("aria-label") ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
  }));
}

describe("the demo workbook's dashboard", () => {
  let o: Opened;
  beforeAll(async () => {
    o = await open(books.demo);
  }, 60_000);
  afterAll(async () => o?.close());

  it("opens on six scorecards: big numbers, changes coloured by the better direction, a trend line each", async () => {
    expect(await checkScorecard(o, 6)).toBeGreaterThanOrEqual(4);
    const rows = scorecardRows(o);
    const sheet = o.preview.session.emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
    // CAC is one of them, and its fall is green (CAC down is good) where spend's change stays uncoloured.
    const labels = sheet.getRange(rows.kpi, 2, 1, 6).getDisplayValues()[0];
    expect(labels).toEqual(["Spend", "Customers", "CAC (cost per customer)", "Visits → Customers conversion", "Revenue", "ROAS"]);
    const points = await o.page.locator(`[data-cell="B${rows.trend}"] svg.sparkline polyline`).getAttribute("points");
    expect((points ?? "").split(" ").length).toBe(12);
    await o.page.screenshot({ path: join(ARTIFACTS, "demo-top.png") });
  });

  it("draws the funnel on a log scale, channels by CAC cheapest first, the share of spend and the months; no chart over another", async () => {
    const { page } = o;
    const funnel = page.locator(".chart-card[data-chart-type='BAR']").filter({ has: page.locator("canvas[aria-label^='Funnel']") });
    await funnel.scrollIntoViewIfNeeded();
    await funnel.locator("canvas").waitFor();
    const bars = JSON.parse((await funnel.getAttribute("data-bar-lengths")) ?? "[]") as number[];
    expect(bars.length).toBe(3);
    // Visits 65,000 → customers 370: on a linear axis the last bar would be 0.6% of the first; here every bar reads.
    expect(Math.min(...bars) / Math.max(...bars)).toBeGreaterThan(0.3);
    await page.screenshot({ path: join(ARTIFACTS, "demo-funnel.png") });

    const ranking = page.locator(".chart-card[data-chart-type='BAR']").filter({ has: page.locator("canvas[aria-label^='Channels by']") });
    await ranking.scrollIntoViewIfNeeded();
    const rows = await ranking.locator("table.chart-data tr").allTextContents();
    const values = (await ranking.locator("table.chart-data td").allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, "")));
    expect(rows.length).toBe(7);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.locator(".chart-card[data-chart-type='PIE'] canvas").waitFor();
    const boxes = await chartBoxes(page);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.title} / ${b.title}`).toBe(true);
      }
    }
    await page.screenshot({ path: join(ARTIFACTS, "demo-channels.png") });

    const months = page.locator(".chart-card[data-chart-type='COLUMN']");
    await months.scrollIntoViewIfNeeded();
    expect(await months.locator("table.chart-data").innerText()).toContain("(partial)");
    await page.screenshot({ path: join(ARTIFACTS, "demo-months.png") });
  });
});

describe("an ad platform's dashboard (a Google Ads campaign report)", () => {
  let o: Opened;
  beforeAll(async () => {
    o = await open(books.ads);
  }, 60_000);
  afterAll(async () => o?.close());

  it("scores spend, conversions, cost per conversion, CTR, CPC and ROAS, and the funnel shows millions of impressions and thousands of conversions", async () => {
    expect(await checkScorecard(o, 6)).toBeGreaterThanOrEqual(4);
    await o.page.screenshot({ path: join(ARTIFACTS, "ad-platform-top.png") });
    const funnel = o.page.locator(".chart-card[data-chart-type='BAR']").first();
    await funnel.scrollIntoViewIfNeeded();
    const labels = await funnel.locator("table.chart-data th").allTextContents();
    expect(labels.join("|")).toContain("Conversions: ");
    const bars = JSON.parse((await funnel.getAttribute("data-bar-lengths")) ?? "[]") as number[];
    expect(bars.every((b) => b >= 0.2 * Math.max(...bars))).toBe(true);
    await o.page.screenshot({ path: join(ARTIFACTS, "ad-platform-funnel.png") });
    const ranking = o.page.locator(".chart-card[data-chart-type='BAR']").filter({ has: o.page.locator("canvas[aria-label^='Channels by Cost per conversion']") });
    await ranking.scrollIntoViewIfNeeded();
    await o.page.screenshot({ path: join(ARTIFACTS, "ad-platform-channels.png") });
  });
});

describe("a CRM's dashboard (HubSpot deals)", () => {
  let o: Opened;
  beforeAll(async () => {
    o = await open(books.crm);
  }, 60_000);
  afterAll(async () => o?.close());

  it("scores leads, customers, revenue and deal size without spend (no same-period rate for one row per deal), with channels by revenue", async () => {
    await checkScorecard(o, 4);
    await o.page.screenshot({ path: join(ARTIFACTS, "crm-top.png") });
    // No spend, so no next dollar: the channels by revenue, biggest first.
    const ranking = o.page.locator(".chart-card[data-chart-type='BAR']").filter({ has: o.page.locator("canvas[aria-label^='Channels by Revenue, biggest first']") });
    await ranking.scrollIntoViewIfNeeded();
    const values = (await ranking.locator("table.chart-data td").allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, "")));
    expect(values.length).toBe(5);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await o.page.screenshot({ path: join(ARTIFACTS, "crm-channels.png") });
  });
});

describe("a dashboard over several sources (Google Ads and Meta Ads spend, HubSpot deals)", () => {
  let o: Opened;
  beforeAll(async () => {
    o = await open(books.sources);
  }, 60_000);
  afterAll(async () => o?.close());

  it("scores the combined funnel, ranks the aligned channels and draws no chart over another", async () => {
    // August to October: the three months before have no data, so no change is coloured.
    expect(await checkScorecard(o, 6)).toBe(0);
    await o.page.screenshot({ path: join(ARTIFACTS, "sources-top.png") });
    const funnel = o.page.locator(".chart-card[data-chart-type='BAR']").filter({ has: o.page.locator("canvas[aria-label^='Funnel']") });
    await funnel.scrollIntoViewIfNeeded();
    await funnel.locator("canvas").waitFor();
    const ranking = o.page.locator(".chart-card[data-chart-type='BAR']").filter({ has: o.page.locator("canvas[aria-label^='Channels by']") });
    await ranking.scrollIntoViewIfNeeded();
    // Spend from two platforms and deals from the CRM meet on the aligned channels. Rows after the header: the channel, then its CAC.
    const rows = (await ranking.locator("table.chart-data tr").allTextContents()).slice(1);
    const channels = rows.map((r) => r.replace(/(€|n\/a).*$/, ""));
    // The two paid channels first, cheapest first; the CRM's channels with no spend (CAC 0) after them.
    expect(channels.slice(0, 2)).toEqual(["Paid Search", "Paid Social"]);
    expect(channels.slice(2)).toEqual(expect.arrayContaining(["Direct", "Email", "Organic Search"]));
    await o.page.screenshot({ path: join(ARTIFACTS, "sources-channels.png") });
    const boxes = await chartBoxes(o.page);
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.title} / ${b.title}`).toBe(true);
      }
    }
  });
});
