// DataValidation and its builder: the rule is recorded as asked (criteria, values, allowInvalid), never enforced.
import type { DataValidationApi, DataValidationBuilderApi, DataValidationCriteria, RangeApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { DataValidationCriteriaEnum } from "./enums";
import type { ValidationRecord } from "./sheet-model";

const facadeRecords = new WeakMap<object, ValidationRecord>();

/** The record behind a rule built by this emulation (a rule from elsewhere cannot be applied). */
export function validationOf(rule: DataValidationApi): ValidationRecord {
  const record = facadeRecords.get(rule);
  if (!record) throw new Error("setDataValidation: the rule was not built by SpreadsheetApp.newDataValidation()");
  return record;
}

function criteriaOf(name: string): DataValidationCriteria {
  return DataValidationCriteriaEnum[name as keyof typeof DataValidationCriteriaEnum];
}

export class DataValidationFacade implements DataValidationApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, record: ValidationRecord) {
    this.calls = ctx.calls;
    facadeRecords.set(this, record);
  }
  getAllowInvalid(): boolean {
    return validationOf(this).allowInvalid;
  }
  getCriteriaType(): DataValidationCriteria {
    return criteriaOf(validationOf(this).criteria);
  }
  getCriteriaValues(): unknown[] {
    return [...validationOf(this).values];
  }
  getHelpText(): string {
    return validationOf(this).helpText ?? "";
  }
  copy(): DataValidationBuilderApi {
    return new DataValidationBuilderFacade(this.ctx, { ...validationOf(this) });
  }
}

export class DataValidationBuilderFacade implements DataValidationBuilderApi {
  readonly calls;
  constructor(
    readonly ctx: EmulationContext,
    readonly record: ValidationRecord = { criteria: "", values: [], allowInvalid: true, helpText: null },
  ) {
    this.calls = ctx.calls;
  }
  getAllowInvalid(): boolean {
    return this.record.allowInvalid;
  }
  getCriteriaType(): DataValidationCriteria {
    return criteriaOf(this.record.criteria);
  }
  getCriteriaValues(): unknown[] {
    return [...this.record.values];
  }
  getHelpText(): string | null {
    return this.record.helpText;
  }
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilderApi {
    return criterion(this, "VALUE_IN_LIST", [values, showDropdown]);
  }
  requireValueInRange(range: RangeApi, showDropdown = true): DataValidationBuilderApi {
    return criterion(this, "VALUE_IN_RANGE", [range, showDropdown]);
  }
  requireDate(): DataValidationBuilderApi {
    return criterion(this, "DATE_IS_VALID_DATE", []);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilderApi {
    return criterion(this, "NUMBER_BETWEEN", [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderApi {
    return criterion(this, "NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }
  requireCheckbox(): DataValidationBuilderApi {
    return criterion(this, "CHECKBOX", []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilderApi {
    return criterion(this, "CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderApi {
    this.record.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilderApi {
    this.record.helpText = helpText;
    return this;
  }
  build(): DataValidationApi {
    if (!this.record.criteria) throw new Error("You must specify a criteria.");
    return new DataValidationFacade(this.ctx, { ...this.record, values: [...this.record.values] });
  }
  copy(): DataValidationBuilderApi {
    return new DataValidationBuilderFacade(this.ctx, { ...this.record, values: [...this.record.values] });
  }
}

function criterion(builder: DataValidationBuilderFacade, criteria: string, values: unknown[]): DataValidationBuilderApi {
  builder.record.criteria = criteria;
  builder.record.values = values;
  return builder;
}

countCalls(DataValidationFacade, "DataValidation");
countCalls(DataValidationBuilderFacade, "DataValidationBuilder");
