// Data validation and conditional format rules between the emulation's records and an .xlsx sheet's.
import type ExcelJS from "exceljs";
import { boxA1, columnToLetters, parseA1, quoteSheetName, type Box } from "./a1";
import type { ConditionalRuleRecord, GradientPoint, GradientRecord, SheetModel, ValidationRecord } from "./sheet-model";
import { SETUP_SHEET_NAME } from "../../server/setup-sheet-format";
import { addXlfnPrefixes, stripXlfnPrefixes } from "./xlsx-functions";
import type { SetupLists } from "./xlsx-setup-sheet";

/** What exceljs keeps on a worksheet but does not declare in its types. */
export interface WorksheetRules {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

export function rulesOf(ws: ExcelJS.Worksheet): WorksheetRules {
  return ws as unknown as WorksheetRules;
}

/** Excel's limit on an inline list ("a,b,c" with its quotes). */
const INLINE_LIST_MAX = 255;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function absoluteA1({ row, column, numRows, numColumns }: Box): string {
  const cell = (r: number, c: number) => `$${columnToLetters(c)}$${r}`;
  return `${cell(row, column)}:${cell(row + numRows - 1, column + numColumns - 1)}`;
}

/** A Range argument of a rule (requireValueInRange) as an absolute, sheet-qualified reference. */
function rangeText(value: unknown): string | null {
  const range = value as { sheet?: SheetModel; box?: Box } | null;
  if (!range?.sheet || !range.box) return null;
  return `${quoteSheetName(range.sheet.name)}!${absoluteA1(range.box)}`;
}

/** A validation record as comparable text: equal texts mean the same rule. */
export function validationKey(record: ValidationRecord | undefined): string {
  if (record === undefined) return "";
  const values = record.values.map((v) => rangeText(v) ?? v);
  return JSON.stringify([record.criteria, values, record.allowInvalid, record.helpText ?? null]);
}

/** The emulation's rule as an .xlsx data validation, or undefined for a criterion the format cannot express. */
export function toXlsxValidation(record: ValidationRecord, lists: SetupLists): ExcelJS.DataValidation | undefined {
  const base = {
    allowBlank: true,
    showErrorMessage: !record.allowInvalid,
    ...(record.helpText ? { showInputMessage: true, prompt: record.helpText } : {}),
  };
  const [a, b] = record.values;
  switch (record.criteria) {
    case "VALUE_IN_LIST": {
      const items = (Array.isArray(a) ? a : []).map(String);
      const inline = quoted(items.join(","));
      // An item with a comma or quote cannot be spelt inline; a long list exceeds the format's limit.
      const fits = inline.length <= INLINE_LIST_MAX && !items.some((i) => i.includes(",") || i.includes('"'));
      return { ...base, type: "list", formulae: [fits ? inline : lists.reference(items)] };
    }
    case "VALUE_IN_RANGE": {
      const ref = rangeText(a);
      return ref === null ? undefined : { ...base, type: "list", formulae: [ref] };
    }
    case "CHECKBOX":
      return { ...base, type: "list", formulae: ['"TRUE,FALSE"'] };
    case "NUMBER_BETWEEN":
      return { ...base, type: "decimal", operator: "between", formulae: [Number(a), Number(b)] };
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [Number(a)] };
    case "DATE_IS_VALID_DATE":
      return { ...base, type: "date", operator: "greaterThanOrEqual", formulae: [1] };
    case "CUSTOM_FORMULA":
      return { ...base, type: "custom", formulae: [addXlfnPrefixes(String(a ?? "").replace(/^=/, ""))] };
    default:
      return undefined;
  }
}

/** A list rule whose items are a row of the setup sheet (written so because they were too long to spell inline). */
const SETUP_LIST = new RegExp(`^'?${SETUP_SHEET_NAME}'?!\\$C\\$(\\d+):\\$[A-Z]+\\$\\1$`);

export function isSetupListValidation(validation: ExcelJS.DataValidation | undefined): boolean {
  return validation?.type === "list" && SETUP_LIST.test(String(validation.formulae?.[0] ?? ""));
}

/**
 * The emulation's view of a file's validation: inline lists, and lists kept in the setup sheet (`listRow`
 * gives a row's items); any other rule stays in the file untouched.
 */
export function fromXlsxValidation(validation: ExcelJS.DataValidation | undefined, listRow: (row: number) => string[] | undefined = () => undefined): ValidationRecord | undefined {
  if (validation?.type !== "list") return undefined;
  const formula = String(validation.formulae?.[0] ?? "");
  const inline = /^"((?:[^"]|"")*)"$/.exec(formula);
  const setup = SETUP_LIST.exec(formula);
  const items = inline !== null ? inline[1].replace(/""/g, '"').split(",") : setup !== null ? listRow(Number(setup[1])) : undefined;
  if (items === undefined) return undefined;
  return { criteria: "VALUE_IN_LIST", values: [items, true], allowInvalid: validation.showErrorMessage !== true, helpText: validation.prompt ?? null };
}

