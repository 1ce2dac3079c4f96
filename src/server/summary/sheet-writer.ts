// Writes planned blocks and their decorations to a sheet in batches: one call per block for values, formats, notes and styling.
import type { SheetApi } from "../apps-script-api";
import { charts, spreadsheetApp } from "../services";
import { type Block, blockHeight, blockWidth, type CellStyle, writableOf } from "./block";
import type { Area, ChartSpec, ColourRule, Decorations, Validation } from "./decorations";

const HEADER_BACKGROUND = "#f1f3f4";
const TITLE_COLOUR = "#1a73e8";

export function writeBlock(sheet: SheetApi, block: Block): void {
  const height = blockHeight(block);
  const width = blockWidth(block);
  if (height === 0 || width === 0) return;
  const range = sheet.getRange(block.row, block.column, height, width);
  // Formats first: a cell's format is in place before its value is read as typed.
  if (block.formats) range.setNumberFormats(block.formats);
  range.setValues(block.cells.map((row) => row.map(writableOf)));
  if (block.notes) range.setNotes(block.notes);
  for (const offset of block.headerRows ?? []) {
    // Headers wrap: the column widths leave room for a header's longest word, not for all of it on one line.
    sheet.getRange(block.row + offset, block.column, 1, width).setFontWeight("bold").setBackground(HEADER_BACKGROUND).setWrap(true);
  }
  for (const offset of block.titleRows ?? []) {
    sheet.getRange(block.row + offset, block.column, 1, width).setFontWeight("bold").setFontColor(TITLE_COLOUR);
  }
  for (const style of block.styles ?? []) applyStyle(sheet, block, style);
}

function applyStyle(sheet: SheetApi, block: Block, style: CellStyle): void {
  const range = sheet.getRange(block.row + style.row, block.column + style.column, style.numRows ?? 1, style.numColumns ?? 1);
  if (style.fontSize !== undefined) range.setFontSize(style.fontSize);
  if (style.bold !== undefined) range.setFontWeight(style.bold ? "bold" : "normal");
  if (style.fontColor !== undefined) range.setFontColor(style.fontColor);
  if (style.wrap !== undefined) range.setWrap(style.wrap);
  if (style.align !== undefined) range.setHorizontalAlignment(style.align);
}

const rangeOf = (sheet: SheetApi, a: Area) => sheet.getRange(a.row, a.column, a.numRows, a.numColumns);

export function applyValidations(sheet: SheetApi, validations: readonly Validation[]): void {
  const app = spreadsheetApp();
  for (const v of validations) {
    const builder = app.newDataValidation();
    const rule = v.kind === "list"
      ? builder.requireValueInList([...v.values], true).setAllowInvalid(v.allowInvalid).build()
      : builder.requireDate().setAllowInvalid(false).setHelpText(v.helpText).build();
    rangeOf(sheet, v.area).setDataValidation(rule);
  }
}

export function colourRules(sheet: SheetApi, rules: readonly ColourRule[]) {
  const app = spreadsheetApp();
  return rules.map((rule) => {
    const builder = app.newConditionalFormatRule().setRanges([rangeOf(sheet, rule.area)]);
    if (rule.kind === "text") return builder.whenTextEqualTo(rule.text).setBackground(rule.background).build();
    if (rule.kind === "number") {
      const when = rule.when === "above" ? builder.whenNumberGreaterThan(rule.threshold) : builder.whenNumberLessThan(rule.threshold);
      return when.setFontColor(rule.fontColor).setBackground(rule.background).build();
    }
    return builder.setGradientMinpoint(rule.min).setGradientMaxpoint(rule.max).build();
  });
}

export function insertCharts(sheet: SheetApi, specs: readonly ChartSpec[]): void {
  const chartType = charts().ChartType;
  const types = { BAR: chartType.BAR, COLUMN: chartType.COLUMN, LINE: chartType.LINE, PIE: chartType.PIE } as const;
  for (const spec of specs) {
    let builder = sheet.newChart().setChartType(types[spec.type]);
    for (const a of spec.ranges) builder = builder.addRange(rangeOf(sheet, a));
    builder = builder.setPosition(spec.anchor.row, spec.anchor.column, 0, 0).setOption("title", spec.title);
    if (spec.hideLegend) builder = builder.setOption("legend", { position: "none" });
    if (spec.width !== undefined) builder = builder.setOption("width", spec.width);
    if (spec.height !== undefined) builder = builder.setOption("height", spec.height);
    for (const [name, value] of Object.entries(spec.options ?? {})) builder = builder.setOption(name, value);
    sheet.insertChart(builder.build());
  }
}

/** Everything of a block list and its decorations but the charts, onto one sheet (the staging sheet). */
export function writeAll(sheet: SheetApi, blocks: readonly Block[], decorations: Decorations): void {
  for (const block of blocks) writeBlock(sheet, block);
  applyValidations(sheet, decorations.validations);
}
