// Range: a box of cells on one emulated sheet; reads and writes go to the workbook model in one batch each.
import type {
  DataValidationApi,
  FontWeight,
  HorizontalAlignment,
  ProtectionApi,
  RangeApi,
  SheetApi,
  SheetValue,
  WritableValue,
} from "../../server/apps-script-api";
import { boxA1, type Box } from "./a1";
import type { CellAttributes } from "./cell-attributes";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { DataValidationFacade, validationOf } from "./data-validation";
import { AUTOMATIC_FORMAT } from "./number-format";
import { ProtectionFacade } from "./protection";
import { SheetFacade } from "./sheet";
import { DEFAULT_FONT_SIZE, type SheetModel } from "./sheet-model";
import { appsScriptError } from "./workbook-model";

/** Apps Script's check that a 2D array matches the range it is written to. */
export function checkShape(data: readonly (readonly unknown[])[], box: Box): void {
  if (data.length !== box.numRows) {
    throw appsScriptError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${box.numRows}.`,
    );
  }
  for (const row of data) {
    if (row.length !== box.numColumns) {
      throw appsScriptError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${box.numColumns}.`,
      );
    }
  }
}

function filled<T>(box: Box, value: T): T[][] {
  return Array.from({ length: box.numRows }, () => new Array<T>(box.numColumns).fill(value));
}

function topLeft(box: Box): Box {
  return { row: box.row, column: box.column, numRows: 1, numColumns: 1 };
}

// Every public method is an Apps Script call and is counted; helpers live outside the class.
export class RangeFacade implements RangeApi {
  readonly calls;

  constructor(
    readonly ctx: EmulationContext,
    readonly sheet: SheetModel,
    readonly box: Box,
    /** Built from `C2:C` or `C:C`: a named range made from it keeps reaching the bottom of the grid. */
    readonly openEnded = false,
  ) {
    this.calls = ctx.calls;
  }

  // ---- position ----

