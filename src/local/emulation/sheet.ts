// Sheet: one tab of the emulated spreadsheet; ranges, grid size, charts, rules and protections hang off it.
import type {
  ConditionalFormatRuleApi,
  EmbeddedChartApi,
  EmbeddedChartBuilderApi,
  ProtectionApi,
  ProtectionType,
  RangeApi,
  SheetApi,
  SpreadsheetApi,
  WritableValue,
} from "../../server/apps-script-api";
import { parseA1, type Box } from "./a1";
import { countCalls } from "./call-counter";
import { EmbeddedChartBuilderFacade, EmbeddedChartFacade } from "./charts";
import { ConditionalFormatRuleFacade } from "./conditional-format";
import type { EmulationContext } from "./context";
import { ProtectionFacade } from "./protection";
import { RangeFacade } from "./range";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type SheetModel } from "./sheet-model";
import { SpreadsheetFacade } from "./spreadsheet";
import { appsScriptError } from "./workbook-model";

/**
 * Resolves A1 notation as Apps Script does: `C2:C` runs to the last row of the grid,
 * `C:C` is whole columns, `2:3` whole rows; a sheet prefix picks another sheet.
 */
export function rangeFromA1(ctx: EmulationContext, home: SheetModel, a1: string): RangeFacade {
  const ref = parseA1(a1);
  const sheet = ref?.sheetName === undefined ? home : ctx.workbook.sheetByName(ref.sheetName);
  if (!ref || !sheet) throw appsScriptError("Range not found");
  const startRow = ref.startRow ?? 1;
  const startColumn = ref.startColumn ?? 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  const box: Box = {
    row: Math.min(startRow, endRow),
    column: Math.min(startColumn, endColumn),
    numRows: Math.abs(endRow - startRow) + 1,
    numColumns: Math.abs(endColumn - startColumn) + 1,
  };
  ctx.workbook.checkBox(sheet, box);
  return new RangeFacade(ctx, sheet, box, ref.endRow === undefined);
}

export function sheetModelOf(sheet: SheetApi): SheetModel {
  if (!(sheet instanceof SheetFacade) || sheet.model.deleted) throw appsScriptError("Sheet not found");
  return sheet.model;
}

function chartRecordOf(chart: EmbeddedChartApi): EmbeddedChartFacade {
  if (!(chart instanceof EmbeddedChartFacade)) throw new Error("not a chart built by this emulated spreadsheet");
  return chart;
}

