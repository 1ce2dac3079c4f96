// Properties quotas, lock exclusion between executions, call counting, globals, recordings, HTML files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import manifest from "../../appsscript.json";
import { MANIFEST_SCOPES, SCOPES } from "../../src/local/emulation/scopes";
import { createEmulation, installAppsScriptGlobals, LOCK_TIMEOUT_MESSAGE } from "../../src/local/emulation";
import { htmlService, lockService, propertiesService, session, spreadsheetApp } from "../../src/server/services";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe("PropertiesService", () => {
  it("stores strings per document and per user", () => {
    const emu = createEmulation();
    uninstall = installAppsScriptGlobals(emu);
    propertiesService().getDocumentProperties().setProperty("mapping", '{"spend":"C"}');
    emu.runExecution(() => propertiesService().getUserProperties().setProperty("seen", "1"), { user: "a@example.com" });
    expect(emu.runExecution(() => propertiesService().getUserProperties().getProperty("seen"), { user: "b@example.com" })).toBeNull();
    expect(emu.runExecution(() => propertiesService().getDocumentProperties().getProperty("mapping"), { user: "b@example.com" })).toBe('{"spend":"C"}');
  });

  it("refuses a value over 9 kB and a store over 500 kB, leaving the store unchanged", () => {
    const props = createEmulation().globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    props.setProperty("ok", "x".repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`k${i}`] = "y".repeat(9000);
    expect(() => props.setProperties(many)).toThrow(
      "You have exceeded the property storage quota. Please remove some properties and try again.",
    );
    expect(props.getKeys()).toEqual(["ok"]);
  });
});

