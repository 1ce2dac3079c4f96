// Conditional format rules and their builder: condition, format and ranges are recorded as asked, never rendered.
import type {
  BooleanConditionApi,
  BooleanCriteria,
  ConditionalFormatRuleApi,
  ConditionalFormatRuleBuilderApi,
  RangeApi,
} from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { BooleanCriteriaEnum } from "./enums";
import { RangeFacade } from "./range";
import type { ConditionalRuleRecord } from "./sheet-model";

function rangesOf(ranges: RangeApi[]): ConditionalRuleRecord["ranges"] {
  return ranges.map((range) => {
    if (!(range instanceof RangeFacade)) throw new Error("setRanges: not a range of this emulated spreadsheet");
    return { sheet: range.sheet, box: { ...range.box } };
  });
}

function copyRecord(record: ConditionalRuleRecord): ConditionalRuleRecord {
  return { ...record, values: [...record.values], gradient: record.gradient ? { ...record.gradient } : null, ranges: [...record.ranges] };
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
  copy(): ConditionalFormatRuleBuilderApi {
    return new ConditionalFormatRuleBuilderFacade(this.ctx, copyRecord(this.record));
  }
}

export class ConditionalFormatRuleBuilderFacade implements ConditionalFormatRuleBuilderApi {
  readonly calls;
  constructor(
    readonly ctx: EmulationContext,
    readonly record: ConditionalRuleRecord = { criteria: null, values: [], background: null, fontColor: null, bold: null, gradient: null, ranges: [] },
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
  setGradientMinpoint(color: string): ConditionalFormatRuleBuilderApi {
    this.record.gradient = { min: color, max: this.record.gradient?.max ?? null };
    return this;
  }
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilderApi {
    this.record.gradient = { min: this.record.gradient?.min ?? null, max: color };
    return this;
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
  build(): ConditionalFormatRuleApi {
    return new ConditionalFormatRuleFacade(this.ctx, copyRecord(this.record));
  }
  copy(): ConditionalFormatRuleBuilderApi {
    return new ConditionalFormatRuleBuilderFacade(this.ctx, copyRecord(this.record));
  }
}

function when(builder: ConditionalFormatRuleBuilderFacade, criteria: string, values: unknown[]): ConditionalFormatRuleBuilderApi {
  builder.record.criteria = criteria;
  builder.record.values = values;
  return builder;
}

countCalls(ConditionalFormatRuleFacade, "ConditionalFormatRule");
countCalls(ConditionalFormatRuleBuilderFacade, "ConditionalFormatRuleBuilder");
