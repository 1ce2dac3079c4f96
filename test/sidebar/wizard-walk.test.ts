// The wizard walked in Chromium against the real server code: an aggregated and a record-level workbook, from the data step to the summary sheet.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openSidebar, screenshot, settlePreview } from "./harness";
import { aggregatedRows, aggregatedWorkbook, columnTotal, filledCount, leadRows, leadWorkbook } from "./workbooks";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function previewRows(page: Page): Promise<string[][]> {
  await settlePreview(page);
  return page.$$eval("#preview tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
}

async function stageNames(page: Page): Promise<string[]> {
  return page.$$eval(".stage-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

describe("aggregated workbook", () => {
  it("walks data → stages → goals → generate and writes a summary with numbers", async () => {
    const emulation = aggregatedWorkbook();
    const rows = aggregatedRows();
    const { page, calls, pageErrors, externalRequests } = await openSidebar(browser, emulation);

    // Step 1: the active sheet is preselected and read; shape and sample rows shown.
    await page.waitForSelector(".sample-table");
    expect(await page.inputValue("#data-sheet")).toBe("Funnel");
    // The header row is found, not assumed: the field stays blank and the step says where it was found.
    expect(await page.inputValue("#header-row")).toBe("");
    expect(await page.locator("#header-found").innerText()).toContain("Header found in row 1");
    expect(await page.inputValue("#data-shape")).toBe("aggregated");
    expect(await page.locator(".sample-table thead").innerText()).toContain("New customers");
    expect(await page.locator(".sample-table tbody tr").count()).toBe(5);
    await screenshot(page, "1-data-aggregated");

    // Step 2: the proposal with its reasons, and a live preview computed by the server from the sheet.
    await page.click("#data-next");
    await page.waitForSelector("#step-stages:not([hidden])");
    expect(await stageNames(page)).toEqual(["Visits", "Leads", "Customers"]);
    await expect.poll(() => page.locator("#step-stages").innerText()).toContain("header 'Sessions' looks like visits");
    const [visits, leads, customers] = [3, 4, 5].map((i) => columnTotal(rows, i));
    expect(await previewRows(page)).toEqual([
      ["Visits", visits.toLocaleString("en-US"), ""],
      ["Leads", leads.toLocaleString("en-US"), `${((leads / visits) * 100).toFixed(1)}%`],
      ["Customers", customers.toLocaleString("en-US"), `${((customers / leads) * 100).toFixed(1)}%`],
    ]);
    expect(await page.inputValue("#field-spend")).toBe("2");

    // Rename with the keyboard, reorder with buttons (no dragging), and watch the preview follow.
    await page.fill(".stage-name >> nth=0", "Sessions");
    await page.getByRole("button", { name: "Move down Sessions" }).focus();
    await page.keyboard.press("Enter");
    expect(await stageNames(page)).toEqual(["Leads", "Sessions", "Customers"]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Move down Sessions");
    expect((await previewRows(page)).map((r) => r[0])).toEqual(["Leads", "Sessions", "Customers"]);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter"); // "Move up Sessions" puts it back
    expect(await stageNames(page)).toEqual(["Sessions", "Leads", "Customers"]);
    expect((await previewRows(page))[0]).toEqual(["Sessions", visits.toLocaleString("en-US"), ""]);
    await screenshot(page, "2-stages-aggregated");

    // Step 3: a goal prefilled by the server from the data before its start, on the goal's basis; CAC is better when it falls.
    await page.click("#stages-next");
    await page.click("#add-goal");
    expect(await page.inputValue(".goal-kpi")).toBe("Customers");
    expect(await page.inputValue(".goal-direction")).toBe("up");
    expect(await page.inputValue(".goal-basis")).toBe("since start");
    // A total since the start begins at 0; the target keeps the recent daily pace to the end, plus 10%.
    await expect.poll(() => page.inputValue(".goal-target")).not.toBe("");
    expect(Number(await page.inputValue(".goal-baseline"))).toBe(0);
    expect(Number(await page.inputValue(".goal-target"))).toBeGreaterThan(0);
    await page.selectOption(".goal-basis", "per day");
    await expect.poll(async () => Number(await page.inputValue(".goal-baseline"))).toBeGreaterThan(0);
    expect(await page.locator("#step-goals").innerText()).toMatch(/Daily average from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    const start = await page.inputValue(".goal-start");
    const [y, m, d] = start.split("-").map(Number);
    const sixMonths = new Date(y, m - 1 + 6, d);
    expect(await page.inputValue(".goal-end")).toBe(
      `${sixMonths.getFullYear()}-${String(sixMonths.getMonth() + 1).padStart(2, "0")}-${String(sixMonths.getDate()).padStart(2, "0")}`,
    );
    await page.selectOption(".goal-kpi", "CAC (cost per customer)");
    expect(await page.inputValue(".goal-direction")).toBe("down");
    await page.fill(".goal-target", "40");
    await expect.poll(() => page.inputValue(".goal-baseline")).not.toBe("");
    await screenshot(page, "3-goals-aggregated");

    // A goal ending before it starts is refused next to it, before anything is sent.
    await page.fill(".goal-end", "2000-01-01");
    await page.locator(".goal-end").dispatchEvent("change");
    await page.click("#goals-next");
    await expect.poll(() => page.locator("#step-goals").innerText()).toContain("is before the start");
    expect(calls.some((c) => c.name === "saveAndGenerate")).toBe(false);
    await page.fill(".goal-end", `${y + 1}-01-01`);
    await page.locator(".goal-end").dispatchEvent("change");

    // Step 4: saved for the document, summary written, and the report says so.
    await page.click("#goals-next");
    await page.click("#generate");
    await page.waitForSelector("#generate-result .success, #step-generate .error:not(:empty)");
    await screenshot(page, "4-generate-aggregated");
    const saveCall = calls.find((c) => c.name === "saveAndGenerate");
    expect(saveCall?.args[0]).toMatchObject({ sheetName: "Funnel", shape: "aggregated", stages: [{ key: "visits", name: "Sessions" }, { key: "leads" }, { key: "customers" }] });
    expect(saveCall?.args[1]).toEqual([expect.objectContaining({ kpi: "CAC (cost per customer)", basis: "per day", direction: "down", target: 40, curve: "linear" })]);
    expect(saveCall?.outcome).toMatchObject({ ok: true });
    expect(await page.locator("#generate-result").innerText()).toContain('Wrote "KPI Summary" from 30 data rows');
    const summary = emulation.spreadsheet.getSheetByName("KPI Summary");
    expect(summary).not.toBeNull();
    const shown = summary!.getDataRange().getDisplayValues().flat();
    expect(shown.some((text) => /\d/.test(text))).toBe(true);

    await page.click("#open-summary");
    await expect.poll(() => emulation.spreadsheet.getActiveSheet().getName()).toBe("KPI Summary");
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);

    // Reopening (from the summary sheet, now active) starts from what was just saved.
    const again = await openSidebar(browser, emulation);
    await expect.poll(() => again.page.locator("#saved-line").innerText()).toMatch(/^Last saved .+ by you\.$/);
    expect(await again.page.inputValue("#data-sheet")).toBe("Funnel");
    await again.page.click("#data-next");
    expect(await stageNames(again.page)).toEqual(["Sessions", "Leads", "Customers"]);
    await again.close();
  });
});

describe("record-level workbook", () => {
  it("proposes stage dates, previews counts of records reaching each stage, and generates", async () => {
    const emulation = leadWorkbook();
    const rows = leadRows();
    const { page, calls, pageErrors } = await openSidebar(browser, emulation);
    await page.waitForSelector(".sample-table");
    expect(await page.inputValue("#data-shape")).toBe("record-level");
    await screenshot(page, "1-data-record-level");

    await page.click("#data-next");
    expect(await stageNames(page)).toEqual(["Leads", "MQL", "SQL", "Customers"]);
    expect(await page.locator("#step-stages .unmapped").innerText()).toContain("Lead ID");
    const counts = [2, 3, 4, 5].map((i) => filledCount(rows, i));
    expect((await previewRows(page)).map((r) => r[1])).toEqual(counts.map(String));

    // Remove MQL with the keyboard; the preview drops it and SQL converts from Leads.
    await page.getByRole("button", { name: "Remove MQL" }).focus();
    await page.keyboard.press("Enter");
    expect(await stageNames(page)).toEqual(["Leads", "SQL", "Customers"]);
    const preview = await previewRows(page);
    expect(preview.map((r) => r[0])).toEqual(["Leads", "SQL", "Customers"]);
    expect(preview[1][2]).toBe(`${((counts[2] / counts[0]) * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`);
    expect(await page.inputValue("#field-spend")).toBe("");
    await screenshot(page, "2-stages-record-level");

    await page.click("#stages-next");
    await page.click("#goals-next");
    await page.click("#generate");
    await page.waitForSelector("#generate-result .success, #step-generate .error:not(:empty)");
    const saveCall = calls.find((c) => c.name === "saveAndGenerate");
    expect(saveCall?.args).toEqual([expect.objectContaining({ shape: "record-level", stages: expect.any(Array) }), null]);
    expect(saveCall?.outcome).toMatchObject({ ok: true });
    expect(emulation.spreadsheet.getSheetByName("KPI Summary")).not.toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
