// What the preview's grid draws for a sheet, read from the emulated workbook: its layout, and each cell's text, kind, style, note, dropdown and sparkline as Sheets would show them.
import { DetailedCellError, type SimpleCellAddress } from "hyperformula";
import type { Box } from "../emulation/a1";
import { cellA1 } from "../emulation/a1";
import { toEngineInput } from "../emulation/cell-values";
import { conditionalStyles } from "../emulation/conditional-display";
import { serialParts } from "../emulation/dates";
import { formatColor, isDateFormat } from "../emulation/number-format";
import { RangeFacade } from "../emulation/range";
import { DEFAULT_COLUMN_WIDTH, type SheetModel, type ValidationRecord } from "../emulation/sheet-model";
import type { WorkbookModel } from "../emulation/workbook-model";
import { sparklineAt, type SparklineData } from "../formula-engine/sparkline-plugin";
import { spillBlockMessage } from "../formula-engine/spill-sizing";

export type CellKind = "empty" | "number" | "text" | "boolean" | "error";

export interface CellView {
  /** The display value, through the cell's number format. */
  text: string;
  kind: CellKind;
  /** What the formula bar shows for a value (not a formula): it enters the same value again if committed unchanged. */
  input: string;
  formula?: string;
  /** A1 of the formula whose result spilled into this cell (Sheets shows that formula, greyed, in the bar). */
  spilledFrom?: string;
  /** The message behind an error, shown on hover. */
  error?: string;
  note?: string;
  background?: string;
  color?: string;
  bold?: boolean;
  /** Points, when not Sheets' default 10. */
  fontSize?: number;
  align?: "left" | "center" | "right";
  wrap?: boolean;
  /** A list validation: its choices, and whether other input is refused. */
  dropdown?: { options: string[]; strict: boolean };
  checkbox?: boolean;
  /** Why the cell's value breaks its validation (Sheets marks such a cell). */
  invalid?: string;
  sparkline?: SparklineData;
}

export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  frozenRows: number;
  /** Pixels per column, first column first. */
  columnWidths: number[];
  /** Heights the add-on set, by row number; other rows are 21 px or fit their wrapped text. */
  rowHeights: Record<string, number>;
  merges: Box[];
}

export interface GridPage {
  sheet: string;
  startRow: number;
  startColumn: number;
  rows: number;
  columns: number;
  cells: CellView[][];
}

/** Google's list validations read their choices from a list or a range; the choices shown are their texts. */
function dropdownOf(workbook: WorkbookModel, rule: ValidationRecord): CellView["dropdown"] | undefined {
  const [source, showDropdown] = rule.values;
  if (showDropdown === false) return undefined;
  let options: string[] = [];
  if (rule.criteria === "VALUE_IN_LIST" && Array.isArray(source)) options = source.map(String);
  else if (rule.criteria === "VALUE_IN_RANGE" && source instanceof RangeFacade) {
    options = workbook.readDisplayValues(source.sheet, source.box).flat().filter((t) => t !== "");
  } else return undefined;
  return { options: [...new Set(options)], strict: !rule.allowInvalid };
}

function kindOf(value: unknown): CellKind {
  if (value === null || value === undefined || value === "") return "empty";
  if (value instanceof DetailedCellError) return "error";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "text";
}

const two = (n: number) => String(n).padStart(2, "0");

/** A value as the formula bar shows it, so that Enter on an unchanged bar writes the same value back. */
function inputOf(workbook: WorkbookModel, sheet: SheetModel, row: number, column: number, value: unknown): string {
  if (value === null || value === undefined || value instanceof DetailedCellError) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!isDateFormat(workbook.effectiveFormat(sheet, row, column, value))) return String(value);
    const p = serialParts(value);
    const date = `${p.year}-${two(p.month)}-${two(p.day)}`;
    return Number.isInteger(value) ? date : `${date} ${two(p.hours)}:${two(p.minutes)}:${two(p.seconds)}`;
  }
  const text = String(value);
  // Text that typing would turn into a number, date, boolean or formula keeps Sheets' apostrophe.
  return toEngineInput(text, workbook.timeZone).content === `'${text}` ? text : `'${text}`;
}