function argb(hex: string | null): string | undefined {
  const m = hex === null ? null : /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

function ruleStyle(record: ConditionalRuleRecord): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const background = argb(record.background);
  if (background !== undefined) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: background } };
  const color = argb(record.fontColor);
  if (color !== undefined || record.bold !== null) {
    style.font = { ...(color !== undefined ? { color: { argb: color } } : {}), ...(record.bold !== null ? { bold: record.bold } : {}) };
  }
  return style;
}

/** A rule without its priority, kept per rule type (a plain Omit over the union would lose every type's own fields). */
type RuleBody = ExcelJS.ConditionalFormattingRule extends infer R ? (R extends unknown ? Omit<R, "priority"> : never) : never;

/** Sheets' interpolation types as the .xlsx colour-scale value types (cfvo). */
const SCALE_POINT: Record<string, ExcelJS.CfvoTypes> = { MIN: "min", MAX: "max", NUMBER: "num", PERCENT: "percent", PERCENTILE: "percentile" };

/** A Sheets colour scale (the cohort heat map) as the .xlsx colorScale rule Excel and LibreOffice draw. */
function colourScale(gradient: GradientRecord): RuleBody | undefined {
  const points = [gradient.min, gradient.mid, gradient.max].filter((p): p is GradientPoint => p !== null);
  const colours = points.map((p) => argb(p.color));
  if (points.length < 2 || colours.some((c) => c === undefined)) return undefined;
  return {
    type: "colorScale",
    cfvo: points.map((p) => {
      const type = SCALE_POINT[p.type] ?? "num";
      return type === "min" || type === "max" ? { type } : { type, value: Number(p.value) };
    }),
    color: colours.map((argbColour) => ({ argb: argbColour })),
  };
}

function ruleBody(record: ConditionalRuleRecord): RuleBody | undefined {
  if (record.gradient) return colourScale(record.gradient);
  const [a, b] = record.values;
  switch (record.criteria) {
    case "TEXT_EQUAL_TO":
      return { type: "cellIs", operator: "equal", formulae: [quoted(String(a ?? ""))] };
    case "TEXT_CONTAINS":
      return { type: "containsText", operator: "containsText", text: String(a ?? "") };
    case "NUMBER_GREATER_THAN":
      return { type: "cellIs", operator: "greaterThan", formulae: [Number(a)] };
    case "NUMBER_LESS_THAN":
      return { type: "cellIs", operator: "lessThan", formulae: [Number(a)] };
    case "NUMBER_BETWEEN":
      return { type: "cellIs", operator: "between", formulae: [Number(a), Number(b)] };
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      // exceljs's types list four operators; the format (and exceljs's writer) has this one too.
      return { type: "cellIs", operator: "greaterThanOrEqual" as ExcelJS.CellIsOperators, formulae: [Number(a)] };
    case "CELL_EMPTY":
      return { type: "containsText", operator: "containsBlanks" };
    case "CELL_NOT_EMPTY":
      return { type: "containsText", operator: "notContainsBlanks" };
    case "CUSTOM_FORMULA":
      return { type: "expression", formulae: [addXlfnPrefixes(String(a ?? "").replace(/^=/, ""))] };
    default:
      return undefined;
  }
}

/** The sheet's conditional format rules as .xlsx conditional formattings, in priority order. */
export function toXlsxConditionalFormats(sheet: SheetModel, records: readonly ConditionalRuleRecord[]): ExcelJS.ConditionalFormattingOptions[] {
  const out: ExcelJS.ConditionalFormattingOptions[] = [];
  records.forEach((record, index) => {
    const body = ruleBody(record);
    const boxes = record.ranges.filter((r) => r.sheet === sheet).map((r) => boxA1(r.box));
    if (body === undefined || boxes.length === 0) return;
    const style = body.type === "colorScale" ? {} : { style: ruleStyle(record) };
    out.push({ ref: boxes.join(" "), rules: [{ ...body, priority: index + 1, ...style } as ExcelJS.ConditionalFormattingRule] });
  });
  return out;
}

function hexOfArgb(color: Partial<ExcelJS.Color> | undefined): string | null {
  const value = color?.argb;
  return typeof value === "string" && /^[0-9A-Fa-f]{8}$/.test(value) ? `#${value.slice(2).toLowerCase()}` : null;
}

function unquoted(formula: unknown): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(String(formula ?? ""));
  return m === null ? null : m[1].replace(/""/g, '"');
}

