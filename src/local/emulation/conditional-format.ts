// Conditional format rules and their builder: condition or colour scale, format and ranges are recorded as asked (conditional-display.ts evaluates them for the preview).
import type {
  BooleanConditionApi,
  BooleanCriteria,
  ConditionalFormatRuleApi,
  ConditionalFormatRuleBuilderApi,
  GradientConditionApi,
  InterpolationType,
  RangeApi,
} from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { BooleanCriteriaEnum, InterpolationTypeEnum } from "./enums";
import { RangeFacade } from "./range";
import type { ConditionalRuleRecord, GradientPoint, GradientRecord } from "./sheet-model";

function rangesOf(ranges: RangeApi[]): ConditionalRuleRecord["ranges"] {
  return ranges.map((range) => {
    if (!(range instanceof RangeFacade)) throw new Error("setRanges: not a range of this emulated spreadsheet");
    return { sheet: range.sheet, box: { ...range.box } };
  });
}

function copyRecord(record: ConditionalRuleRecord): ConditionalRuleRecord {
  const gradient = record.gradient ? { min: record.gradient.min, mid: record.gradient.mid, max: record.gradient.max } : undefined;
  return { ...record, values: [...record.values], ranges: [...record.ranges], ...(gradient ? { gradient } : {}) };
}

function interpolation(point: GradientPoint | null): InterpolationType | null {
  return point ? InterpolationTypeEnum[point.type as keyof typeof InterpolationTypeEnum] : null;
}

class GradientCondition implements GradientConditionApi {
  constructor(private readonly gradient: GradientRecord) {}
  getMaxColor(): string {
    return this.gradient.max?.color ?? "";
  }
  getMaxType(): InterpolationType | null {
    return interpolation(this.gradient.max);
  }
  getMaxValue(): string {
    return this.gradient.max?.value ?? "";
  }
  getMidColor(): string {
    return this.gradient.mid?.color ?? "";
  }
  getMidType(): InterpolationType | null {
    return interpolation(this.gradient.mid);
  }
  getMidValue(): string {
    return this.gradient.mid?.value ?? "";
  }
  getMinColor(): string {
    return this.gradient.min?.color ?? "";
  }
  getMinType(): InterpolationType | null {
    return interpolation(this.gradient.min);
  }
  getMinValue(): string {
    return this.gradient.min?.value ?? "";
  }
}

class BooleanCondition implements BooleanConditionApi {
  constructor(private readonly record: ConditionalRuleRecord) {}
  getBackground(): string | null {
    return this.record.background;
  }
  getBold(): boolean | null {
    return this.record.bold;
  }
  getCriteriaType(): BooleanCriteria {
    return BooleanCriteriaEnum[this.record.criteria as keyof typeof BooleanCriteriaEnum];
  }
  getCriteriaValues(): unknown[] {
    return [...this.record.values];
  }
  getFontColor(): string | null {
    return this.record.fontColor;
  }
}

export class ConditionalFormatRuleFacade implements ConditionalFormatRuleApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly record: ConditionalRuleRecord) {
    this.calls = ctx.calls;
  }
  getRanges(): RangeApi[] {
    return this.record.ranges.map(({ sheet, box }) => new RangeFacade(this.ctx, sheet, box));
  }
  getBooleanCondition(): BooleanConditionApi | null {
    return this.record.criteria ? new BooleanCondition(this.record) : null;
  }
  getGradientCondition(): GradientConditionApi | null {
    return this.record.gradient ? new GradientCondition(this.record.gradient) : null;
  }
  copy(): ConditionalFormatRuleBuilderApi {
    return new ConditionalFormatRuleBuilderFacade(this.ctx, copyRecord(this.record));
  }
}

