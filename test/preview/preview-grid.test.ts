// The preview's grid in Chromium shows what Sheets would for a sheet the add-on decorated: widths, heights, overflow, wrap, frozen rows, notes, dropdowns, rule colours, formats, sparklines, spills, charts and the formula bar's help.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAC } from "../../src/kpi/catalogue/entries/acquisition";
import { type RunningPreview, startPreview } from "../../src/local/preview/preview-server";
import { launchChromium } from "../sidebar/harness";
import { decorateLookSheet, LONG_TITLE, LOOK, PERIODS } from "./grid-fixture";
import { ROOT, smallWorkbook } from "./preview-fixture";

const ARTIFACTS = join(ROOT, "test-artifacts", "preview");
let preview: RunningPreview;
let browser: Browser;
let page: Page;

const cell = (a1: string) => page.locator(`[data-cell="${a1}"]`);
const textOf = async (a1: string) => ((await cell(a1).textContent()) ?? "").trim();
/** Boxes of elements read in one go: the grid redraws its cells as tiles arrive, so two separate reads could see two drawings. */
async function boxes(...selectors: string[]): Promise<{ x: number; y: number; width: number; height: number }[]> {
  await Promise.all(selectors.map((s) => page.locator(s).first().waitFor()));
  return page.evaluate((list) => list.map((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }), selectors);
}
const at = (a1: string) => `[data-cell="${a1}"]`;
const style = (a1: string, property: string) => cell(a1).evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