const FROM_SCALE_POINT: Record<string, string> = { min: "MIN", max: "MAX", num: "NUMBER", percent: "PERCENT", percentile: "PERCENTILE" };

/** A file's rule as the emulation's record, or undefined for one it cannot express (the file keeps it while the sheet's rules are unchanged). */
function fromXlsxRule(rule: ExcelJS.ConditionalFormattingRule, ranges: ConditionalRuleRecord["ranges"]): ConditionalRuleRecord | undefined {
  const style = (rule as { style?: Partial<ExcelJS.Style> }).style;
  const fill = style?.fill as { bgColor?: Partial<ExcelJS.Color>; fgColor?: Partial<ExcelJS.Color> } | undefined;
  const base: ConditionalRuleRecord = {
    criteria: null, values: [], ranges,
    background: hexOfArgb(fill?.bgColor) ?? hexOfArgb(fill?.fgColor),
    fontColor: hexOfArgb(style?.font?.color),
    bold: typeof style?.font?.bold === "boolean" ? style.font.bold : null,
  };
  if (rule.type === "colorScale") {
    const points = (rule.cfvo ?? []).map((p, i) => ({ color: hexOfArgb(rule.color?.[i]) ?? "", type: FROM_SCALE_POINT[p.type] ?? "NUMBER", value: p.value === undefined ? "" : String(p.value) }));
    if (points.length < 2 || points.some((p) => p.color === "")) return undefined;
    const [min, mid, max] = points.length === 2 ? [points[0], null, points[1]] : points;
    return { ...base, background: null, fontColor: null, bold: null, gradient: { min, mid: mid ?? null, max } };
  }
  if (rule.type === "expression") return { ...base, criteria: "CUSTOM_FORMULA", values: [`=${stripXlfnPrefixes(String(rule.formulae?.[0] ?? ""))}`] };
  if (rule.type === "containsText") {
    const operator = (rule as { operator?: string }).operator;
    if (operator === "containsText") return { ...base, criteria: "TEXT_CONTAINS", values: [String((rule as { text?: string }).text ?? "")] };
    if (operator === "containsBlanks") return { ...base, criteria: "CELL_EMPTY" };
    if (operator === "notContainsBlanks") return { ...base, criteria: "CELL_NOT_EMPTY" };
    return undefined;
  }
  if (rule.type !== "cellIs") return undefined;
  const [a, b] = rule.formulae ?? [];
  const number = (v: unknown): number | undefined => (v === undefined || v === null || v === "" || !Number.isFinite(Number(v)) ? undefined : Number(v));
  switch (rule.operator as string) {
    case "equal": {
      const text = unquoted(a);
      return text === null ? undefined : { ...base, criteria: "TEXT_EQUAL_TO", values: [text] };
    }
    case "greaterThan":
      return number(a) === undefined ? undefined : { ...base, criteria: "NUMBER_GREATER_THAN", values: [number(a)] };
    case "lessThan":
      return number(a) === undefined ? undefined : { ...base, criteria: "NUMBER_LESS_THAN", values: [number(a)] };
    case "greaterThanOrEqual":
      return number(a) === undefined ? undefined : { ...base, criteria: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [number(a)] };
    case "between":
      return number(a) === undefined || number(b) === undefined ? undefined : { ...base, criteria: "NUMBER_BETWEEN", values: [number(a), number(b)] };
    default:
      return undefined;
  }
}

/**
 * The conditional formats of a file's sheet that the emulation can express, in priority order, so colours
 * the add-on set (goal statuses, the scorecard's changes, the cohort heat map) show again after a reload.
 */
export function fromXlsxConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetModel): ConditionalRuleRecord[] {
  const found: { priority: number; record: ConditionalRuleRecord }[] = [];
  for (const format of rulesOf(ws).conditionalFormattings ?? []) {
    const ranges = String(format.ref ?? "").split(/\s+/).map((ref) => boxOfA1(ref)).filter((b): b is Box => b !== null).map((box) => ({ sheet, box }));
    if (ranges.length === 0) continue;
    for (const rule of format.rules ?? []) {
      const record = fromXlsxRule(rule, ranges);
      if (record !== undefined) found.push({ priority: rule.priority ?? Number.MAX_SAFE_INTEGER, record });
    }
  }
  return found.sort((x, y) => x.priority - y.priority).map((f) => f.record);
}

/** "B9:G9" or "B9" as a box; a reference without both bounds (a whole column) is not one a rule here covers. */
function boxOfA1(ref: string): Box | null {
  const a = parseA1(ref);
  if (a?.startRow === undefined || a.startColumn === undefined || a.endRow === undefined || a.endColumn === undefined) return null;
  return { row: a.startRow, column: a.startColumn, numRows: a.endRow - a.startRow + 1, numColumns: a.endColumn - a.startColumn + 1 };
}