export class ConditionalFormatRuleBuilderFacade implements ConditionalFormatRuleBuilderApi {
  readonly calls;
  constructor(
    readonly ctx: EmulationContext,
    readonly record: ConditionalRuleRecord = { criteria: null, values: [], background: null, fontColor: null, bold: null, ranges: [] },
  ) {
    this.calls = ctx.calls;
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderApi {
    return when(this, "TEXT_EQUAL_TO", [text]);
  }
  whenTextContains(text: string): ConditionalFormatRuleBuilderApi {
    return when(this, "TEXT_CONTAINS", [text]);
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderApi {
    return when(this, "CUSTOM_FORMULA", [formula]);
  }
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilderApi {
    return when(this, "NUMBER_GREATER_THAN", [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilderApi {
    return when(this, "NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilderApi {
    return when(this, "NUMBER_LESS_THAN", [number]);
  }
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilderApi {
    return when(this, "NUMBER_BETWEEN", [start, end]);
  }
  whenCellEmpty(): ConditionalFormatRuleBuilderApi {
    return when(this, "CELL_EMPTY", []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilderApi {
    return when(this, "CELL_NOT_EMPTY", []);
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilderApi {
    this.record.background = color;
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilderApi {
    this.record.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilderApi {
    this.record.bold = bold;
    return this;
  }
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilderApi {
    return gradientPoint(this, "max", { color, type: "MAX", value: "" });
  }
  setGradientMaxpointWithValue(color: string, type: InterpolationType, value: string): ConditionalFormatRuleBuilderApi {
    return gradientPoint(this, "max", { color, type: String(type), value: String(value) });
  }
  setGradientMidpointWithValue(color: string, type: InterpolationType, value: string): ConditionalFormatRuleBuilderApi {
    return gradientPoint(this, "mid", { color, type: String(type), value: String(value) });
  }
  setGradientMinpoint(color: string): ConditionalFormatRuleBuilderApi {
    return gradientPoint(this, "min", { color, type: "MIN", value: "" });
  }
  setGradientMinpointWithValue(color: string, type: InterpolationType, value: string): ConditionalFormatRuleBuilderApi {
    return gradientPoint(this, "min", { color, type: String(type), value: String(value) });
  }
  setRanges(ranges: RangeApi[]): ConditionalFormatRuleBuilderApi {
    this.record.ranges = rangesOf(ranges);
    return this;
  }
  getRanges(): RangeApi[] {
    return this.record.ranges.map(({ sheet, box }) => new RangeFacade(this.ctx, sheet, box));
  }
  getBooleanCondition(): BooleanConditionApi | null {
    return this.record.criteria ? new BooleanCondition(this.record) : null;
  }
  getGradientCondition(): GradientConditionApi | null {
    return this.record.gradient ? new GradientCondition(this.record.gradient) : null;
  }
  build(): ConditionalFormatRuleApi {
    return new ConditionalFormatRuleFacade(this.ctx, copyRecord(this.record));
  }
  copy(): ConditionalFormatRuleBuilderApi {
    return new ConditionalFormatRuleBuilderFacade(this.ctx, copyRecord(this.record));
  }
}

/** A rule is a condition or a colour scale: setting one drops the other, as the last call decides in Apps Script. */
function when(builder: ConditionalFormatRuleBuilderFacade, criteria: string, values: unknown[]): ConditionalFormatRuleBuilderApi {
  builder.record.criteria = criteria;
  builder.record.values = values;
  delete builder.record.gradient;
  return builder;
}

function gradientPoint(builder: ConditionalFormatRuleBuilderFacade, at: keyof GradientRecord, point: GradientPoint): ConditionalFormatRuleBuilderApi {
  builder.record.criteria = null;
  builder.record.values = [];
  builder.record.gradient = { ...(builder.record.gradient ?? { min: null, mid: null, max: null }), [at]: point };
  return builder;
}

countCalls(ConditionalFormatRuleFacade, "ConditionalFormatRule");
countCalls(ConditionalFormatRuleBuilderFacade, "ConditionalFormatRuleBuilder");
