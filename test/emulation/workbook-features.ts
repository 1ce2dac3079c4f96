// A user's workbook with every feature a save must keep (made with exceljs), and a snapshot of those features to compare two files by.
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { SETUP_SHEET_NAME } from "../../src/server/setup-sheet-format";
import { SUMMARY_SHEET_NAME } from "../../src/server/summary/layout";

export const FEATURE_SHEET = "Marketing data";
const ROWS = 60;

/** Sixty days of two channels' funnel counts, dressed the way people dress their sheets. */
export async function featureWorkbook(headers: readonly string[]): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(FEATURE_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...headers]);
  for (let i = 0; i < ROWS; i++) {
    const date = new Date(Date.UTC(2025, 0, 1 + i));
    ws.addRow([date, i % 2 === 0 ? "Paid search" : "Email", 100 + i, 500 + i * 3, 20 + (i % 7), 1 + (i % 4)]);
  }
  const header = ws.getRow(1);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: "Arial", size: 14, bold: true, color: { argb: "FFC00000" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { bottom: { style: "thick", color: { argb: "FF1F4E78" } } };
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
  for (let r = 2; r <= ROWS + 1; r++) {
    ws.getCell(r, 1).numFmt = "yyyy-mm-dd";
    ws.getCell(r, 3).numFmt = '"$"#,##0.00';
    const sessions = ws.getCell(r, 4);
    sessions.numFmt = "#,##0";
    sessions.font = { italic: true };
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 28;
  ws.getCell("B2").value = { text: "Paid search", hyperlink: "https://ads.example.com/campaigns" };
  ws.getCell("B4").value = { richText: [{ text: "Paid", font: { bold: true, color: { argb: "FF00B050" } } }, { text: " search" }] };
  ws.getCell("C1").note = "USD, net of VAT";
  ws.getCell("H1").value = "Campaign notes: spend is billed monthly and booked on the first day";
  ws.getCell("H1").alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells("H1:J3");
  ws.getCell("G1").value = "Spend x2";
  ws.fillFormula(`G2:G${ROWS + 1}`, "C2*2", (row) => (100 + row - 2) * 2);
  ws.getCell("K1").value = "Checked";
  for (let r = 2; r <= ROWS + 1; r++) ws.getCell(r, 11).dataValidation = { type: "list", allowBlank: true, formulae: ['"yes,no"'] };
  ws.getCell("L2").dataValidation = { type: "whole", operator: "between", allowBlank: true, showErrorMessage: true, formulae: [1, 10] };
  ws.addConditionalFormatting({ ref: `C2:C${ROWS + 1}`, rules: [{ type: "cellIs", operator: "greaterThan", priority: 1, formulae: [150], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }] });
  ws.addConditionalFormatting({ ref: `D2:D${ROWS + 1}`, rules: [{ type: "colorScale", priority: 2, cfvo: [{ type: "min" }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FF63BE7B" }] }] });
  ws.autoFilter = `A1:F${ROWS + 1}`;
  ws.pageSetup.printArea = `A1:F${ROWS + 1}`;
  const lookup = book.addWorksheet("Lookup", { state: "hidden" });
  lookup.addRow(["Channel", "Owner"]);
  lookup.addRow(["Paid search", "Ana"]);
  const secret = book.addWorksheet("Scratch", { state: "veryHidden" });
  secret.getCell("A1").value = 42;
  book.definedNames.add(`'${FEATURE_SHEET}'!$B$2:$B$${ROWS + 1}`, "Channels");
  return book;
}

interface CellFeature {
  value: string;
  style: string;
  note: string;
  validation: string;
}

export interface SheetFeatures {
  state: string;
  merges: string[];
  widths: Record<number, number | undefined>;
  heights: Record<number, number | undefined>;
  autoFilter: string;
  views: string;
  rules: string;
  validations: string;
  printArea: string;
  cells: Record<string, CellFeature>;
}

export type WorkbookFeatures = Record<string, SheetFeatures>;

/** JSON with keys sorted, so two files that say the same thing in another order compare equal. */
function json(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (typeof v !== "object" || v === null || v instanceof Date) return v;
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]));
  };
  return JSON.stringify(sorted(value ?? null));
}

/** A rule's off switches ("showInputMessage": false) mean the same as no switch; the format's writers drop them. */
function withoutFalseFlags(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== false));
}

function cellFeature(cell: ExcelJS.Cell): CellFeature {
  const { numFmt: format, font, fill, border, alignment } = cell.style ?? {};
  // "General" is what a cell without a format shows; files spell it either way.
  const numFmt = format === "General" ? undefined : format;
  const note = cell.note === undefined ? "" : typeof cell.note === "string" ? cell.note : json(cell.note.texts);
  // A formula's cached result is the application's to refresh; its text is the user's.
  const value = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : json(cell.value);
  // Alignment switches left at their defaults (wrap off, indent 0) are spelt out by some writers and left out by others.
  const aligned = alignment === undefined ? undefined : Object.fromEntries(Object.entries(alignment).filter(([k, v]) => v !== false && v !== 0 && !(k === "horizontal" && String(v) === "general")));
  return { value, style: json({ numFmt, font, fill, border, alignment: aligned }), note, validation: json(withoutFalseFlags(cell.dataValidation)) };
}

/** What a person could notice of each sheet the user made (the generated summary and setup sheets aside). */
export function workbookFeatures(book: ExcelJS.Workbook): WorkbookFeatures {
  const out: WorkbookFeatures = {};
  book.eachSheet((ws) => {
    if (ws.name === SUMMARY_SHEET_NAME || ws.name === SETUP_SHEET_NAME) return;
    const cells: Record<string, CellFeature> = {};
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => (cells[cell.address] = cellFeature(cell))));
    const widths: Record<number, number | undefined> = {};
    (ws.columns ?? []).forEach((c) => (widths[Number(c.number)] = c.width));
    const heights: Record<number, number | undefined> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => (heights[r] = row.height));
    out[ws.name] = {
      state: ws.state,
      merges: [...((ws as unknown as { model: { merges: string[] } }).model.merges ?? [])].sort(),
      widths,
      heights,
      autoFilter: json(ws.autoFilter),
      views: json((ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit, xSplit: (v as { xSplit?: number }).xSplit }))),
      rules: json((ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings
        // Flags that do not apply to a rule's type (a cellIs rule's rank 0, percent false) are written by some applications only.
        .map((cf) => ({ ...cf, rules: cf.rules.map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== false && !(k === "rank" && v === 0)))) }))),
      validations: json(Object.entries((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model)
        .filter(([, v]) => v !== undefined)
        .map(([address, v]) => [address, withoutFalseFlags(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b)))),
      printArea: json(ws.pageSetup?.printArea),
      cells,
    };
  });
  return out;
}

/** Every sheet, every property and every cell of `before` is in `after` as it was, except the cells the test changed. */
export function expectFeaturesKept(before: WorkbookFeatures, after: WorkbookFeatures, { changed }: { changed: string[] }): void {
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const [name, sheet] of Object.entries(before)) {
    const now = after[name];
    const { cells, ...rest } = sheet;
    const { cells: nowCells, ...nowRest } = now;
    expect(nowRest, name).toEqual(rest);
    for (const [address, cell] of Object.entries(cells)) {
      const nowCell = nowCells[address];
      expect(nowCell, `${name}!${address}`).toBeDefined();
      if (name === FEATURE_SHEET && changed.includes(address)) {
        expect(nowCell.style, `${name}!${address} style`).toBe(cell.style);
        continue;
      }
      expect(nowCell, `${name}!${address}`).toEqual(cell);
    }
  }
}