export class SheetFacade implements SheetApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly model: SheetModel) {
    this.calls = ctx.calls;
  }

  getName(): string {
    return this.model.name;
  }
  setName(name: string): SheetApi {
    this.ctx.workbook.renameSheet(this.model, name);
    return this;
  }
  getSheetId(): number {
    return this.model.sheetId;
  }
  getIndex(): number {
    return this.ctx.workbook.sheets.indexOf(this.model) + 1;
  }
  getParent(): SpreadsheetApi {
    return new SpreadsheetFacade(this.ctx);
  }
  activate(): SheetApi {
    this.ctx.workbook.activeSheet = this.model;
    return this;
  }
  getLastRow(): number {
    return this.ctx.workbook.lastRow(this.model);
  }
  getLastColumn(): number {
    return this.ctx.workbook.lastColumn(this.model);
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): RangeApi {
    if (typeof a1OrRow === "string") return rangeFromA1(this.ctx, this.model, a1OrRow);
    if (column === undefined) {
      throw appsScriptError("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    const box = { row: a1OrRow, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 };
    this.ctx.workbook.checkBox(this.model, box);
    return new RangeFacade(this.ctx, this.model, box);
  }
  getDataRange(): RangeApi {
    const numRows = Math.max(1, this.ctx.workbook.lastRow(this.model));
    const numColumns = Math.max(1, this.ctx.workbook.lastColumn(this.model));
    return new RangeFacade(this.ctx, this.model, { row: 1, column: 1, numRows, numColumns });
  }

  appendRow(rowContents: WritableValue[]): SheetApi {
    const row = this.ctx.workbook.lastRow(this.model) + 1;
    if (row > this.model.maxRows) this.ctx.workbook.growRows(this.model, row - this.model.maxRows);
    if (rowContents.length > this.model.maxColumns) this.model.maxColumns = rowContents.length;
    if (rowContents.length > 0) {
      this.ctx.workbook.writeValues(this.model, { row, column: 1, numRows: 1, numColumns: rowContents.length }, [rowContents]);
    }
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): SheetApi {
    this.ctx.workbook.insertRows(this.model, afterPosition, howMany);
    return this;
  }
  /** Emulated at the right edge only (growing the grid), which is all the add-on does. */
  insertColumnsAfter(afterPosition: number, howMany: number): SheetApi {
    if (afterPosition !== this.model.maxColumns) throw new Error("emulation: insertColumnsAfter is emulated after the last column only");
    if (howMany < 1) throw appsScriptError("Those columns are out of bounds.");
    this.model.maxColumns += howMany;
    return this;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): SheetApi {
    const only = options && (options.formatOnly || options.contentsOnly);
    if (!only || options.contentsOnly) this.ctx.workbook.clearContents(this.model);
    if (!only || options.formatOnly) this.model.clearFormats();
    if (!only) {
      this.model.notes.clear();
      this.model.validations.clear();
    }
    return this;
  }
  clearContents(): SheetApi {
    this.ctx.workbook.clearContents(this.model);
    return this;
  }
  clearFormats(): SheetApi {
    this.model.clearFormats();
    return this;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.model.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    this.model.frozenColumns = columns;
  }
  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): SheetApi {
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetApi {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }  getRowHeight(rowPosition: number): number {
    return this.model.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): SheetApi {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): SheetApi {
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this.model.maxRows) throw appsScriptError("Those rows are out of bounds.");
    for (let r = startRow; r < startRow + numRows; r++) this.model.rowHeights.set(r, height);
    return this;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }
  showSheet(): SheetApi {
    this.model.hidden = false;
    return this;
  }
  hideSheet(): SheetApi {
    if (this.ctx.workbook.sheets.filter((s) => !s.hidden).length <= 1) {
      throw appsScriptError("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this;
  }

  newChart(): EmbeddedChartBuilderApi {
    return new EmbeddedChartBuilderFacade(this.ctx, this.model);
  }
  insertChart(chart: EmbeddedChartApi): void {
    const record = chartRecordOf(chart).record;
    if (!this.model.charts.some((c) => c.chartId === record.chartId)) this.model.charts.push(record);
  }
  updateChart(chart: EmbeddedChartApi): void {
    const record = chartRecordOf(chart).record;
    const at = this.model.charts.findIndex((c) => c.chartId === record.chartId);
    if (at < 0) throw appsScriptError("The chart does not exist on this sheet.");
    this.model.charts[at] = record;
  }
  removeChart(chart: EmbeddedChartApi): void {
    const record = chartRecordOf(chart).record;
    const at = this.model.charts.findIndex((c) => c.chartId === record.chartId);
    if (at >= 0) this.model.charts.splice(at, 1);
  }
  getCharts(): EmbeddedChartApi[] {
    return this.model.charts.map((record) => new EmbeddedChartFacade(this.ctx, this.model, record));
  }

  getConditionalFormatRules(): ConditionalFormatRuleApi[] {
    return this.model.conditionalRules.map((record) => new ConditionalFormatRuleFacade(this.ctx, record));
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void {
    this.model.conditionalRules = rules.map((rule) => {
      if (!(rule instanceof ConditionalFormatRuleFacade)) throw new Error("not a rule built by this emulated spreadsheet");
      return rule.record;
    });
  }
  clearConditionalFormatRules(): void {
    this.model.conditionalRules = [];
  }

  protect(): ProtectionApi {
    // A sheet has at most one sheet protection; protect() again hands back the same one.
    let record = this.model.protections.find((p) => p.type === "SHEET");
    if (!record) {
      record = { type: "SHEET", sheet: this.model, box: null, description: "", warningOnly: false };
      this.model.protections.push(record);
    }
    return new ProtectionFacade(this.ctx, record);
  }
  getProtections(type: ProtectionType): ProtectionApi[] {
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((record) => new ProtectionFacade(this.ctx, record));
  }
}

countCalls(SheetFacade, "Sheet");
