// The preview in Chromium: a =CAC formula typed into the formula bar, google.script.run from the sidebar to the real server code, the summary's charts drawn.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cac } from "../../src/kpi/definitions/acquisition";
import { loadXlsx } from "../../src/local/emulation";
import { type RunningPreview, startPreview } from "../../src/local/preview/preview-server";
import { ROOT, smallRows, smallWorkbook } from "./preview-fixture";

const ARTIFACTS = join(ROOT, "test-artifacts", "preview");
let preview: RunningPreview;
let browser: Browser;
let page: Page;
let workbookPath = "";

beforeAll(async () => {
  workbookPath = await smallWorkbook();
  preview = await startPreview({ workbookPath, buildDir: join(ROOT, "build"), port: 0 });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  await page.locator(".sheet-tab", { hasText: "Marketing data" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe("the preview page", () => {
  it("shows the sheet's evaluated values in the grid", async () => {
    await expect(page.locator('td[data-cell="A1"]')).toBeDefined();
    expect(await page.locator('td[data-cell="C1"]').textContent()).toBe("Spend");
    expect(await page.locator('td[data-cell="B2"]').textContent()).toBe("Paid search");
    const tabs = await page.locator(".sheet-tab").allTextContents();
    expect(tabs).toEqual(["Marketing data", "Leads"]);
  });

  it("pages rows in as the grid scrolls, down to the last row", async () => {
    const last = smallRows().aggregated.length + 1;
    await page.locator("#grid").evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight;
    });
    const cell = page.locator(`td[data-cell="B${last}"]`);
    await expect.poll(async () => (await cell.count()) > 0 && ((await cell.textContent()) ?? "") !== "", { timeout: 10_000 }).toBe(true);
    // Only a window of rows is in the page, not the whole sheet.
    expect(await page.locator("#grid-table tbody tr").count()).toBeLessThan(120);
    await page.locator("#grid").evaluate((grid) => {
      grid.scrollTop = 0;
    });
    await page.locator('td[data-cell="J2"]').waitFor();
  });

  it("evaluates =CAC(...) typed into the formula bar with the catalogue registered", async () => {
    await page.locator('td[data-cell="J2"]').click();
    expect(await page.locator("#name-box").textContent()).toBe("J2");
    await page.locator("#formula-input").fill("=CAC(C2:C100, F2:F100)");
    await page.locator("#formula-input").press("Enter");
    const cell = page.locator('td[data-cell="J2"]');
    await expect.poll(async () => (await cell.textContent()) ?? "", { timeout: 10_000 }).not.toBe("");
    const rows = smallRows().aggregated.slice(0, 99);
    const expected = cac(rows.reduce((s, r) => s + Number(r[2]), 0), rows.reduce((s, r) => s + Number(r[5]), 0));
    const shown = Number(await cell.textContent());
    expect(Math.abs(shown - expected) / expected).toBeLessThan(1e-6);
    // Selecting it again shows the formula as typed.
    await cell.click();
    expect(await page.locator("#formula-input").inputValue()).toBe("=CAC(C2:C100, F2:F100)");
  });

  it("shows an error's message on hover, as Sheets does", async () => {
    await page.locator('td[data-cell="K2"]').click();
    await page.locator("#formula-input").fill("=CAC(C2:C3, 0)");
    await page.locator("#formula-input").press("Enter");
    const cell = page.locator('td[data-cell="K2"]');
    await expect.poll(async () => (await cell.getAttribute("title")) ?? "", { timeout: 10_000 }).toContain("CAC:");
    expect(await cell.textContent()).toMatch(/^#/);
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
  });

  it("runs the wizard to a KPI Summary whose charts are drawn as SVG beside the grid", async () => {
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
    await page.locator("#charts svg.chart-bar rect.bar").first().waitFor({ timeout: 15_000 });
    expect(await page.locator("#charts svg.chart-bar rect.bar").count()).toBe(3);
    expect(await page.locator("#charts svg.chart-line polyline").count()).toBeGreaterThan(0);
    expect(await page.locator('td[data-cell="A1"]').textContent()).toBe("KPI Summary");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "kpi-summary.png"), fullPage: false });
  });

  it("runs menu items: Refresh summary reports with a toast", async () => {
    await page.locator("#menus summary").click();
    await page.locator(".menu-item", { hasText: "Refresh summary" }).click();
    await expect.poll(async () => (await page.locator("#status").textContent()) ?? "", { timeout: 30_000 }).toContain("Refreshed");
  });

  it("saves edits and generated sheets back to the .xlsx", async () => {
    await preview.session.flush();
    const reopened = await loadXlsx(workbookPath);
    expect(reopened.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Marketing data", "Leads", "KPI Summary"]);
    expect(reopened.spreadsheet.getSheetByName("Marketing data")!.getRange("J2").getFormula()).toBe("=CAC(C2:C100, F2:F100)");
    reopened.dispose();
  });
});
