// The wizard when things go wrong: hostile header text, a server call that fails mid-wizard, and a saved setup the sheet has outgrown.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAppsScriptGlobals, type Emulation } from "../../src/local/emulation";
import { saveMapping } from "../../src/server/mapping-store";
import { MAPPING_VERSION, type FunnelMapping } from "../../src/server/mapping/mapping-types";
import { launchChromium, openSidebar, screenshot, settlePreview } from "./harness";
import { aggregatedWorkbook } from "./workbooks";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__pwned=1</script>";

function seedSavedMapping(emulation: Emulation): void {
  const mapping: FunnelMapping = {
    version: MAPPING_VERSION,
    sheetName: "Funnel",
    headerRow: 1,
    shape: "aggregated",
    stages: [
      { key: "visits", name: "Site visits", column: { header: "Sessions", index: 3 } },
      { key: "leads", name: "Leads", column: { header: "Leads", index: 4 } },
      { key: "customers", name: "Customers", column: { header: "New customers", index: 5 } },
    ],
    date: { header: "Date", index: 0 },
    channel: { header: "Channel", index: 1 },
    spend: { header: "Spend", index: 2 },
    revenue: { header: "Revenue", index: 6 },
  };
  const uninstall = installAppsScriptGlobals(emulation);
  try {
    emulation.runExecution(() => saveMapping(mapping, new Date("2025-03-04T09:30:00Z")), { user: "ana@example.com" });
  } finally {
    uninstall();
  }
}

describe("text from the sheet is shown as text", () => {
  it("displays markup in headers and stage names without running it", async () => {
    const emulation = aggregatedWorkbook(["Date", IMG, SCRIPT, "Sessions", "Leads", "New customers", "Revenue"]);
    const { page, dialogs, pageErrors } = await openSidebar(browser, emulation);
    await page.waitForSelector(".sample-table");
    await expect.poll(() => page.locator(".sample-table thead").innerText()).toContain(IMG);
    expect(await page.locator(".sample-table thead").innerText()).toContain(SCRIPT);
    await page.click("#data-next");
    await settlePreview(page);
    // The header text is an option, verbatim, and in the reasons; nothing became an element.
    expect(await page.locator("#field-spend option").allInnerTexts()).toContain(`C · ${SCRIPT}`);
    await page.fill(".stage-name >> nth=0", IMG);
    await settlePreview(page);
    await expect.poll(() => page.locator("#preview tbody th").first().innerText()).toBe(IMG);
    await screenshot(page, "safety-markup-as-text");
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("script").length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe("a server call that fails", () => {
  it("shows the message where the user is, keeps what they typed, and re-enables the buttons", async () => {
    const emulation = aggregatedWorkbook();
    const { page, calls } = await openSidebar(browser, emulation, { latencyMs: 150 });
    await page.waitForSelector(".sample-table");
    await page.click("#data-next");
    await settlePreview(page);
    await page.fill(".stage-name >> nth=0", "Web sessions");
    await page.fill(".stage-name >> nth=1", "Sign-ups");
    await settlePreview(page);

    const data = emulation.spreadsheet.getSheetByName("Funnel");
    emulation.spreadsheet.deleteSheet(data!);
    await page.fill(".stage-name >> nth=2", "Paying customers");
    await settlePreview(page);
    const problems = page.locator("#step-stages .step-problems");
    await expect.poll(() => problems.innerText()).toContain('Data sheet: there is no sheet named "Funnel" any more');
    expect(await page.$$eval(".stage-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      "Web sessions",
      "Sign-ups",
      "Paying customers",
    ]);
    await screenshot(page, "error-sheet-deleted");

    // Generate fails the same way: its buttons are disabled during the call and usable again after it.
    await page.click("#stages-next");
    await page.click("#goals-next");
    const generate = page.locator("#generate");
    await generate.click();
    await expect.poll(() => generate.isDisabled()).toBe(true);
    await expect.poll(() => generate.isDisabled()).toBe(false);
    expect(await page.locator("#step-generate .step-problems").innerText()).toContain('there is no sheet named "Funnel"');
    expect(calls.some((c) => c.name === "saveAndGenerate")).toBe(false);

    // "Go to Data" shows the message next to the sheet picker.
    await page.getByRole("button", { name: "Go to Data" }).first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("data-sheet");
    expect(await page.getAttribute("#data-sheet", "aria-invalid")).toBe("true");
    expect(await page.locator("#step-data .form-group .error").first().innerText()).toContain("choose the data sheet again");
    // The picker was refreshed: the deleted sheet is offered only as the choice that needs fixing.
    const offered = await page.$$eval("#data-sheet option", (options) => options.map((o) => o.textContent));
    expect(offered.filter((text) => text?.startsWith("Funnel"))).toEqual(["Funnel (missing)"]);
  });
});

describe("reopening", () => {
  it("starts from the saved setup and says when it was saved, naming nobody (another user saved it)", async () => {
    const emulation = aggregatedWorkbook();
    seedSavedMapping(emulation);
    const { page } = await openSidebar(browser, emulation);
    await expect.poll(() => page.locator("#saved-line").innerText()).toMatch(/^Last saved 4 Mar 2025, \d\d:\d\d\.$/);
    await page.waitForSelector(".sample-table");
    await page.click("#data-next");
    expect(await page.inputValue(".stage-name >> nth=0")).toBe("Site visits");
    await settlePreview(page);
    expect((await page.locator("#preview tbody th").allInnerTexts())[0]).toBe("Site visits");
    await screenshot(page, "reopen-saved");
  });

  it("flags a column renamed since the save, next to its stage, and lets the user pick it again", async () => {
    const emulation = aggregatedWorkbook();
    seedSavedMapping(emulation);
    emulation.spreadsheet.getSheetByName("Funnel")!.getRange("D1").setValue("Visits total");
    const { page } = await openSidebar(browser, emulation);
    const notice = page.locator("#start-notice");
    await expect.poll(() => notice.innerText()).toContain("The saved setup no longer fits the sheet");
    expect(await notice.innerText()).toContain("header 'Sessions' (was column D) no longer exists; column D is now headed 'Visits total'");
    await screenshot(page, "reopen-column-renamed");

    await page.getByRole("button", { name: /^Fix: Stage 'Site visits'/ }).click();
    const select = page.locator(".stage-column >> nth=0");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("stage-column"))).toBe(true);
    expect(await select.getAttribute("aria-invalid")).toBe("true");
    expect(await select.locator("option:checked").innerText()).toBe("D · Sessions (not in the sheet now)");
    expect(await page.locator(".stage >> nth=0").locator(".error:not(:empty)").innerText()).toContain("no longer exists");
    await screenshot(page, "reopen-column-flagged");

    await select.selectOption({ label: "D · Visits total" });
    await settlePreview(page);
    expect(await select.getAttribute("aria-invalid")).toBeNull();
    expect((await page.locator("#preview tbody th").allInnerTexts())[0]).toBe("Site visits");
  });
});