async function shoot(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function type(a1: string, input: string): Promise<void> {
  await cell(a1).click();
  await page.locator("#formula-input").fill(input);
  await page.locator("#formula-input").press("Enter");
}

beforeAll(async () => {
  preview = await startPreview({ workbookPath: await smallWorkbook(), buildDir: join(ROOT, "build"), port: 0 });
  decorateLookSheet(preview.session.emu);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  await page.locator("body[data-ready='true']").waitFor({ timeout: 20_000 });
  await page.locator(".sheet-tab.active", { hasText: LOOK }).waitFor();
  // The grid reads its cells after the page loads: wait for them, not for a moment.
  await page.locator('[data-cell="F1"]', { hasText: "end" }).waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe("a sheet as the add-on decorated it", () => {
  it("has the column widths and row heights the add-on set, and rows grown to fit wrapped text", async () => {
    await shoot("look");
    const [a2, b2, c2, a7, a3] = await boxes(at("A2"), at("B2"), at("C2"), at("A7"), at("A3"));
    expect([a2.width, b2.width, c2.width]).toEqual([120, 110, 100]);
    expect([a7.height, a2.height]).toEqual([40, 21]);
    // Four lines of wrapped text at 17 px each.
    expect(a3.height).toBeGreaterThanOrEqual(4 * 17);
    expect(await cell("A3").evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  });

  it("lets text run on over empty cells to its right, up to the next filled cell, but never a number", async () => {
    expect(await textOf("A1")).toBe(LONG_TITLE);
    const [text, c1, f1] = await boxes(`${at("A1")} .cell-text`, at("C1"), at("F1"));
    expect(text.x + text.width).toBeGreaterThan(c1.x);
    expect(text.x + text.width).toBeLessThanOrEqual(f1.x);
    expect(await cell("A1").evaluate((el) => el.classList.contains("overflowing"))).toBe(true);
    // The gridlines it covers are not drawn, as in Sheets.
    expect(await cell("B1").evaluate((el) => el.classList.contains("joined-right"))).toBe(true);
    // A number too wide for its column is cut at the column's edge even with I4 empty beside it.
    expect(await textOf("H4")).toBe("$1,234,567,890,123.00");
    expect(await cell("H4").evaluate((el) => el.classList.contains("overflowing"))).toBe(false);
    expect(await cell("H4").locator(".cell-text").evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });

  it("keeps the frozen row in place while the rest scrolls", async () => {
    const [before] = await boxes(at("A1"));
    await page.locator("#grid-body").evaluate((body) => {
      body.scrollTop = 400;
    });
    await expect.poll(async () => (await cell("A2").count()) === 0, { timeout: 5000 }).toBe(true);
    expect(await boxes(at("A1"))).toEqual([before]);
    expect(await page.locator("#frozen-rows [data-cell='A1']").count()).toBe(1);
    await page.locator("#grid-body").evaluate((body) => {
      body.scrollTop = 0;
    });
    await cell("A2").waitFor();
  });

  it("shows a note on hover", async () => {
    await cell("A5").hover();
    await expect.poll(() => page.locator("#cell-popup").isVisible()).toBe(true);
    expect(await page.locator("#cell-popup").textContent()).toBe("Pick a preset; every table below recomputes.");
    await cell("C5").hover();
    await expect.poll(() => page.locator("#cell-popup").isVisible()).toBe(false);
  });

  it("colours cells by the conditional rules: text equal to, number greater than, and a colour scale", async () => {
    expect(await style("B2", "background-color")).toBe("rgb(244, 199, 195)");
    expect(await style("C2", "background-color")).toBe("rgb(183, 225, 205)");
    expect(await style("C2", "color")).toBe("rgb(11, 128, 67)");
    expect(await style("A7", "background-color")).toBe("rgb(255, 255, 255)");
    // 30 is 40% of the way from 10 to 60: 40% of the way from white to #57bb8a.
    expect(await style("A9", "background-color")).toBe("rgb(188, 228, 208)");
    expect(await style("A12", "background-color")).toBe("rgb(87, 187, 138)");
  });

  it("shows numbers through their formats, on the right", async () => {
    expect(await textOf("D2")).toBe("12.3%");
    expect(await textOf("E2")).toBe("$1,234.50");
    expect(await cell("D2").locator(".cell-text").evaluate((el) => getComputedStyle(el).textAlign)).toBe("right");
    expect(await cell("A2").locator(".cell-text").evaluate((el) => getComputedStyle(el).textAlign)).toBe("left");
    // A format's colour section: a loss in red.
    expect(await textOf("F2")).toBe("-$250");
    expect(await style("F2", "color")).toBe("rgb(255, 0, 0)");
  });

  it("draws SPARKLINE cells: a line, and columns when asked", async () => {
    expect(await cell("C7").locator("svg.sparkline-line polyline").count()).toBe(1);
    expect(await cell("D7").locator("svg.sparkline-column rect").count()).toBe(6);
  });

  it("opens a list validation's dropdown and writes the choice as a typed edit; strict lists refuse other typing", async () => {
    expect(await cell("B5").locator(".chip-text").textContent()).toBe(PERIODS[0]);
    await cell("B5").locator(".chip").click();
    const menu = page.locator("#dropdown-menu");
    await menu.waitFor({ state: "visible" });
    expect(await menu.locator("[data-value]").allTextContents()).toEqual(PERIODS);
    await shoot("look-dropdown");
    const write = page.waitForRequest((r) => r.url().endsWith("/api/cell") && r.method() === "POST");
    await menu.locator("[data-value='Last 90 days']").click();
    expect(JSON.parse((await write).postData() ?? "{}")).toEqual({ sheet: LOOK, row: 5, column: 2, input: "Last 90 days" });
    await expect.poll(async () => (await cell("B5").locator(".chip-text").textContent()) ?? "").toBe("Last 90 days");
    expect(preview.session.emu.spreadsheet.getSheetByName(LOOK)!.getRange("B5").getValue()).toBe("Last 90 days");
    await type("B5", "Yesterday");
    await expect.poll(async () => (await page.locator("#status").textContent()) ?? "").toContain('"Yesterday" is not one of the choices');
    expect(preview.session.emu.spreadsheet.getSheetByName(LOOK)!.getRange("B5").getValue()).toBe("Last 90 days");
  });

  it("draws a merged range as one cell, and a checkbox that toggles through the same path as typing", async () => {
    const [merged] = await boxes(at("K5"));
    expect([merged.width, merged.height]).toEqual([200, 42]);
    expect(await cell("L5").count()).toBe(0);
    expect(await cell("K6").count()).toBe(0);
    const box = cell("K8").locator(".checkbox");
    expect(await box.getAttribute("aria-checked")).toBe("false");
    await box.click();
    await expect.poll(async () => (await cell("K8").locator(".checkbox").getAttribute("aria-checked")) ?? "").toBe("true");
    expect(preview.session.emu.spreadsheet.getSheetByName(LOOK)!.getRange("K8").getValue()).toBe(true);
  });

  it("spills KPI_BY to its result's size, shows #REF! while a cell is in the way, and spills again once it is emptied", async () => {
    expect(await Promise.all(["I8", "I9", "I10", "I11"].map(textOf))).toEqual(["Search", "Social", "Email", "Total"]);
    expect(await textOf("I12")).toBe("");
    await type("I10", "in the way");
    await expect.poll(() => textOf("I8"), { timeout: 10_000 }).toBe("#REF!");
    await cell("I8").hover();
    await expect.poll(async () => (await page.locator("#cell-popup").textContent()) ?? "").toBe("Array result was not expanded because it would overwrite data in I10.");
    await type("I10", "");
    await expect.poll(() => textOf("I8"), { timeout: 10_000 }).toBe("Search");
    expect(await textOf("I10")).toBe("Email");
  });

  it("draws the charts with Chart.js where Sheets places them, and says which type it cannot draw", async () => {
    const pie = page.locator(".chart-card[data-chart-type='PIE']");
    await pie.locator("canvas").waitFor();
    expect(await pie.getAttribute("data-rendered")).toBe("true");
    expect(await pie.locator("canvas").getAttribute("aria-label")).toBe("Spend share (pie chart)");
    expect(await pie.locator("table.chart-data tr").allTextContents()).toEqual(["Spend", "Search100", "Social300", "Email50"]);
    // The canvas has the slices' colours in it: drawn, not just laid out.
    const blue = await pie.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0x42 && data[i + 1] === 0x85 && data[i + 2] === 0xf4) count++;
      return count;
    });
    expect(blue).toBeGreaterThan(1000);
    const [a14, box] = await boxes(at("A14"), ".chart-card[data-chart-type='PIE']");
    expect([box.x, box.y, box.width]).toEqual([a14.x, a14.y, 420]);
    expect(await page.locator(".chart-card[data-chart-type='COLUMN'] canvas").getAttribute("aria-label")).toBe("Spend and customers (column chart)");
    await page.locator("#grid-body").evaluate((body) => {
      body.scrollTop = 500;
    });
    expect(await page.locator(".chart-card[data-chart-type='TREEMAP']").textContent()).toContain("The preview does not draw treemap charts");
    await page.locator("#grid-body").evaluate((body) => {
      body.scrollTop = 0;
    });
  });
});

describe("the formula bar", () => {
  it("offers the catalogue's functions as you type, and the current argument's help from the catalogue", async () => {
    await cell("H2").click();
    const bar = page.locator("#formula-input");
    await bar.fill("");
    await bar.pressSequentially("=CA");
    const list = page.locator("#fn-suggest");
    await list.waitFor({ state: "visible" });
    const names = await list.locator(".fn-name").allTextContents();
    expect(names[0]).toBe("CAC");
    expect(names).toContain("CAC_PAYBACK");
    expect(await list.locator(".suggestion").first().locator(".fn-summary").textContent()).toBe(CAC.summary);
    await shoot("look-autocomplete");
    await bar.press("Tab");
    expect(await bar.inputValue()).toBe("=CAC(");
    const help = page.locator("#fn-help");
    await help.waitFor({ state: "visible" });
    expect(await help.locator(".fn-signature").textContent()).toBe(`CAC(${CAC.args.map((a) => a.name).join(", ")})`);
    expect(await help.locator(".current-arg").textContent()).toBe(CAC.args[0].name);
    await bar.pressSequentially("C2, ");
    expect(await help.locator(".current-arg").textContent()).toBe(CAC.args[1].name);
    expect(await help.locator(".fn-arg").textContent()).toBe(`${CAC.args[1].name} ${CAC.args[1].description}`);
    await shoot("look-argument-help");
    await bar.pressSequentially("2)");
    await bar.press("Enter");
    await expect.poll(() => textOf("H2"), { timeout: 10_000 }).toBe("75");
  });
});
