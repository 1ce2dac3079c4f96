// The wizard walked in Chromium over three sources (Google Ads, Meta Ads, HubSpot deals): roles with reasons, stages from several sources, the channel table edited with a live preview, Generate; a renamed source sheet flagged on reopening.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberRows, type ChannelTableRow } from "../../src/kpi/channels/channel-table";
import { computeSourcesReport, type SourcesReport } from "../../src/kpi/sources/sources-report";
import { loadCsvAsRead } from "../../src/local/cli/csv-sheet";
import { createEmulation, type Emulation, installAppsScriptGlobals } from "../../src/local/emulation";
import { CHANNEL_MAP_SHEET_NAME } from "../../src/server/channel-map/channel-map-format";
import { readDataSheet } from "../../src/server/data-sheet";
import type { SourcedMapping } from "../../src/server/mapping/source-types";
import { toSourcesSpec } from "../../src/server/mapping/sources-to-spec";
import { exportTable, EXPORTS } from "../sources/export-tables";
import { launchChromium, openSidebar, screenshot } from "./harness";

const SOURCES: Array<[string, string]> = [["google-ads-campaigns.csv", "Google Ads"], ["meta-ads-de.csv", "Meta Ads"], ["hubspot-deals.csv", "HubSpot deals"]];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function workbook(): Promise<Emulation> {
  const emu = createEmulation({ sheets: { Notes: [["Budget notes for Q3"]] } });
  for (const [file, sheet] of SOURCES) loadCsvAsRead(emu, await exportTable(file, sheet), `${EXPORTS}/${file}`);
  return emu;
}

/** src/kpi over all rows, on the sheets as the add-on reads them. */
function expected(emu: Emulation, mapping: SourcedMapping, table: readonly ChannelTableRow[]): SourcesReport {
  const uninstall = installAppsScriptGlobals(emu);
  try {
    return emu.runExecution(() => {
      const spec = toSourcesSpec(mapping);
      return computeSourcesReport(spec, mapping.sources.map((s, i) => ({ spec: spec.sources[i], rows: readDataSheet(s.sheetName, s.headerRow).rows })), numberRows(table, 2));
    });
  } finally {
    uninstall();
  }
}

const money = (n: number | null) => (n === null ? "n/a" : n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector("#step-channels:not([hidden]) .status, #step-source-stages:not([hidden]) .status"));
}

