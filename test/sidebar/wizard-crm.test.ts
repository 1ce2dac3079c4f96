// The wizard in Chromium on a HubSpot deals sheet (status values shown and editable, lost deals never customers in the live preview) and on pasted German text (rows left out, text converted only when confirmed).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { createEmulation } from "../../src/local/emulation";
import type { WritableValue } from "../../src/server/apps-script-api";
import { launchChromium, openSidebar, screenshot, settlePreview } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const HEADERS = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Original Traffic Source"];
const STAGE_OF_DEAL = ["Closed won", "Closed lost", "Contract sent", "Closed lost", "Closed won", "Appointment scheduled", "Closed lost", "Closed won", "Contract sent", "Closed lost"];

/** 10 deals: 3 won, 4 lost with close dates, 3 open of which 2 carry an expected close date. */
function deals(): CellValue[][] {
  return STAGE_OF_DEAL.map((stage, i) => {
    const open = stage === "Contract sent" || stage === "Appointment scheduled";
    const close = open && i === 5 ? "" : new Date(2026, 9, 1 + i);
    return [9_000 + i, `Deal ${i + 1}`, stage, 1000 * (i + 1), close, new Date(2026, 7, 1 + i), i % 2 === 0 ? "Paid Search" : "Email Marketing"];
  });
}

async function previewRows(page: Page): Promise<string[][]> {
  await settlePreview(page);
  return page.$$eval("#preview tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
}

describe("a HubSpot deals sheet", () => {
  it("shows each Deal Stage value with the stage it means, and counts only Closed won deals as customers", async () => {
    const emulation = createEmulation({ sheets: { Deals: [HEADERS, ...deals()] as WritableValue[][] } });
    const { page, calls, pageErrors } = await openSidebar(browser, emulation);
    await page.waitForSelector(".sample-table");
    expect(await page.inputValue("#data-shape")).toBe("record-level");

    await page.click("#data-next");
    await page.waitForSelector("#status-table");
    expect(await page.inputValue("#status-column")).toBe("2");
    const values = await page.$$eval("#status-table tbody tr", (rows) => rows.map((r) => [r.querySelector("th")?.textContent, r.querySelector("td")?.textContent, (r.querySelector("select") as HTMLSelectElement).selectedOptions[0]?.textContent]));
    expect(values).toEqual([
      ["Closed won", "3", "Customers"],
      ["Closed lost", "4", "(no stage)"],
      ["Contract sent", "2", "(no stage)"],
      ["Appointment scheduled", "1", "(no stage)"],
    ]);
    await expect.poll(() => page.locator("#status-values").innerText()).toContain("says which records were won ('Closed won')");
    // 9 deals carry a close date; only the 3 won ones are customers: a 30% win rate, not 90%.
    expect(await previewRows(page)).toEqual([["Leads", "10", ""], ["Customers", "3", "30%"]]);
    await screenshot(page, "crm-1-status-values");

    // Editable: call "Contract sent" customers too, and the preview follows; then undo it.
    await page.selectOption('select.status-stage[data-value="Contract sent"]', "customers");
    expect((await previewRows(page))[1]).toEqual(["Customers", "5", "50%"]);
    await page.selectOption('select.status-stage[data-value="Contract sent"]', "");
    expect((await previewRows(page))[1]).toEqual(["Customers", "3", "30%"]);

    await page.click("#stages-next");
    await page.click("#goals-next");
    await page.click("#generate");
    await page.waitForSelector("#generate-result .success, #step-generate .error:not(:empty)");
    const saved = calls.find((c) => c.name === "saveAndGenerate");
    expect(saved?.outcome).toMatchObject({ ok: true });
    expect((saved?.args[0] as { stages: unknown[] }).stages[1]).toEqual({
      key: "customers",
      name: "Customers",
      column: { header: "Close Date", index: 4 },
      status: { column: { header: "Deal Stage", index: 2 }, values: ["Closed won"] },
    });
    expect(pageErrors).toEqual([]);
  });
});

describe("pasted German text", () => {
  it("lists the rows left out and converts text numbers and dates only after showing what changes", async () => {
    const rows = [
      ["Bericht September 2026"],
      ["Datum", "Kanal", "Kosten", "Sitzungen", "Kunden"],
      ["'01.09.2026", "Suche", "'1.234,50", "'1.200", "'3"],
      ["'02.09.2026", "Social", "'99,90", "'980", "'1"],
      ["Gesamt", "", "'1.334,40", "'2.180", "'4"],
    ];
    const emulation = createEmulation({ sheets: { Daten: rows } });
    emulation.workbook.locale = "de_DE";
    const { page, calls, pageErrors } = await openSidebar(browser, emulation);
    await page.waitForSelector("#skipped-rows");
    expect(await page.locator("#header-found").innerText()).toContain("Header found in row 2");
    expect(await page.locator("#skipped-rows").innerText()).toBe("Row 1: title or note line ('Bericht September 2026')\nRow 5: total row ('Gesamt')");
    await page.waitForSelector("#text-cells-review");
    expect(await page.locator("#text-cells").innerText()).toContain("Spend ('Kosten'): 2 cells");
    const before = JSON.stringify(emulation.spreadsheet.getSheetByName("Daten")?.getDataRange().getValues());

    // From the Stages step, the warning about text cells leads back to the Data step's conversion panel, even
    // when the preview came back while the Data step was showing.
    await settlePreview(page);
    await page.click("#data-next");
    await page.waitForSelector("#step-stages:not([hidden])");
    await settlePreview(page);
    const warning = page.locator("#preview .warning", { hasText: "as text" }).first();
    await warning.waitFor();
    await warning.getByRole("button", { name: "Go to Data" }).click();
    await page.waitForSelector("#step-data:not([hidden])");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("text-cells-review");

    await page.click("#text-cells-review");
    await page.waitForSelector("#text-cells-table");
    expect(JSON.stringify(emulation.spreadsheet.getSheetByName("Daten")?.getDataRange().getValues())).toBe(before);
    expect(await page.locator("#text-cells-table").innerText()).toContain("Daten!C3\t1.234,50\t1234.5");
    await page.click("#text-cells-cancel");
    expect(await page.locator("#text-cells-table").count()).toBe(0);
    expect(calls.some((c) => c.name === "convertTextCells")).toBe(false);

    await page.click("#text-cells-review");
    await page.click("#text-cells-convert");
    await page.waitForSelector("#text-cells-done");
    expect(await page.locator("#text-cells-done").innerText()).toBe("Converted 8 cells to real numbers and dates.");
    const after = emulation.spreadsheet.getSheetByName("Daten")?.getDataRange().getValues() ?? [];
    expect(after[2].slice(2)).toEqual([1234.5, 1200, 3]);
    expect(after[4]).toEqual(["Gesamt", "", "1.334,40", "2.180", "4"]);
    await screenshot(page, "text-cells-converted");
    expect(pageErrors).toEqual([]);
  });
});
