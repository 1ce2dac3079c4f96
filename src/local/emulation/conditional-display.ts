// Evaluates a sheet's recorded conditional format rules for display: what colour and weight Sheets would give each cell of a box.
import { DetailedCellError } from "hyperformula";
import type { Box } from "./a1";
import { shiftFormula } from "./formula-shift";
import type { ConditionalRuleRecord, GradientPoint, GradientRecord, SheetModel } from "./sheet-model";
import type { WorkbookModel } from "./workbook-model";

export interface ConditionalStyle {
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

type Raw = number | string | boolean | null;

/** Sheets' own default colour scale: white to its green. */
const DEFAULT_MIN = "#ffffff";
const DEFAULT_MAX = "#57bb8a";

function rawValue(workbook: WorkbookModel, sheet: SheetModel, row: number, column: number): Raw {
  const value = workbook.engine.getCellValue({ sheet: sheet.engineId, row: row - 1, col: column - 1 });
  if (value instanceof DetailedCellError) return value.value;
  return value as Raw;
}

function inBox(box: Box, row: number, column: number): boolean {
  return row >= box.row && row < box.row + box.numRows && column >= box.column && column < box.column + box.numColumns;
}

function intersect(a: Box, b: Box): Box | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.numRows, b.row + b.numRows) - 1;
  const lastColumn = Math.min(a.column + a.numColumns, b.column + b.numColumns) - 1;
  return lastRow >= row && lastColumn >= column ? { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 } : null;
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function textOf(value: Raw): string {
  return value === null ? "" : String(value);
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return truthy(value[0]?.[0]);
  return value === true || (typeof value === "number" && value !== 0);
}

/** Whether a boolean rule holds for one cell; a criterion the preview does not know never holds. */
function holds(rule: ConditionalRuleRecord, value: Raw, customFormula: () => unknown): boolean {
  const [a, b] = rule.values;
  const text = textOf(value).toLowerCase();
  const wanted = textOf((a ?? null) as Raw).toLowerCase();
  const n = typeof value === "number" ? value : null;
  const x = asNumber(a);
  const y = asNumber(b);
  switch (rule.criteria) {
    case "CELL_EMPTY":
      return value === null || value === "";
    case "CELL_NOT_EMPTY":
      return value !== null && value !== "";
    case "TEXT_EQUAL_TO":
      return text === wanted;
    case "TEXT_CONTAINS":
      return text.includes(wanted);
    case "TEXT_DOES_NOT_CONTAIN":
      return !text.includes(wanted);
    case "TEXT_STARTS_WITH":
      return text.startsWith(wanted);
    case "TEXT_ENDS_WITH":
      return text.endsWith(wanted);
    case "NUMBER_GREATER_THAN":
      return n !== null && x !== null && n > x;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n !== null && x !== null && n >= x;
    case "NUMBER_LESS_THAN":
      return n !== null && x !== null && n < x;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n !== null && x !== null && n <= x;
    case "NUMBER_EQUAL_TO":
      return n !== null && x !== null && n === x;
    case "NUMBER_NOT_EQUAL_TO":
      return n !== null && x !== null && n !== x;
    case "NUMBER_BETWEEN":
      return n !== null && x !== null && y !== null && n >= Math.min(x, y) && n <= Math.max(x, y);
    case "NUMBER_NOT_BETWEEN":
      return n !== null && x !== null && y !== null && (n < Math.min(x, y) || n > Math.max(x, y));
    case "CUSTOM_FORMULA":
      return truthy(customFormula());
    default:
      return false;
  }
}

function rgb(color: string): [number, number, number] | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!hex) return null;
  const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

function mix(from: string, to: string, t: number): string {
  const a = rgb(from) ?? [255, 255, 255];
  const b = rgb(to) ?? [255, 255, 255];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * Math.min(1, Math.max(0, t))));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** A colour scale over the numbers of its ranges: each point's value, then a colour for any number. */
function scaleOf(gradient: GradientRecord, numbers: number[]): ((n: number) => string) | null {
  if (numbers.length === 0) return null;
  const sorted = [...numbers].sort((p, q) => p - q);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const at = (point: GradientPoint): number => {
    const v = Number(point.value);
    switch (point.type) {
      case "MIN":
        return min;
      case "MAX":
        return max;
      case "PERCENT":
        return min + ((max - min) * v) / 100;
      case "PERCENTILE":
        return percentile(sorted, v);
      default:
        return v;
    }
  };
  const low = { value: gradient.min ? at(gradient.min) : min, color: gradient.min?.color ?? DEFAULT_MIN };
  const high = { value: gradient.max ? at(gradient.max) : max, color: gradient.max?.color ?? DEFAULT_MAX };
  const mid = gradient.mid ? { value: at(gradient.mid), color: gradient.mid.color } : null;
  const between = (n: number, from: typeof low, to: typeof low) => mix(from.color, to.color, to.value === from.value ? 1 : (n - from.value) / (to.value - from.value));
  return (n) => {
    if (mid === null) return between(n, low, high);
    return n <= mid.value ? between(n, low, mid) : between(n, mid, high);
  };
}

/**
 * The conditional style of every cell of `box` (null where no rule applies). As in Sheets, rules are
 * tried in order and the first that applies to a cell decides its style; a custom formula is read
 * relative to the top-left cell of the rule's first range.
 */
export function conditionalStyles(workbook: WorkbookModel, sheet: SheetModel, box: Box): (ConditionalStyle | null)[][] {
  const out: (ConditionalStyle | null)[][] = Array.from({ length: box.numRows }, () => new Array<ConditionalStyle | null>(box.numColumns).fill(null));
  for (const rule of sheet.conditionalRules) {
    const ranges = rule.ranges.filter((r) => r.sheet === sheet).map((r) => r.box);
    const parts = ranges.map((r) => intersect(r, box)).filter((p): p is Box => p !== null);
    if (parts.length === 0) continue;
    const origin = ranges[0];
    let scale: ((n: number) => string) | null = null;
    if (rule.gradient) {
      const numbers: number[] = [];
      for (const range of ranges) {
        for (const row of workbook.readValues(sheet, range)) for (const v of row) if (typeof v === "number") numbers.push(v);
      }
      scale = scaleOf(rule.gradient, numbers);
      if (scale === null) continue;
    }
    for (const part of parts) {
      for (let r = part.row; r < part.row + part.numRows; r++) {
        for (let c = part.column; c < part.column + part.numColumns; c++) {
          const slot = out[r - box.row];
          if (slot[c - box.column] !== null || !ranges.some((range) => inBox(range, r, c))) continue;
          const value = rawValue(workbook, sheet, r, c);
          if (scale) {
            if (typeof value === "number") slot[c - box.column] = { background: scale(value) };
            continue;
          }
          const custom = () => {
            const formula = String(rule.values[0] ?? "");
            try {
              return workbook.engine.calculateFormula(shiftFormula(formula, r - origin.row, c - origin.column), sheet.engineId);
            } catch {
              return false;
            }
          };
          if (!holds(rule, value, custom)) continue;
          const style: ConditionalStyle = {};
          if (rule.background) style.background = rule.background;
          if (rule.fontColor) style.fontColor = rule.fontColor;
          if (rule.bold !== null) style.bold = rule.bold;
          slot[c - box.column] = style;
        }
      }
    }
  }
  return out;
}