describe("LockService", () => {
  it("excludes a second execution until the first releases", () => {
    const emu = createEmulation();
    uninstall = installAppsScriptGlobals(emu);
    const first = emu.startExecution();
    const second = emu.startExecution();
    const lockA = first.run(() => lockService().getDocumentLock());
    const lockB = second.run(() => lockService().getDocumentLock());
    expect(first.run(() => lockA.tryLock(1000))).toBe(true);
    expect(lockA.hasLock()).toBe(true);
    expect(second.run(() => lockB.tryLock(1000))).toBe(false);
    expect(() => second.run(() => lockB.waitLock(1000))).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(lockB.hasLock()).toBe(false);
    lockA.releaseLock();
    expect(lockB.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(false);
  });

  it("releases a lock when its execution ends", () => {
    const emu = createEmulation();
    emu.runExecution(() => emu.globals.LockService.getScriptLock().waitLock(100));
    expect(emu.runExecution(() => emu.globals.LockService.getScriptLock().tryLock(100))).toBe(true);
  });

  it("a nested execution is a concurrent one", () => {
    const emu = createEmulation();
    const got = emu.runExecution(() => {
      emu.globals.LockService.getDocumentLock().waitLock(100);
      return emu.runExecution(() => emu.globals.LockService.getDocumentLock().tryLock(100));
    });
    expect(got).toBe(false);
  });
});

describe("call counting", () => {
  it("counts each service call by method, through chains, and resets", () => {
    const emu = createEmulation({ sheets: { Data: [[1], [2], [3]] } });
    uninstall = installAppsScriptGlobals(emu);
    const sheet = spreadsheetApp().getActiveSpreadsheet().getSheetByName("Data")!;
    sheet.getRange("A1:A3").getValues();
    sheet.getRange("B1:B3").setValues([[1], [2], [3]]).setNumberFormat("0.00");
    sheet.getDataRange().getValues();
    expect(emu.calls.count("Range.getValues")).toBe(2);
    expect(emu.calls.count("Range.setNumberFormat")).toBe(1);
    expect(emu.calls.count("Sheet.getRange")).toBe(2);
    expect(emu.calls.count("Range")).toBe(4);
    expect(emu.calls.snapshot()["SpreadsheetApp.getActiveSpreadsheet"]).toBe(1);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });
});

describe("globals", () => {
  it("accessors reach the installed emulation and fail clearly once uninstalled", () => {
    const emu = createEmulation({ user: "ann@example.com", oauthScopes: [...MANIFEST_SCOPES, SCOPES.userinfoEmail] });
    const remove = installAppsScriptGlobals(emu);
    expect(session().getActiveUser().getEmail()).toBe("ann@example.com");
    expect(spreadsheetApp().getActiveSpreadsheet().getId()).toBe(emu.workbook.id);
    remove();
    expect(() => spreadsheetApp()).toThrow(/installAppsScriptGlobals/);
  });
});

describe("recordings", () => {
  it("records menus, sidebars, toasts, charts, rules, validations, protections and notes as asked", () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-html-"));
    writeFileSync(join(dir, "Sidebar.html"), "<p>Hello <?= who ?></p>");
    const emu = createEmulation({ htmlDir: dir, sheets: { Data: [["a", 1]] } });
    uninstall = installAppsScriptGlobals(emu);
    const app = spreadsheetApp();
    app.getUi().createAddonMenu().addItem("Open", "openSidebar").addSeparator().addToUi();
    app.getUi().showSidebar(htmlService().createHtmlOutputFromFile("Sidebar").setTitle("Funnel KPIs"));
    const template = htmlService().createTemplateFromFile("Sidebar");
    template.who = "<you>";
    expect(template.evaluate().getContent()).toBe("<p>Hello &lt;you&gt;</p>");
    expect(() => htmlService().createHtmlOutputFromFile("Missing")).toThrow("No HTML file named Missing was found.");
    const ss = app.getActiveSpreadsheet();
    ss.toast("Done", "Funnel KPIs", 3);
    const sheet = ss.getSheetByName("Data")!;
    const chart = sheet.newChart().setChartType(emu.globals.Charts.ChartType.COLUMN).addRange(sheet.getRange("A1:B1")).setPosition(2, 4, 0, 0).setOption("title", "Spend").build();
    sheet.insertChart(chart);
    const rule = app.newConditionalFormatRule().whenNumberLessThan(0).setFontColor("#cc0000").setRanges([sheet.getRange("B1:B9")]).build();
    sheet.setConditionalFormatRules([rule]);
    sheet.getRange("A2").setDataValidation(app.newDataValidation().requireValueInList(["ads", "seo"]).setAllowInvalid(false).build());
    sheet.protect().setWarningOnly(true).setDescription("generated");
    sheet.getRange("A1").setNote("source: CRM");

    expect(emu.recorder.menus).toEqual([{ caption: "Add-on", addon: true, items: [{ caption: "Open", functionName: "openSidebar" }, "separator"] }]);
    expect(emu.recorder.sidebars).toMatchObject([{ title: "Funnel KPIs", content: "<p>Hello <?= who ?></p>" }]);
    expect(emu.recorder.toasts).toEqual([{ message: "Done", title: "Funnel KPIs", timeoutSeconds: 3 }]);
    const [saved] = sheet.getCharts();
    expect(saved!.getOptions().get("title")).toBe("Spend");
    expect(saved!.getContainerInfo().getAnchorColumn()).toBe(4);
    expect(saved!.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:B1"]);
    expect(emu.sheetModel("Data").charts[0]!.chartType).toBe("COLUMN");
    const [savedRule] = sheet.getConditionalFormatRules();
    expect(String(savedRule!.getBooleanCondition()!.getCriteriaType())).toBe("NUMBER_LESS_THAN");
    expect(savedRule!.getBooleanCondition()!.getFontColor()).toBe("#cc0000");
    const validation = sheet.getRange("A2").getDataValidation()!;
    expect(validation.getCriteriaValues()).toEqual([["ads", "seo"], true]);
    expect(validation.getAllowInvalid()).toBe(false);
    const [protection] = sheet.getProtections(app.ProtectionType.SHEET);
    expect(protection!.isWarningOnly()).toBe(true);
    expect(protection!.getDescription()).toBe("generated");
    expect(sheet.getRange("A1:A2").getNotes()).toEqual([["source: CRM"], [""]]);
  });
});

describe("permissions follow the manifest's scopes", () => {
  it("gives no email address without userinfo.email, as Apps Script does, but a key per user", () => {
    expect(MANIFEST_SCOPES).toEqual(manifest.oauthScopes);
    expect(MANIFEST_SCOPES).not.toContain(SCOPES.userinfoEmail);
    const emu = createEmulation({ user: "ann@example.com", owner: "owner@example.com" });
    const remove = installAppsScriptGlobals(emu);
    try {
      expect(session().getActiveUser().getEmail()).toBe("");
      expect(session().getEffectiveUser().getEmail()).toBe("");
      const ann = session().getTemporaryActiveUserKey();
      expect(ann).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(ann).not.toContain("ann");
      expect(session().getTemporaryActiveUserKey()).toBe(ann);
      const bob = emu.runExecution(() => session().getTemporaryActiveUserKey(), { user: "bob@example.com" });
      expect(bob).not.toBe(ann);
    } finally {
      remove();
    }
  });

  it("refuses a call no granted scope allows, with Apps Script's message", () => {
    const emu = createEmulation({ oauthScopes: [SCOPES.containerUi] });
    const remove = installAppsScriptGlobals(emu);
    try {
      expect(() => spreadsheetApp().getActiveSpreadsheet()).toThrow(
        /^Specified permissions are not sufficient to call SpreadsheetApp\.getActiveSpreadsheet\. Required permissions: \(https:\/\/www\.googleapis\.com\/auth\/spreadsheets\.currentonly \|\| https:\/\/www\.googleapis\.com\/auth\/spreadsheets\)$/,
      );
    } finally {
      remove();
    }
    const noUi = createEmulation({ oauthScopes: [SCOPES.spreadsheetsCurrentOnly] });
    const removeNoUi = installAppsScriptGlobals(noUi);
    try {
      expect(() => spreadsheetApp().getUi().createMenu("Funnel KPIs")).toThrow(/not sufficient to call Ui\.createMenu\. Required permissions: \(https:\/\/www\.googleapis\.com\/auth\/script\.container\.ui\)/);
    } finally {
      removeNoUi();
    }
  });
});
