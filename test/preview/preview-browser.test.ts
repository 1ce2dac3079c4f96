// The preview in Chromium: a =CAC formula typed into the formula bar, google.script.run from the sidebar to the real server code, the summary and its charts, and a status bar in plain words.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cac } from "../../src/kpi/definitions/acquisition";
import { loadXlsx } from "../../src/local/emulation";
import { type RunningPreview, startPreview } from "../../src/local/preview/preview-server";
import { launchChromium } from "../sidebar/harness";
import { ROOT, smallRows, smallWorkbook } from "./preview-fixture";

const ARTIFACTS = join(ROOT, "test-artifacts", "preview");
let preview: RunningPreview;
let browser: Browser;
let page: Page;
let workbookPath = "";
/** Every text the status bar showed, in order. */
const statuses: string[] = [];

const cell = (a1: string) => page.locator(`[data-cell="${a1}"]`);
const textOf = async (a1: string) => ((await cell(a1).textContent()) ?? "").trim();

beforeAll(async () => {
  workbookPath = await smallWorkbook();
  preview = await startPreview({ workbookPath, buildDir: join(ROOT, "build"), port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.exposeFunction("__statusSeen", (text: string) => statuses.push(text));
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const bar = document.getElementById("status")!;
      new MutationObserver(() => (window as unknown as { __statusSeen(t: string): void }).__statusSeen(bar.textContent ?? "")).observe(bar, { childList: true, characterData: true, subtree: true });
    });
  });
  await page.goto(preview.url);
  await page.locator(".sheet-tab", { hasText: "Marketing data" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe("the preview page", () => {
  it("shows the sheet's evaluated values in the grid", async () => {
    // The grid reads its cells after the page loads: wait for them to be there, then read them.
    await cell("C1").filter({ hasText: "Spend" }).waitFor({ timeout: 10_000 });
    expect(await textOf("B2")).toBe("Paid search");
    expect(await page.locator(".sheet-tab").allTextContents()).toEqual(["Marketing data", "Leads"]);
  });

  it("pages rows in as the grid scrolls, down to the grid's last row", async () => {
    // Like Sheets, the grid is the whole sheet (1,000 rows here), not only the rows with data.
    const rows = preview.session.emu.spreadsheet.getSheetByName("Marketing data")!.getMaxRows();
    await page.locator("#grid-body").evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight;
    });
    await expect.poll(async () => (await page.locator(`[data-cell="A${rows}"]:not(.loading)`).count()) === 1, { timeout: 10_000 }).toBe(true);
    const last = smallRows().aggregated.length + 1;
    await page.locator("#grid-body").evaluate((grid, row) => {
      grid.scrollTop = (row - 10) * 21;
    }, last);
    await expect.poll(async () => (await cell(`B${last}`).count()) > 0 && (await textOf(`B${last}`)) !== "", { timeout: 10_000 }).toBe(true);
    // Only the rows on screen are in the page, not the whole sheet.
    expect(await page.locator("#cells .cell[data-column='1']").count()).toBeLessThan(80);
    await page.locator("#grid-body").evaluate((grid) => {
      grid.scrollTop = 0;
    });
    await cell("J2").waitFor();
  });

  it("evaluates =CAC(...) typed into the formula bar with the catalogue registered", async () => {
    await cell("J2").click();
    expect(await page.locator("#name-box").textContent()).toBe("J2");
    await page.locator("#formula-input").fill("=CAC(C2:C100, F2:F100)");
    await page.locator("#formula-input").press("Enter");
    // Enter moves the selection down at once, as in Sheets.
    expect(await page.locator("#name-box").textContent()).toBe("J3");
    await expect.poll(() => textOf("J2"), { timeout: 10_000 }).not.toBe("");
    const rows = smallRows().aggregated.slice(0, 99);
    const expected = cac(rows.reduce((s, r) => s + Number(r[2]), 0), rows.reduce((s, r) => s + Number(r[5]), 0));
    expect(Math.abs(Number(await textOf("J2")) - expected) / expected).toBeLessThan(1e-6);
    await cell("J2").click();
    expect(await page.locator("#formula-input").inputValue()).toBe("=CAC(C2:C100, F2:F100)");
    // The status bar said what it was doing, then cleared.
    await expect.poll(() => page.locator("#status").textContent()).toBe("");
    await expect.poll(() => statuses.includes("Writing J2…")).toBe(true);
  });

  it("shows an error's message on hover, as Sheets does", async () => {
    await cell("K2").click();
    await page.locator("#formula-input").fill("=CAC(C2:C3, 0)");
    await page.locator("#formula-input").press("Enter");
    await expect.poll(() => textOf("K2"), { timeout: 10_000 }).toBe("#ERROR!");
    await cell("K2").hover();
    await expect.poll(async () => (await page.locator("#cell-popup").textContent()) ?? "").toMatch(/^CAC: /);
  });

  it("opens the real sidebar from the button, its google.script.run reaching the real server code", async () => {
    await page.locator("#open-sidebar").click();
    const wizard = page.frameLocator("#sidebar-frame");
    await wizard.locator(".sample-table").waitFor({ timeout: 15_000 });
    expect(await wizard.locator("#data-sheet").inputValue()).toBe("Marketing data");
    const sidebar = await (await page.locator("#sidebar-frame").elementHandle())!.contentFrame();
    const failure = await sidebar!.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          const withFailure = (run.withFailureHandler as (h: (e: Error) => void) => typeof run)((e) => resolve(e.message));
          withFailure.inspectSheet("No such sheet", 1);
        }),
    );
    expect(failure).toContain('there is no sheet named "No such sheet"');
    // Opening the sidebar is not news: the status bar says nothing of a function's name.
    expect(statuses.some((s) => /showSidebar|finished/.test(s))).toBe(false);
  });

  it("runs the wizard to a KPI Summary whose charts Chart.js draws where Sheets places them", async () => {
    const wizard = page.frameLocator("#sidebar-frame");
    await wizard.locator("#data-next").click();
    await wizard.locator("#step-stages:not([hidden])").waitFor();
    await wizard.locator("#stages-next").click();
    await wizard.locator("#goals-next").click();
    await wizard.locator("#generate").click();
    await wizard.locator("#generate-result .success").waitFor({ timeout: 30_000 });
    expect(await wizard.locator("#generate-result").innerText()).toContain('Wrote "KPI Summary"');
    // The generator makes the summary the active sheet; the page follows, as Sheets would.
    await page.locator(".sheet-tab.active", { hasText: "KPI Summary" }).waitFor({ timeout: 15_000 });
    await cell("A1").filter({ hasText: "KPI Summary" }).waitFor({ timeout: 10_000 });
    // The status bar said it in the user's words, and the generator's last toast showed.
    await expect.poll(() => statuses.includes("Summary written"), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => statuses.includes("Writing the summary…")).toBe(true);
    expect(await page.locator("#toast").textContent()).toBe("Funnel KPIs: The KPI Summary is ready.");
    // The funnel is the first bar chart (the channels ranked by cost are the second).
    const funnel = page.locator(".chart-card[data-chart-type='BAR']").first();
    await funnel.locator("canvas").waitFor({ timeout: 15_000 });
    expect(await funnel.getAttribute("data-rendered")).toBe("true");
    const summary = preview.session.emu.spreadsheet.getSheetByName("KPI Summary")!;
    const chart = summary.getCharts()[0];
    const info = chart.getContainerInfo();
    // Placed at its anchor cell, as in Sheets. The grid redraws as cells arrive: both boxes are read in one go.
    const a1 = `${String.fromCharCode(64 + info.getAnchorColumn())}${info.getAnchorRow()}`;
    await funnel.scrollIntoViewIfNeeded();
    await cell(a1).waitFor();
    const [anchorBox, box] = await page.evaluate((at) => {
      const rect = (selector: string) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return r ? { x: r.x, y: r.y } : null;
      };
      return [rect(`[data-cell="${at}"]`), rect(".chart-card[data-chart-type='BAR']")];
    }, a1);
    expect(box).toEqual(anchorBox);
    // Drawn from the summary's own funnel cells.
    // Two ranges: the stage labels (each with its conversion from the stage before) and the counts.
    const [labels, counts] = chart.getRanges().map((r) => r.getDisplayValues());
    const tableRows = await funnel.locator("table.chart-data tr").allTextContents();
    expect(tableRows.slice(1)).toEqual(labels.slice(1).map((r, i) => `${r[0]}${counts[i + 1][0]}`));
    expect(await page.locator(".chart-card[data-chart-type='COLUMN'] canvas").count()).toBe(1);
    expect(await page.locator(".chart-card[data-chart-type='PIE'] canvas").count()).toBe(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("#grid-body").evaluate((grid) => {
      grid.scrollTop = 0;
    });
    await page.screenshot({ path: join(ARTIFACTS, "kpi-summary.png") });
    await funnel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "kpi-summary-charts.png") });
  });

  it("opens the summary from the sidebar even after the user clicked another tab since generating", async () => {
    await page.locator(".sheet-tab", { hasText: "Leads" }).click();
    await page.locator(".sheet-tab.active", { hasText: "Leads" }).waitFor();
    // The tab the user clicked is the spreadsheet's active sheet, as in Sheets.
    await expect.poll(() => preview.session.emu.spreadsheet.getActiveSheet().getName()).toBe("Leads");
    await page.frameLocator("#sidebar-frame").locator("#open-summary").click();
    await page.locator(".sheet-tab.active", { hasText: "KPI Summary" }).waitFor({ timeout: 10_000 });
    await cell("A1").filter({ hasText: "KPI Summary" }).waitFor({ timeout: 10_000 });
  });

  it("runs menu items: Refresh summary says so in the status bar, shows its toast, then clears", async () => {
    statuses.length = 0;
    await page.locator("#menus summary").click();
    await page.locator(".menu-item", { hasText: "Refresh summary" }).click();
    await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toContain("Refreshed");
    await expect.poll(() => statuses.includes("Refreshing the summary…")).toBe(true);
    await expect.poll(() => statuses.includes("Summary refreshed")).toBe(true);
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 15_000 }).toBe("");
    await expect.poll(() => page.locator("#toast").isVisible(), { timeout: 15_000 }).toBe(false);
  });

  it("saves edits and generated sheets back to the .xlsx", async () => {
    await preview.session.flush();
    const reopened = await loadXlsx(workbookPath);
    expect(reopened.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Marketing data", "Leads", "KPI Summary"]);
    expect(reopened.spreadsheet.getSheetByName("Marketing data")!.getRange("J2").getFormula()).toBe("=CAC(C2:C100, F2:F100)");
    reopened.dispose();
  });
});
