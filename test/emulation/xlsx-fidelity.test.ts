// A user's workbook survives a load, an edit, a generated summary and a save: every feature the tool did not change is still in the file.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmulation, loadXlsx, saveXlsx } from "../../src/local/emulation";
import { dispatchServerCall } from "../../src/local/sidebar-host";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { SETUP_SHEET_NAME } from "../../src/server/setup-sheet-format";
import { PERIOD_PRESETS } from "../../src/kpi/definitions/periods";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";
import { POST_2007_FUNCTIONS } from "../../src/local/emulation/xlsx-functions";
import { formulaCells, sheetXml, workbookXml } from "../compat/xlsx-parts";
import { expectFeaturesKept, FEATURE_SHEET, featureWorkbook, type WorkbookFeatures, workbookFeatures } from "./workbook-features";

const HEADERS = ["Date", "Channel", "Spend", "Sessions", "Leads", "New customers"];
let dir = "";

const SCRATCH_SHEET = "My formulas";
const USER_IFS = '=IFS(1>0, "up", TRUE, "down")';
const USER_SWITCH = '=SWITCH(2, 1, "one", 2, "two")';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xlsx-fidelity-"));
});

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe("a workbook made by exceljs with every feature", () => {
  let before: WorkbookFeatures;
  let saved = "";
  let presetCell = { row: 0, column: 0 };

  beforeAll(async () => {
    const input = join(dir, "features.xlsx");
    await (await featureWorkbook(HEADERS)).xlsx.writeFile(input);
    before = workbookFeatures(await readBook(input));
    const emu = await loadXlsx(input);
    // A user's edit in the data, then the wizard's whole job.
    emu.spreadsheet.getSheetByName(FEATURE_SHEET)!.getRange("D5").setValue(999);
    const sheet = emu.spreadsheet.getSheetByName(FEATURE_SHEET)!;
    const values = sheet.getDataRange().getValues();
    const mapping = proposalToMapping(proposeMapping(FEATURE_SHEET, 1, values[0].map(String), values.slice(1, 51)));
    const outcome = dispatchServerCall(emu, "saveAndGenerate", JSON.stringify([mapping, null]));
    expect(outcome.ok, outcome.ok ? "" : outcome.message).toBe(true);
    presetCell = outcome.ok ? (outcome.value as SummaryReport).layout.period.preset : { row: 0, column: 0 };
    // The summary itself needs no function newer than 2007; a user's own formulas may.
    const scratch = emu.spreadsheet.insertSheet(SCRATCH_SHEET);
    scratch.getRange("A1").setFormula(USER_IFS);
    scratch.getRange("A2").setFormula(USER_SWITCH);
    saved = join(dir, "features-saved.xlsx");
    await saveXlsx(emu, saved);
    emu.dispose();
  });

  it("keeps fonts, fills, widths, merges, links, rich text, rules, filters, notes, frozen panes and hidden sheets", async () => {
    const after = workbookFeatures(await readBook(saved));
    // The sheet the test added for its own formulas is not the user's.
    delete after[SCRATCH_SHEET];
    expectFeaturesKept(before, after, { changed: ["D5"] });
  });

  it("changes the edited cell and nothing of its look", async () => {
    const ws = (await readBook(saved)).getWorksheet(FEATURE_SHEET)!;
    expect(ws.getCell("D5").value).toBe(999);
    expect(ws.getCell("D5").numFmt).toBe("#,##0");
    expect(ws.getCell("D5").font?.italic).toBe(true);
  });

  it("writes the summary's dropdowns, widths, frozen rows, formats, notes, rules and _xlfn. prefixes, and asks for a recalculation", async () => {
    const book = await readBook(saved);
    const summary = book.getWorksheet(SUMMARY_SHEET_NAME)!;
    expect(summary.getCell(presetCell.row, presetCell.column).dataValidation).toMatchObject({ type: "list", formulae: [`"${PERIOD_PRESETS.join(",")}"`] });
    expect(summary.getColumn(1).width).toBeCloseTo((260 - 5) / 7, 1);
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const formats = new Set<string>();
    const notes: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => {
      if (cell.numFmt && cell.numFmt !== "General") formats.add(cell.numFmt);
      if (cell.note) notes.push(typeof cell.note === "string" ? cell.note : "");
    }));
    expect([...formats]).toEqual(expect.arrayContaining(["0.0%"]));
    expect(notes.length).toBeGreaterThan(0);
    const rules = (summary as unknown as { conditionalFormattings: { rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(rules.flatMap((r) => r.rules.map((x) => x.formulae?.[0]))).toEqual(expect.arrayContaining(['"Achieved"', '"Behind"']));
    const xml = await workbookXml(saved);
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const all = await formulaCells(saved);
    const formulas = all.filter((c) => c.sheet === SUMMARY_SHEET_NAME);
    expect(formulas.length).toBeGreaterThan(100);
    const unprefixed = new RegExp(`(?<!_xlfn\\.)\\b(${POST_2007_FUNCTIONS.join("|")})\\(`, "i");
    for (const cell of all) expect(cell.formula, `${cell.sheet}!${cell.ref}`).not.toMatch(unprefixed);
    const scratch = all.filter((c) => c.sheet === SCRATCH_SHEET).map((c) => c.formula);
    expect(scratch).toEqual([`_xlfn.${USER_IFS.slice(1)}`, `_xlfn.${USER_SWITCH.slice(1)}`]);
    // Every formula carries the value the engine computed.
    expect(formulas.filter((c) => c.cached === undefined).map((c) => c.ref)).toEqual([]);
  });

  it("reads the prefixes back off, and reopens with the saved setup instead of detection", async () => {
    const emu = await loadXlsx(saved);
    const summary = emu.spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
    const scratch = emu.spreadsheet.getSheetByName(SCRATCH_SHEET)!;
    expect(scratch.getRange("A1:A2").getFormulas()).toEqual([[USER_IFS], [USER_SWITCH]]);
    expect(scratch.getRange("A1:A2").getValues()).toEqual([["up"], ["two"]]);
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).not.toContain(SETUP_SHEET_NAME);
    const start = dispatchServerCall(emu, "wizardStart", "[]");
    expect(start.ok).toBe(true);
    const saved0 = start.ok ? (start.value as { saved: { mapping: { sheetName: string } } | null }).saved : null;
    expect(saved0?.mapping.sheetName).toBe(FEATURE_SHEET);
    expect(summary.getRange(1, 1, 1, 1).getValue()).toBe("KPI Summary");
    emu.dispose();
    const hidden = await sheetXml(saved, SETUP_SHEET_NAME);
    expect(hidden).toContain("<sheetProtection");
    expect(await workbookXml(saved)).toMatch(new RegExp(`<sheet [^>]*name="${SETUP_SHEET_NAME}"[^>]*state="veryHidden"`));
  });

  it("saving again without changes rewrites nothing of the user's sheets", async () => {
    const emu = await loadXlsx(saved);
    const again = join(dir, "features-again.xlsx");
    await saveXlsx(emu, again);
    emu.dispose();
    expectFeaturesKept(workbookFeatures(await readBook(saved)), workbookFeatures(await readBook(again)), { changed: [] });
  });
});