export function sheetView(sheet: SheetModel): SheetView {
  return {
    name: sheet.name,
    rows: sheet.maxRows,
    columns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    columnWidths: Array.from({ length: sheet.maxColumns }, (_, i) => sheet.columnWidths.get(i + 1) ?? DEFAULT_COLUMN_WIDTH),
    rowHeights: Object.fromEntries([...sheet.rowHeights].filter(([row]) => row <= sheet.maxRows).map(([row, h]) => [String(row), h])),
    merges: sheet.merges.map((m) => ({ ...m })),
  };
}

/** The arrays (spilled results) on a sheet, as boxes with their formula's cell. */
function spillsOn(workbook: WorkbookModel, sheet: SheetModel): { anchor: SimpleCellAddress; rows: number; columns: number }[] {
  const out: { anchor: SimpleCellAddress; rows: number; columns: number }[] = [];
  for (const vertex of workbook.engine.dependencyGraph.arrayMapping.arrayMapping.values()) {
    const range = (vertex as unknown as { getRange(): { start: SimpleCellAddress; end: SimpleCellAddress } }).getRange();
    if (range.start.sheet !== sheet.engineId) continue;
    out.push({ anchor: range.start, rows: range.end.row - range.start.row + 1, columns: range.end.col - range.start.col + 1 });
  }
  return out;
}

export function gridPage(workbook: WorkbookModel, sheet: SheetModel, box: Box): GridPage {
  const engine = workbook.engine;
  const display = workbook.readDisplayValues(sheet, box);
  const formulas = workbook.readFormulas(sheet, box);
  const conditional = conditionalStyles(workbook, sheet, box);
  const spills = spillsOn(workbook, sheet).filter((s) => s.rows * s.columns > 1);
  const cells: CellView[][] = [];
  for (let r = 0; r < box.numRows; r++) {
    const line: CellView[] = [];
    for (let c = 0; c < box.numColumns; c++) {
      const row = box.row + r;
      const column = box.column + c;
      const address = { sheet: sheet.engineId, row: row - 1, col: column - 1 };
      const value = engine.getCellValue(address);
      const cell: CellView = { text: display[r][c], kind: kindOf(value), input: inputOf(workbook, sheet, row, column, value) };
      const formula = formulas[r][c];
      if (formula !== "") cell.formula = formula;
      else {
        const spill = spills.find((s) => row - 1 >= s.anchor.row && row - 1 < s.anchor.row + s.rows && column - 1 >= s.anchor.col && column - 1 < s.anchor.col + s.columns);
        if (spill) cell.spilledFrom = cellA1(spill.anchor.row + 1, spill.anchor.col + 1);
      }
      if (value instanceof DetailedCellError) cell.error = spillBlockMessage(engine, address) ?? value.message;
      const note = sheet.notes.get(row, column);
      if (note) cell.note = note;
      const style = conditional[r][c];
      const background = style?.background ?? sheet.backgrounds.get(row, column);
      if (background) cell.background = background;
      const plain = value instanceof DetailedCellError ? null : (value as number | string | boolean | null);
      const color = style?.fontColor ?? formatColor(plain, workbook.effectiveFormat(sheet, row, column, value)) ?? sheet.fontColors.get(row, column);
      if (color) cell.color = color;
      const bold = style?.bold ?? (sheet.fontWeights.get(row, column) === "bold" ? true : undefined);
      if (bold) cell.bold = true;
      const fontSize = sheet.fontSizes.get(row, column);
      if (fontSize !== undefined) cell.fontSize = fontSize;
      const align = sheet.alignments.get(row, column);
      if (align && align !== "normal") cell.align = align;
      if (sheet.wraps.get(row, column)) cell.wrap = true;
      const rule = sheet.validations.get(row, column);
      if (rule) {
        if (rule.criteria === "CHECKBOX") cell.checkbox = value === true;
        const dropdown = dropdownOf(workbook, rule);
        if (dropdown) {
          cell.dropdown = dropdown;
          const typed = display[r][c];
          if (typed !== "" && !dropdown.options.includes(typed)) cell.invalid = "Input must be an item on the specified list.";
        }
      }
      if (formula !== "" && /\bSPARKLINE\s*\(/i.test(formula) && value === "") {
        const sparkline = sparklineAt(engine, address);
        if (sparkline) cell.sparkline = sparkline;
      }
      line.push(cell);
    }
    cells.push(line);
  }
  return { sheet: sheet.name, startRow: box.row, startColumn: box.column, rows: box.numRows, columns: box.numColumns, cells };
}
