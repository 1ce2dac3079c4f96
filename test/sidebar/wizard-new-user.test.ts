// What a new user ran into in the wizard, in Chromium against the real server code: the sample follows the sheet picked, a headers-only sheet says it has no data rows, and each "Go to" leads to the step that fixes the problem.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGGREGATED_HEADERS, LEADS_HEADERS } from "../../src/local/demo-data";
import { createEmulation, type Emulation } from "../../src/local/emulation";
import { launchChromium, openSidebar, screenshot, settlePreview } from "./harness";
import { aggregatedRows, leadRows } from "./workbooks";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A workbook with two data sheets, one with only its header row, and one with nothing at all. */
function workbook(): Emulation {
  return createEmulation({
    sheets: {
      Funnel: [AGGREGATED_HEADERS, ...aggregatedRows()],
      Leads: [LEADS_HEADERS, ...leadRows()],
      "Headers only": [AGGREGATED_HEADERS],
      Blank: [],
    },
  });
}

const sampleLine = (page: Page) => page.locator("#step-data .sample p").first();

describe("the Data step", () => {
  it("shows the sample and row count of the sheet picked, and never another sheet's rows under its name", async () => {
    const { page, pageErrors } = await openSidebar(browser, workbook());
    await page.waitForSelector(".sample-table");
    expect(await sampleLine(page).innerText()).toBe(`${aggregatedRows().length} data rows. The first 5:`);

    await page.selectOption("#data-sheet", "Leads");
    await expect.poll(() => sampleLine(page).innerText()).toBe(`${leadRows().length} data rows. The first 5:`);
    expect(await page.locator(".sample-table thead").innerText()).toContain(LEADS_HEADERS[0]);

    // A sheet that cannot be read: the problem shows at the picker and Leads' rows are gone.
    await page.selectOption("#data-sheet", "Blank");
    await expect.poll(() => page.locator("#step-data").innerText()).toContain('Header row: "Blank" is empty');
    expect(await page.locator(".sample-table").count()).toBe(0);
    expect(await page.locator("#step-data .sample").innerText()).toBe("");

    await page.selectOption("#data-sheet", "Funnel");
    await expect.poll(() => sampleLine(page).innerText()).toBe(`${aggregatedRows().length} data rows. The first 5:`);
    expect(await page.locator(".sample-table thead").innerText()).toContain("New customers");
    expect(pageErrors).toEqual([]);
  });

  it("says a headers-only sheet has no data rows, as one problem on the Data step, instead of stage problems pointing elsewhere", async () => {
    const { page } = await openSidebar(browser, workbook());
    await page.waitForSelector(".sample-table");
    await page.selectOption("#data-sheet", "Headers only");
    const message = 'Data sheet: "Headers only" has no data rows below its header row (row 1). Add rows to it, or choose the sheet (or header row) your data is on.';
    await expect.poll(() => page.locator("#step-data .sample").innerText()).toBe("No data rows below the header row (row 1).");
    expect(await page.locator(".sample-table").count()).toBe(0);
    await settlePreview(page);
    await expect.poll(() => page.locator("#step-data .form-group .error").first().innerText()).toBe(message);
    expect(await page.getAttribute("#data-sheet", "aria-invalid")).toBe("true");
    // Nothing sends the user to Stages for what only another sheet can fix.
    expect(await page.getByRole("button", { name: "Go to Stages" }).count()).toBe(0);
    await screenshot(page, "data-headers-only");

    // From a later step, the way back leads to the sheet picker.
    await page.click("#data-next");
    await page.waitForSelector("#step-stages:not([hidden])");
    const problems = page.locator("#step-stages .step-problems");
    await expect.poll(() => problems.innerText()).toContain('"Headers only" has no data rows');
    expect(await problems.innerText()).not.toContain("a funnel needs at least two stages");
    await problems.getByRole("button", { name: "Go to Data" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("data-sheet");
  });
});

describe("Go to links", () => {
  it("lead from the Generate step to the step and control that fix each problem", async () => {
    const { page } = await openSidebar(browser, workbook());
    await page.waitForSelector(".sample-table");
    await page.click("#data-next");
    await page.waitForSelector("#step-stages:not([hidden])");
    await settlePreview(page);
    // Two stages on one column: a problem of the Stages step.
    const second = page.locator(".stage-column >> nth=1");
    const firstValue = await page.locator(".stage-column >> nth=0").inputValue();
    await second.selectOption(firstValue);
    await settlePreview(page);
    await page.click("#stages-next");
    await page.click("#goals-next");
    await page.click("#generate");
    const problems = page.locator("#step-generate .step-problems");
    await expect.poll(() => problems.innerText()).toContain("is already used for");
    await problems.getByRole("button", { name: "Go to Stages" }).first().click();
    await page.waitForSelector("#step-stages:not([hidden])");
    const focused = await page.evaluate(() => document.activeElement?.className ?? "");
    expect(focused).toContain("stage-column");
  });
});