describe("a shared formula whose first cell is edited", () => {
  it("leaves the other cells their formulas", async () => {
    const input = join(dir, "shared.xlsx");
    await (await featureWorkbook(HEADERS)).xlsx.writeFile(input);
    const emu = await loadXlsx(input);
    const sheet = emu.spreadsheet.getSheetByName(FEATURE_SHEET)!;
    sheet.getRange("G2").setValue(7);
    expect(sheet.getRange("G3").getFormula()).toBe("=C3*2");
    const out = join(dir, "shared-saved.xlsx");
    await saveXlsx(emu, out);
    emu.dispose();
    const ws = (await readBook(out)).getWorksheet(FEATURE_SHEET)!;
    expect(ws.getCell("G2").value).toBe(7);
    expect(ws.getCell("G3").formula).toBe("C3*2");
    expect(ws.getCell("G61").formula).toBe("C61*2");
    const back = await loadXlsx(out);
    expect(back.spreadsheet.getSheetByName(FEATURE_SHEET)!.getRange("G4").getValue()).toBe(204);
    back.dispose();
  });
});

describe("the setup as Google Sheets imports the file", () => {
  it("is an ordinary hidden sheet there; the add-on reads the mapping from it and keeps it in step", async () => {
    const input = join(dir, "for-sheets.xlsx");
    await (await featureWorkbook(HEADERS)).xlsx.writeFile(input);
    const first = await loadXlsx(input);
    const values = first.spreadsheet.getSheetByName(FEATURE_SHEET)!.getDataRange().getValues();
    const mapping = proposalToMapping(proposeMapping(FEATURE_SHEET, 1, values[0].map(String), values.slice(1, 51)));
    expect(dispatchServerCall(first, "saveAndGenerate", JSON.stringify([mapping, null])).ok).toBe(true);
    const saved = join(dir, "for-sheets-saved.xlsx");
    await saveXlsx(first, saved);
    first.dispose();

    const uploaded = await loadXlsx(saved, { setupSheet: "sheet" });
    expect(uploaded.properties.document.size).toBe(0);
    const setup = uploaded.spreadsheet.getSheetByName(SETUP_SHEET_NAME)!;
    expect(setup.isSheetHidden()).toBe(true);
    const start = dispatchServerCall(uploaded, "wizardStart", "[]");
    expect(start.ok).toBe(true);
    const value = start.ok ? (start.value as { saved: { mapping: unknown } | null; sheets: { name: string }[] }) : null;
    expect(value?.saved?.mapping).toEqual(mapping);
    expect(value?.sheets.map((s) => s.name)).not.toContain(SETUP_SHEET_NAME);
    // A new save there updates the sheet too, so a download carries the newest mapping.
    const renamed = { ...mapping, stages: mapping.stages.map((s, i) => (i === 0 ? { ...s, name: "Site visits" } : s)) };
    expect(dispatchServerCall(uploaded, "saveAndGenerate", JSON.stringify([renamed, null])).ok).toBe(true);
    const rows = setup.getDataRange().getValues();
    const stored = rows.find((r) => r[0] === "property" && r[1] === "funnelKpis.mapping");
    expect(JSON.parse(String(stored?.slice(2).join("")))).toMatchObject({ stages: [{ name: "Site visits" }, {}, {}] });
    uploaded.dispose();
  });
});

