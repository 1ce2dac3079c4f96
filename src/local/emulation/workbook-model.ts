// The emulated spreadsheet's state and the operations on it; the Apps Script facades are thin layers over this.
import { CellValueDetailedType, DetailedCellError, type HyperFormula, type RawCellContent, type SimpleCellRange } from "hyperformula";
import type { SheetValue, WritableValue } from "../../server/apps-script-api";
import { columnToLetters, quoteSheetName, type Box } from "./a1";
import { plainEngineValue, toEngineInput, toSheetValue } from "./cell-values";
import { ENGINE_NAMES } from "./formula-engine";
import { AUTOMATIC_FORMAT, DEFAULT_DATETIME_FORMAT, DEFAULT_DATE_FORMAT, formatDisplay, isDateFormat } from "./number-format";
import { boundOpenEndedRanges, hasOpenEndedRange } from "./open-ended-ranges";
import { SheetModel } from "./sheet-model";

export interface NamedRangeModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  /** Reaches the bottom of the grid and keeps doing so as the sheet grows (`Data!C2:C`). */
  openEnded: boolean;
}

/** Apps Script reports failures as plain Errors whose message is what the user sees after "Exception: ". */
export function appsScriptError(message: string): Error {
  const error = new Error(message);
  error.name = "Exception";
  return error;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<string, NamedRangeModel>();
  activeSheet: SheetModel | undefined;
  nextChartId = 1;
  private nextSheetId = 0;
  /**
   * Formulas written while evaluation is deferred, held back from the engine so data can still be read
   * and jobs counted without computing anything (HyperFormula's own suspension refuses every read).
   */
  private deferred: { sheet: SheetModel; row: number; column: number; content: RawCellContent }[] | null = null;
  private deferredNames: Map<string, NamedRangeModel> | null = null;

  constructor(
    readonly engine: HyperFormula,
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale = "en_US",
  ) {}

  // ---- sheets ----

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  insertSheet(name?: string, index?: number): SheetModel {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    if (this.sheetByName(sheetName)) {
      throw appsScriptError(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const engineId = this.engine.getSheetId(this.engine.addSheet(sheetName));
    if (engineId === undefined) throw new Error(`engine did not create sheet ${sheetName}`);
    const sheet = new SheetModel(sheetName, this.nextSheetId++, engineId);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.activeSheet ??= sheet;
    // A formula that referred to this name before it existed now resolves.
    this.rebindOpenEndedFormulas();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) {
      throw appsScriptError("You can't remove all the sheets in a document.");
    }
    this.engine.removeSheet(sheet.engineId);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (const [key, named] of this.namedRanges) if (named.sheet === sheet) this.namedRanges.delete(key);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const clash = this.sheetByName(name);
    if (clash && clash !== sheet) {
      throw appsScriptError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const oldName = sheet.name;
    this.engine.renameSheet(sheet.engineId, name);
    sheet.name = name;
    // The engine rewrote its own formulas; the texts kept for open-ended ranges follow.
    const patterns = [`${quoteSheetName(oldName)}!`, `'${oldName.replace(/'/g, "''")}'!`];
    for (const other of this.sheets) {
      for (const [{ row, column }, text] of other.userFormulas.entries()) {
        let updated = text;
        for (const p of patterns) updated = updated.split(p).join(`${quoteSheetName(name)}!`);
        other.userFormulas.set(row, column, updated);
      }
    }
  }

  /** Grows the grid (Sheets' insertRowsAfter at the bottom, appendRow past it); open-ended ranges follow. */
  growRows(sheet: SheetModel, rows: number): void {
    sheet.maxRows += rows;
    this.rebindOpenEndedFormulas();
    for (const named of this.namedRanges.values()) {
      if (named.sheet === sheet && named.openEnded) {
        named.box = { ...named.box, numRows: sheet.maxRows - named.box.row + 1 };
        this.defineEngineName(named);
      }
    }
  }

  /** Inserts blank rows after a row (0 = at the top); formulas in the engine adjust, cell attributes move down. */
  insertRows(sheet: SheetModel, afterPosition: number, howMany: number): void {
    if (afterPosition < 0 || afterPosition > sheet.maxRows || howMany < 1) throw appsScriptError("Those rows are out of bounds.");
    if (afterPosition < this.engine.getSheetDimensions(sheet.engineId).height) {
      this.engine.addRows(sheet.engineId, [afterPosition, howMany]);
    }
    for (const store of [sheet.numberFormats, sheet.notes, sheet.backgrounds, sheet.fontColors, sheet.fontWeights, sheet.fontSizes, sheet.alignments, sheet.wraps, sheet.validations, sheet.userFormulas]) {
      store.shiftRows(afterPosition + 1, howMany);
    }
    for (const named of this.namedRanges.values()) {
      if (named.sheet !== sheet || named.openEnded) continue;
      if (named.box.row > afterPosition) named.box = { ...named.box, row: named.box.row + howMany };
      else if (named.box.row + named.box.numRows - 1 > afterPosition) named.box = { ...named.box, numRows: named.box.numRows + howMany };
      this.defineEngineName(named);
    }
    this.growRows(sheet, howMany);
  }

  /** Re-derives the engine text of every open-ended formula from the current grid sizes. */
  rebindOpenEndedFormulas(): void {
    for (const sheet of this.sheets) {
      for (const [{ row, column }, text] of sheet.userFormulas.entries()) {
        this.engine.setCellContents({ sheet: sheet.engineId, row: row - 1, col: column - 1 }, this.engineFormula(text, sheet));
      }
    }
  }

  private engineFormula(text: string, home: SheetModel): string {
    return boundOpenEndedRanges(text, (name) => (name === undefined ? home : this.sheetByName(name))?.maxRows);
  }

  // ---- bounds ----

  checkBox(sheet: SheetModel, box: Box): void {
    if (box.row < 1) throw appsScriptError("The starting row of the range is too small.");
    if (box.column < 1) throw appsScriptError("The starting column of the range is too small.");
    if (box.numRows < 1) throw appsScriptError("The number of rows in the range must be at least 1.");
    if (box.numColumns < 1) throw appsScriptError("The number of columns in the range must be at least 1.");
    if (box.row + box.numRows - 1 > sheet.maxRows || box.column + box.numColumns - 1 > sheet.maxColumns) {
      throw appsScriptError("The coordinates of the range are outside the dimensions of the sheet.");
    }
  }

  private engineRange(sheet: SheetModel, box: Box): SimpleCellRange {
    return {
      start: { sheet: sheet.engineId, row: box.row - 1, col: box.column - 1 },
      end: { sheet: sheet.engineId, row: box.row + box.numRows - 2, col: box.column + box.numColumns - 2 },
    };
  }

  /** The part of a box that can hold content at all: reads and clears beyond it are blanks. */
  private usedPart(sheet: SheetModel, box: Box): Box | undefined {
    const { width, height } = this.engine.getSheetDimensions(sheet.engineId);
    const numRows = Math.min(box.row + box.numRows - 1, height) - box.row + 1;
    const numColumns = Math.min(box.column + box.numColumns - 1, width) - box.column + 1;
    return numRows > 0 && numColumns > 0 ? { ...box, numRows, numColumns } : undefined;
  }

  private assertEvaluating(): void {
    if (this.engine.isEvaluationSuspended()) {
      throw new Error("Evaluation is suspended: call resumeEvaluation() on the emulation before reading values");
    }
  }

  /** Rows of engine values for a box, blanks past the used area included. */
  private engineValues(sheet: SheetModel, box: Box): ReturnType<HyperFormula["getRangeValues"]> {
    this.assertEvaluating();
    const used = this.usedPart(sheet, box);
    const values = used ? this.engine.getRangeValues(this.engineRange(sheet, used)) : [];
    const rows: typeof values = [];
    for (let r = 0; r < box.numRows; r++) {
      const row = values[r] ?? [];
      rows.push(row.length === box.numColumns ? row : Array.from({ length: box.numColumns }, (_, c) => row[c] ?? null));
    }
    return rows;
  }

  /** The format that decides how a cell reads: explicit, or the date format Sheets applies to a date result. */
  effectiveFormat(sheet: SheetModel, row: number, column: number, value: unknown): string | undefined {
    const explicit = sheet.numberFormats.get(row, column);
    if (explicit !== undefined || typeof value !== "number") return explicit;
    const type = this.engine.getCellValueDetailedType({ sheet: sheet.engineId, row: row - 1, col: column - 1 });
    if (type === CellValueDetailedType.NUMBER_DATE) return DEFAULT_DATE_FORMAT;
    if (type === CellValueDetailedType.NUMBER_DATETIME) return DEFAULT_DATETIME_FORMAT;
    return undefined;
  }

  readValues(sheet: SheetModel, box: Box): SheetValue[][] {
    if (sheet.unmaterialised !== null) return sheet.unmaterialised.values(box);
    return this.engineValues(sheet, box).map((row, r) =>
      row.map((value, c) => {
        const format = this.effectiveFormat(sheet, box.row + r, box.column + c, value);
        return toSheetValue(value, isDateFormat(format), this.timeZone);
      }),
    );
  }

  readDisplayValues(sheet: SheetModel, box: Box): string[][] {
    return this.engineValues(sheet, box).map((row, r) =>
      row.map((value, c) => formatDisplay(plainEngineValue(value), this.effectiveFormat(sheet, box.row + r, box.column + c, value))),
    );
  }

  readFormulas(sheet: SheetModel, box: Box): string[][] {
    const used = this.usedPart(sheet, box);
    const formulas = used ? this.engine.getRangeFormulas(this.engineRange(sheet, used)) : [];
    return Array.from({ length: box.numRows }, (_, r) =>
      Array.from({ length: box.numColumns }, (_, c) => {
        const user = sheet.userFormulas.get(box.row + r, box.column + c);
        return user ?? formulas[r]?.[c] ?? "";
      }),
    );
  }

  readNumberFormats(sheet: SheetModel, box: Box): string[][] {
    const values = this.engine.isEvaluationSuspended() ? undefined : this.engineValues(sheet, box);
    return Array.from({ length: box.numRows }, (_, r) =>
      Array.from({ length: box.numColumns }, (_, c) => {
        const value = values?.[r]?.[c] ?? null;
        return this.effectiveFormat(sheet, box.row + r, box.column + c, value) ?? AUTOMATIC_FORMAT;
      }),
    );
  }

  /** The error text behind `#ERROR!` and friends (what Sheets shows on hover), or undefined. */
  errorMessage(sheet: SheetModel, row: number, column: number): string | undefined {
    const value = this.engineValues(sheet, { row, column, numRows: 1, numColumns: 1 })[0]?.[0];
    return value !== null && typeof value === "object" ? value.message : undefined;
  }

  writeValues(sheet: SheetModel, box: Box, values: readonly (readonly WritableValue[])[]): void {
    if (sheet.unmaterialised !== null) throw new Error(`sheet "${sheet.name}" is kept outside the formula engine and cannot be written`);
    const contents: RawCellContent[][] = values.map((row, r) =>
      row.map((value, c) => {
        const cellRow = box.row + r;
        const cellColumn = box.column + c;
        const format = sheet.numberFormats.get(cellRow, cellColumn);
        const input = toEngineInput(value, this.timeZone, format);
        if (input.dateFormat && !isDateFormat(format)) {
          sheet.numberFormats.set(cellRow, cellColumn, input.dateFormat);
        } else if (input.format && format === undefined) {
          sheet.numberFormats.set(cellRow, cellColumn, input.format);
        }
        if (input.formula !== undefined && this.deferred) {
          sheet.userFormulas.set(cellRow, cellColumn, input.formula);
          this.deferred.push({ sheet, row: cellRow, column: cellColumn, content: this.engineFormula(input.formula, sheet) });
          return null;
        }
        if (input.formula !== undefined && hasOpenEndedRange(input.formula)) {
          sheet.userFormulas.set(cellRow, cellColumn, input.formula);
          return this.engineFormula(input.formula, sheet);
        }
        sheet.userFormulas.set(cellRow, cellColumn, undefined);
        return input.content;
      }),
    );
    this.engine.setCellContents({ sheet: sheet.engineId, row: box.row - 1, col: box.column - 1 }, contents);
  }

  /** Copies contents cell by cell to the same box of another sheet: formulas as written, values as they are (text stays text). */
  copyCells(from: SheetModel, to: SheetModel, box: Box): void {
    const formulas = this.readFormulas(from, box);
    const used = this.usedPart(from, box);
    const values = used ? this.engine.getRangeValues(this.engineRange(from, used)) : [];
    const contents: WritableValue[][] = formulas.map((row, r) =>
      row.map((formula, c) => {
        if (formula !== "") return formula;
        const raw = values[r]?.[c] ?? null;
        // An error value is written back as its literal (#N/A); text, even text that reads "#N/A", as text.
        if (raw instanceof DetailedCellError) return raw.value;
        return typeof raw === "string" ? `'${raw}` : raw;
      }),
    );
    this.writeValues(to, box, contents);
  }

  /** Holds back formulas written from now on: they read as blank until `resumeFormulas`. */
  deferFormulas(): void {
    this.deferred ??= [];
    this.deferredNames ??= new Map();
  }

  /** Hands the held-back formulas to the engine (whose text for open-ended ranges stays the user's). */
  resumeFormulas(): void {
    this.resumeFormulasWith(() => undefined);
  }

  /**
   * Ends the deferral with some results already known: a held-back formula whose result `known` gives gets that
   * result as its engine content (its formula text stays what getFormulas shows), every other one is computed.
   * For writing a file whose results came from elsewhere: only the formulas nobody has numbers for cost engine time.
   */
  resumeFormulasWith(known: (sheet: SheetModel, row: number, column: number) => number | string | boolean | undefined): void {
    const pending = this.deferred ?? [];
    const names = [...(this.deferredNames?.values() ?? [])];
    this.deferred = null;
    this.deferredNames = null;
    // A name only the known formulas use is not given to the engine: a name over a large data sheet would make it
    // build a vertex for every cell of its range, which nothing then reads.
    const computed = pending.filter(({ sheet, row, column }) => !sheet.deleted && known(sheet, row, column) === undefined);
    const everyFormula = computed.length === pending.filter(({ sheet }) => !sheet.deleted).length;
    const used = (name: string): boolean => everyFormula || computed.some(({ content }) => typeof content === "string" && content.toLowerCase().includes(name.toLowerCase()));
    this.engine.batch(() => {
      for (const named of names) if (!named.sheet.deleted && used(named.name)) this.defineEngineName(named);
      for (const { sheet, row, column, content } of pending) {
        if (sheet.deleted) continue;
        const value = known(sheet, row, column);
        const address = { sheet: sheet.engineId, row: row - 1, col: column - 1 };
        if (value !== undefined) {
          // Text goes in apostrophe-prefixed, so "n/a" or "1/2" is never parsed; the formula text is kept for getFormulas.
          this.engine.setCellContents(address, typeof value === "string" ? `'${value}` : value);
          continue;
        }
        this.engine.setCellContents(address, content);
        const user = sheet.userFormulas.get(row, column);
        if (user !== undefined && !hasOpenEndedRange(user)) sheet.userFormulas.set(row, column, undefined);
      }
    });
  }

  get formulasDeferred(): boolean {
    return this.deferred !== null;
  }

  isEmpty(sheet: SheetModel, row: number, column: number): boolean {
    return this.engine.isCellEmpty({ sheet: sheet.engineId, row: row - 1, col: column - 1 });
  }

  /**
   * Range.setFormula on several cells: the formula goes in the top-left cell and is filled
   * across the rest with relative references adjusted, as a paste would.
   */
  writeFormulaFilled(sheet: SheetModel, box: Box, formula: string): void {
    const first = { ...box, numRows: 1, numColumns: 1 };
    this.writeValues(sheet, first, [[formula]]);
    if (box.numRows === 1 && box.numColumns === 1) return;
    const filled = this.engine.getFillRangeData(this.engineRange(sheet, first), this.engineRange(sheet, box));
    this.engine.setCellContents({ sheet: sheet.engineId, row: box.row - 1, col: box.column - 1 }, filled);
    const user = sheet.userFormulas.get(box.row, box.column);
    // Filled copies of an open-ended formula show their engine (bounded) text; only the first keeps the user's.
    sheet.userFormulas.clear(box);
    sheet.userFormulas.set(box.row, box.column, user);
  }

  clearContents(sheet: SheetModel, box?: Box): void {
    const target = box ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    sheet.userFormulas.clear(target);
    const used = this.usedPart(sheet, target);
    if (!used) return;
    const blanks: null[][] = Array.from({ length: used.numRows }, () => new Array<null>(used.numColumns).fill(null));
    this.engine.setCellContents({ sheet: sheet.engineId, row: used.row - 1, col: used.column - 1 }, blanks);
  }

  /** Last row with a value or formula (0 when empty), as Sheet.getLastRow. */
  lastRow(sheet: SheetModel, columns?: { from: number; to: number }): number {
    if (sheet.unmaterialised !== null) return sheet.unmaterialised.rows;
    const { width, height } = this.engine.getSheetDimensions(sheet.engineId);
    const from = columns?.from ?? 1;
    const to = Math.min(columns?.to ?? width, width);
    for (let r = height; r >= 1; r--) {
      for (let c = from; c <= to; c++) {
        if (!this.engine.isCellEmpty({ sheet: sheet.engineId, row: r - 1, col: c - 1 })) return r;
      }
    }
    return 0;
  }

  lastColumn(sheet: SheetModel): number {
    if (sheet.unmaterialised !== null) return sheet.unmaterialised.columns;
    const { width, height } = this.engine.getSheetDimensions(sheet.engineId);
    for (let c = width; c >= 1; c--) {
      for (let r = 1; r <= height; r++) {
        if (!this.engine.isCellEmpty({ sheet: sheet.engineId, row: r - 1, col: c - 1 })) return c;
      }
    }
    return 0;
  }

  // ---- named ranges ----

  private defineEngineName(named: NamedRangeModel): void {
    // Defining a name over a long column costs the engine time in proportion to its length: defer it too.
    if (this.deferredNames) {
      this.deferredNames.set(named.name.toLowerCase(), named);
      return;
    }
    const { box, sheet } = named;
    const absolute = (row: number, column: number) => `$${columnToLetters(column)}$${row}`;
    const start = absolute(box.row, box.column);
    const end = absolute(box.row + box.numRows - 1, box.column + box.numColumns - 1);
    const expression = `=${quoteSheetName(sheet.name)}!${start}:${end}`;
    if (this.engine.isItPossibleToChangeNamedExpression(named.name, expression)) {
      this.engine.changeNamedExpression(named.name, expression);
    } else {
      this.engine.addNamedExpression(named.name, expression);
    }
  }

  setNamedRange(name: string, sheet: SheetModel, box: Box, openEnded: boolean): void {
    // Sheets' rule: letters, digits, underscores and dots, not starting with a digit, not a cell reference.
    const valid = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !ENGINE_NAMES.has(name.toUpperCase());
    if (!valid) throw appsScriptError(`Named range name "${name}" is invalid.`);
    const named: NamedRangeModel = { name, sheet, box, openEnded };
    const existing = this.namedRanges.get(name.toLowerCase());
    if (existing && this.engine.getNamedExpression(existing.name)) this.engine.removeNamedExpression(existing.name);
    this.namedRanges.set(name.toLowerCase(), named);
    this.defineEngineName(named);
  }

  namedRange(name: string): NamedRangeModel | undefined {
    return this.namedRanges.get(name.toLowerCase());
  }

  removeNamedRange(name: string): void {
    const named = this.namedRange(name);
    if (!named) throw appsScriptError(`Named range "${name}" not found.`);
    this.deferredNames?.delete(name.toLowerCase());
    if (this.engine.getNamedExpression(named.name)) this.engine.removeNamedExpression(named.name);
    this.namedRanges.delete(name.toLowerCase());
  }

  renameNamedRange(named: NamedRangeModel, name: string): void {
    this.removeNamedRange(named.name);
    this.setNamedRange(name, named.sheet, named.box, named.openEnded);
  }
}