async function channelPreview(page: Page): Promise<string[][]> {
  await settle(page);
  return page.$$eval("#channel-preview-table tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
}

describe("three sources", () => {
  it("walks sources → stages → channels → goals → generate, and flags a renamed source sheet on reopening", async () => {
    const emulation = await workbook();
    const { page, calls, pageErrors, externalRequests, dialogs } = await openSidebar(browser, emulation);

    // A workbook of several sheets offers to combine them; one-sheet setup stays the first step.
    await page.waitForSelector("#use-sources:visible");
    await page.click("#use-sources");
    await page.waitForSelector("#step-sources:not([hidden]) .source");
    const listed = await page.$$eval("#source-list .source", (items) => items.map((i) => [i.getAttribute("data-sheet"), i.querySelector(".source-role")?.textContent ?? "", (i.querySelector("input") as HTMLInputElement).checked]));
    expect(listed).toEqual([
      ["Notes", "Not used", false],
      ["Google Ads", "Ad spend · Google Ads", true],
      ["Meta Ads", "Ad spend · Meta Ads", true],
      ["HubSpot deals", "CRM records · HubSpot", true],
    ]);
    expect(await page.locator('#source-list .source[data-sheet="HubSpot deals"] .hint').innerText()).toMatch(/^CRM records: column C 'Deal Stage' says which records were won/);
    expect(await page.locator("#stepper").innerText()).toMatch(/1\. Sources[\s\S]*2\. Stages[\s\S]*3\. Channels[\s\S]*4\. Goals[\s\S]*5\. Generate/);
    await screenshot(page, "sources-1-sources");

    // Stages: one funnel order, each stage from its source(s), with the reasons and a live preview.
    await page.click("#sources-next");
    await page.waitForSelector("#step-source-stages:not([hidden]) .stage-name");
    expect(await page.$$eval("#source-stage-list .stage-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(["Impressions", "Clicks", "Leads", "Customers"]);
    expect(await page.locator("#source-reasons").innerText()).toContain("Clicks: added from Google Ads ('Clicks') and Meta Ads ('Link-Klicks')");
    const clickSources = await page.$$eval('#source-stage-list li[data-key="clicks"] .supply', (s) => s.map((x) => x.getAttribute("data-source")));
    expect(clickSources).toEqual(["google_ads", "meta_ads"]);
    const customerStatus = await page.$$eval('#source-stage-list li[data-key="customers"] .supply-status-value', (c) => c.filter((x) => (x as HTMLInputElement).checked).map((x) => x.getAttribute("data-value")));
    expect(customerStatus).toEqual(["Closed won"]);
    await settle(page);
    const mapping = calls.filter((c) => c.name === "previewSources").at(-1)?.args[0] as SourcedMapping;
    const first = expected(emulation, mapping, []);
    const stagePreview = await page.$$eval("#source-preview tbody tr", (rows) => rows.map((r) => r.children[1]?.textContent ?? ""));
    expect(stagePreview).toEqual(first.funnel.map((f) => f.count.toLocaleString("en-US")));
    await screenshot(page, "sources-2-stages");

    // Channels: the proposed table, edited; the preview follows each edit.
    await page.click("#source-stages-next");
    await page.waitForSelector("#step-channels:not([hidden]) #channel-rows tr");
    expect(await page.locator("#channel-table-from").innerText()).toContain("Proposed");
    const rowOf = async (value: string) => page.$$eval("#channel-rows tr", (rows, v) => rows.findIndex((r) => (r.querySelector(".channel-value") as HTMLInputElement).value === v), value);
    const direct = await rowOf("Direct Traffic");
    expect(direct).toBeGreaterThanOrEqual(0);
    await page.getByRole("button", { name: `Remove row ${direct + 1}` }).click();
    await expect.poll(() => page.locator("#unmatched-values").innerText()).toContain("Direct Traffic");
    const unmatched = await page.locator('#unmatched-values .unmatched-value[data-value="Direct Traffic"]').innerText();
    expect(unmatched).toMatch(/HubSpot deals · 4 rows, spend 0\.00, customers 1/);
    await screenshot(page, "sources-3-channels-unmatched");

    // Place it, with the keyboard, as Direct: it joins the table and the preview shows the channel.
    await page.fill('.place-value[data-value="Direct Traffic"]', "Direct");
    await page.getByRole("button", { name: "Place Direct Traffic of HubSpot deals" }).click();
    await expect.poll(() => page.locator("#unmatched-values").innerText()).toContain("Every value of every source is placed");
    const table = await page.$$eval("#channel-rows tr", (rows) => rows.map((r) => ({
      source: (r.querySelector(".channel-source") as HTMLSelectElement).value,
      value: (r.querySelector(".channel-value") as HTMLInputElement).value,
      channel: (r.querySelector(".channel-name") as HTMLInputElement).value,
    })));
    const report = expected(emulation, mapping, table);
    expect(await channelPreview(page)).toEqual(report.channels.map((c) => [c.channel, money(c.spend), c.stageCounts.at(-1)?.toLocaleString("en-US") ?? "", money(c.cac.value)]));
    expect((await channelPreview(page)).find((r) => r[0] === "Direct")?.[2]).toBe("1");

    // Move Meta's spend to a channel of its own: typing in the table updates spend and CAC live.
    const meta = await page.$$eval("#channel-rows tr", (rows) => rows.findIndex((r) => (r.querySelector(".channel-source") as HTMLSelectElement).value === "Meta Ads"));
    await page.fill(`#channel-rows tr:nth-child(${meta + 1}) .channel-name`, "Meta");
    await expect.poll(async () => (await channelPreview(page)).map((r) => r[0])).toContain("Meta");
    const edited = expected(emulation, mapping, table.map((r, i) => (i === meta ? { ...r, channel: "Meta" } : r)));
    expect(await channelPreview(page)).toEqual(edited.channels.map((c) => [c.channel, money(c.spend), c.stageCounts.at(-1)?.toLocaleString("en-US") ?? "", money(c.cac.value)]));
    await page.fill(`#channel-rows tr:nth-child(${meta + 1}) .channel-name`, "Paid Social");
    await screenshot(page, "sources-3-channels");

    // Goals and Generate as for one sheet.
    await page.click("#channels-next");
    await page.waitForSelector("#step-goals:not([hidden])");
    // A goal's baseline is measured over every source, as the summary adds them up.
    await page.click("#add-goal");
    await page.selectOption(".goal-kpi", "Clicks");
    await expect.poll(() => page.inputValue(".goal-baseline")).not.toBe("");
    const suggested = calls.filter((c) => c.name === "suggestSourcesGoal").at(-1);
    expect(suggested?.outcome).toMatchObject({ ok: true });
    await page.fill(".goal-target", "1000");
    await page.click("#goals-next");
    expect(await page.locator(".recap").innerText()).toContain("Sources: Google Ads, Meta Ads, HubSpot deals");
    await page.click("#generate");
    await page.waitForSelector("#generate-result .success, #step-generate .error:not(:empty)");
    expect(await page.locator("#generate-result").innerText()).toContain('Wrote "KPI Summary"');
    await screenshot(page, "sources-4-generate");
    const save = calls.find((c) => c.name === "saveSourcesAndGenerate");
    expect(save?.outcome).toMatchObject({ ok: true });
    expect(save?.args[2]).toEqual([expect.objectContaining({ kpi: "Clicks", target: 1000 })]);
    const map = emulation.spreadsheet.getSheetByName(CHANNEL_MAP_SHEET_NAME)!.getDataRange().getValues();
    expect(map.slice(1).map((r) => r.slice(0, 3))).toEqual(table.map((r) => [r.source, r.value, r.channel]));
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(dialogs).toEqual([]);

    // Someone renames a source sheet; reopening the wizard flags it where the source is chosen, and it can be pointed at the new name.
    emulation.spreadsheet.getSheetByName("Meta Ads")!.setName("Meta Ads Q3");
    const again = await openSidebar(browser, emulation);
    await again.page.waitForSelector("#step-sources:not([hidden])");
    await expect.poll(() => again.page.locator("#saved-line").innerText()).toMatch(/^Last saved .+ by you\.$/);
    const flagged = again.page.locator('#missing-sources .flagged[data-source="Meta Ads"]');
    expect(await flagged.innerText()).toContain('"Meta Ads" is not in the workbook any more: it was renamed or deleted.');
    expect(await flagged.locator(".error").innerText()).toContain('Source "Meta Ads": there is no sheet named "Meta Ads" any more');
    await screenshot(again.page, "sources-5-renamed");
    await flagged.locator("select").selectOption("Meta Ads Q3");
    await again.page.click("#sources-next");
    await again.page.waitForSelector("#step-source-stages:not([hidden]) .stage-name");
    await settle(again.page);
    const repointed = again.calls.filter((c) => c.name === "previewSources").at(-1);
    expect((repointed?.args[0] as SourcedMapping).sources.map((s) => s.sheetName)).toEqual(["Google Ads", "Meta Ads Q3", "HubSpot deals"]);
    expect(repointed?.outcome).toMatchObject({ ok: true, value: { validation: { ok: true } } });
    expect(again.pageErrors).toEqual([]);
    await again.close();
  });
});