  getA1Notation(): string {
    return boxA1(this.box);
  }
  getRow(): number {
    return this.box.row;
  }
  getColumn(): number {
    return this.box.column;
  }
  getNumRows(): number {
    return this.box.numRows;
  }
  getNumColumns(): number {
    return this.box.numColumns;
  }
  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }
  getSheet(): SheetApi {
    return new SheetFacade(this.ctx, this.sheet);
  }
  getCell(row: number, column: number): RangeApi {
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns) {
      throw appsScriptError("Cell reference out of range");
    }
    return new RangeFacade(this.ctx, this.sheet, { row: this.box.row + row - 1, column: this.box.column + column - 1, numRows: 1, numColumns: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeApi {
    const box = {
      row: this.box.row + rowOffset,
      column: this.box.column + columnOffset,
      numRows: numRows ?? this.box.numRows,
      numColumns: numColumns ?? this.box.numColumns,
    };
    this.ctx.workbook.checkBox(this.sheet, box);
    return new RangeFacade(this.ctx, this.sheet, box);
  }
  activate(): RangeApi {
    this.ctx.workbook.activeSheet = this.sheet;
    return this;
  }

  // ---- values and formulas ----

  getValue(): SheetValue {
    return this.ctx.workbook.readValues(this.sheet, topLeft(this.box))[0]![0]!;
  }
  getValues(): SheetValue[][] {
    return this.ctx.workbook.readValues(this.sheet, this.box);
  }
  getDisplayValue(): string {
    return this.ctx.workbook.readDisplayValues(this.sheet, topLeft(this.box))[0]![0]!;
  }
  getDisplayValues(): string[][] {
    return this.ctx.workbook.readDisplayValues(this.sheet, this.box);
  }
  setValue(value: WritableValue): RangeApi {
    // Apps Script writes the one value into every cell of the range.
    this.ctx.workbook.writeValues(this.sheet, this.box, filled(this.box, value));
    return this;
  }
  setValues(values: WritableValue[][]): RangeApi {
    checkShape(values, this.box);
    this.ctx.workbook.writeValues(this.sheet, this.box, values);
    return this;
  }
  getFormula(): string {
    return this.ctx.workbook.readFormulas(this.sheet, topLeft(this.box))[0]![0]!;
  }
  getFormulas(): string[][] {
    return this.ctx.workbook.readFormulas(this.sheet, this.box);
  }
  setFormula(formula: string): RangeApi {
    this.ctx.workbook.writeFormulaFilled(this.sheet, this.box, formula);
    return this;
  }
  setFormulas(formulas: string[][]): RangeApi {
    checkShape(formulas, this.box);
    this.ctx.workbook.writeValues(this.sheet, this.box, formulas);
    return this;
  }
  isBlank(): boolean {
    return this.ctx.workbook.readFormulas(this.sheet, this.box).every((row, r) =>
      row.every((formula, c) => formula === "" && this.ctx.workbook.isEmpty(this.sheet, this.box.row + r, this.box.column + c)),
    );
  }
  clearContent(): RangeApi {
    this.ctx.workbook.clearContents(this.sheet, this.box);
    return this;
  }
  clearFormat(): RangeApi {
    this.sheet.clearFormats(this.box);
    return this;
  }
  clearNote(): RangeApi {
    this.sheet.notes.clear(this.box);
    return this;
  }
  clearDataValidations(): RangeApi {
    this.sheet.validations.clear(this.box);
    return this;
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): RangeApi {
    const only = options && (options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly);
    if (!only || options.contentsOnly) this.ctx.workbook.clearContents(this.sheet, this.box);
    if (!only || options.formatOnly) this.sheet.clearFormats(this.box);
    if (!only || options.validationsOnly) this.sheet.validations.clear(this.box);
    if (options?.commentsOnly) this.sheet.notes.clear(this.box);
    return this;
  }

  // ---- formats, notes, styles ----

  getNumberFormat(): string {
    return this.ctx.workbook.readNumberFormats(this.sheet, topLeft(this.box))[0]![0] ?? AUTOMATIC_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this.ctx.workbook.readNumberFormats(this.sheet, this.box);
  }
  setNumberFormat(numberFormat: string): RangeApi {
    this.sheet.numberFormats.fill(this.box, () => numberFormat);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): RangeApi {
    checkShape(numberFormats, this.box);
    this.sheet.numberFormats.fill(this.box, (r, c) => numberFormats[r]![c]);
    return this;
  }
  getNote(): string {
    return this.sheet.notes.get(this.box.row, this.box.column) ?? "";
  }
  getNotes(): string[][] {
    return this.sheet.notes.read(this.box, (n) => n ?? "");
  }
  setNote(note: string | null): RangeApi {
    this.sheet.notes.fill(this.box, () => note || undefined);
    return this;
  }
  setNotes(notes: Array<Array<string | null>>): RangeApi {
    checkShape(notes, this.box);
    this.sheet.notes.fill(this.box, (r, c) => notes[r]![c] || undefined);
    return this;
  }
  getBackground(): string {
    return this.sheet.backgrounds.get(this.box.row, this.box.column) ?? "#ffffff";
  }
  getBackgrounds(): string[][] {
    return this.sheet.backgrounds.read(this.box, (b) => b ?? "#ffffff");
  }
  setBackground(color: string | null): RangeApi {
    this.sheet.backgrounds.fill(this.box, () => color ?? undefined);
    return this;
  }
  setBackgrounds(color: Array<Array<string | null>>): RangeApi {
    checkShape(color, this.box);
    this.sheet.backgrounds.fill(this.box, (r, c) => color[r]![c] ?? undefined);
    return this;
  }
  setFontColor(color: string | null): RangeApi {
    this.sheet.fontColors.fill(this.box, () => color ?? undefined);
    return this;
  }
  setFontColors(colors: Array<Array<string | null>>): RangeApi {
    checkShape(colors, this.box);
    this.sheet.fontColors.fill(this.box, (r, c) => colors[r]![c] ?? undefined);
    return this;
  }
  getFontWeight(): FontWeight {
    return this.sheet.fontWeights.get(this.box.row, this.box.column) ?? "normal";
  }
  getFontWeights(): FontWeight[][] {
    return this.sheet.fontWeights.read(this.box, (w) => w ?? "normal");
  }
  setFontWeight(fontWeight: FontWeight | null): RangeApi {
    this.sheet.fontWeights.fill(this.box, () => fontWeight ?? undefined);
    return this;
  }
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): RangeApi {
    checkShape(fontWeights, this.box);
    this.sheet.fontWeights.fill(this.box, (r, c) => fontWeights[r]![c] ?? undefined);
    return this;
  }
  getFontSize(): number {
    return this.sheet.fontSizes.get(this.box.row, this.box.column) ?? DEFAULT_FONT_SIZE;
  }
  setFontSize(size: number): RangeApi {
    if (!Number.isFinite(size) || size < 1 || size > 400) throw appsScriptError(`Invalid argument: size (${size})`);
    this.sheet.fontSizes.fill(this.box, () => (size === DEFAULT_FONT_SIZE ? undefined : size));
    return this;
  }
  getHorizontalAlignment(): string {
    return this.sheet.alignments.get(this.box.row, this.box.column) ?? "general";
  }
  setHorizontalAlignment(alignment: HorizontalAlignment | null): RangeApi {
    this.sheet.alignments.fill(this.box, () => alignment ?? undefined);
    return this;
  }
  getWrap(): boolean {
    return this.sheet.wraps.get(this.box.row, this.box.column) ?? false;
  }
  setWrap(isWrapEnabled: boolean): RangeApi {
    this.sheet.wraps.fill(this.box, () => isWrapEnabled);
    return this;
  }
  /**
   * Range.copyTo(destination): values, formulas, number formats, notes, data validation and text styles of
   * this range land at the destination's top-left cell, as a paste does. The emulation copies to the same
   * position on another sheet only (the summary's staging sheet → the summary), so formulas need no shifting.
   */
  copyTo(destination: RangeApi): void {
    if (!(destination instanceof RangeFacade)) throw new Error("copyTo: not a range of this emulated spreadsheet");
    if (destination.box.row !== this.box.row || destination.box.column !== this.box.column) {
      throw new Error("emulation: copyTo is emulated only to the same position on another sheet");
    }
    const target = destination.sheet;
    const box = this.box;
    this.ctx.workbook.checkBox(target, box);
    this.ctx.workbook.copyCells(this.sheet, target, box);
    for (const key of ["numberFormats", "notes", "validations", "backgrounds", "fontColors", "fontWeights", "fontSizes", "alignments", "wraps"] as const) {
      const from = this.sheet[key] as CellAttributes<unknown>;
      const to = target[key] as CellAttributes<unknown>;
      to.fill(box, (r, c) => from.get(box.row + r, box.column + c));
    }
  }
  merge(): RangeApi {
    this.sheet.merges.push({ ...this.box });
    return this;
  }

  // ---- validation and protection ----

  setDataValidation(rule: DataValidationApi | null): RangeApi {
    const record = rule === null ? undefined : validationOf(rule);
    this.sheet.validations.fill(this.box, () => record);
    return this;
  }
  getDataValidation(): DataValidationApi | null {
    const record = this.sheet.validations.get(this.box.row, this.box.column);
    return record ? new DataValidationFacade(this.ctx, record) : null;
  }
  protect(): ProtectionApi {
    const record = { type: "RANGE" as const, sheet: this.sheet, box: { ...this.box }, description: "", warningOnly: false };
    this.sheet.protections.push(record);
    return new ProtectionFacade(this.ctx, record);
  }
}

countCalls(RangeFacade, "Range");