describe("dropdown lists too long to spell inline", () => {
  it("live in the setup sheet, and keep working across saves that move its rows", async () => {
    const emu = createEmulation({ sheets: { S: [["pick"]] } });
    const items = ["Paid search, brand", ...Array.from({ length: 40 }, (_, i) => `Campaign number ${i + 1}`)];
    const rule = emu.globals.SpreadsheetApp.newDataValidation().requireValueInList(items, true).build();
    emu.spreadsheet.getSheetByName("S")!.getRange("A2:A4").setDataValidation(rule);
    const first = join(dir, "lists.xlsx");
    await saveXlsx(emu, first);
    emu.dispose();
    const listRule = async (path: string) => (await readBook(path)).getWorksheet("S")!.getCell("A3").dataValidation;
    expect((await listRule(first)).formulae[0]).toMatch(/^'Funnel KPIs setup'!\$C\$2:\$AQ\$2$/);
    const reopened = await loadXlsx(first);
    expect(reopened.spreadsheet.getSheetByName("S")!.getRange("A3").getDataValidation()!.getCriteriaValues()[0]).toEqual(items);
    // A new document property adds a row before the lists: the rule follows its list.
    reopened.properties.document.set("team.note", "moved");
    const second = join(dir, "lists-again.xlsx");
    await saveXlsx(reopened, second);
    reopened.dispose();
    const formula = String((await listRule(second)).formulae[0]);
    const row = Number(/\$C\$(\d+):/.exec(formula)?.[1]);
    const setup = (await readBook(second)).getWorksheet(SETUP_SHEET_NAME)!;
    expect(setup.getCell(row, 1).value).toBe("list");
    expect(setup.getRow(row).values).toEqual([undefined, "list", "list1", ...items]);
  });
});

describe("spilling formulas", () => {
  it("come back as formulas with their spill, not as values that block it", async () => {
    const input = join(dir, "spill.xlsx");
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("S");
    [1, 2, 3].forEach((n, i) => (ws.getCell(i + 1, 1).value = n));
    await book.xlsx.writeFile(input);
    const emu = await loadXlsx(input);
    const sheet = emu.spreadsheet.getSheetByName("S")!;
    sheet.getRange("B1").setFormula("=A1:A3*2");
    sheet.getRange("D1").setFormula("=TRANSPOSE(A1:A3)");
    const out = join(dir, "spill-saved.xlsx");
    await saveXlsx(emu, out);
    emu.dispose();
    expect(await sheetXml(out, "S")).toMatch(/<c r="B1"[^>]*><f t="array" ref="B1:B3">A1:A3\*2<\/f>/);
    const back = await loadXlsx(out);
    const s = back.spreadsheet.getSheetByName("S")!;
    expect(s.getRange("B1:B3").getFormulas()).toEqual([["=A1:A3*2"], [""], [""]]);
    expect(s.getRange("B1:B3").getValues()).toEqual([[2], [4], [6]]);
    expect(s.getRange("D1:F1").getValues()).toEqual([[1, 2, 3]]);
    // The spill still follows its inputs.
    s.getRange("A2").setValue(20);
    expect(s.getRange("B2").getValue()).toBe(40);
    back.dispose();
  });
});
