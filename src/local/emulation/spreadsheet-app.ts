// SpreadsheetApp: the entry point to the active emulated spreadsheet, its Ui, and the rule builders.
import type {
  ConditionalFormatRuleBuilderApi,
  DataValidationBuilderApi,
  SheetApi,
  SpreadsheetApi,
  SpreadsheetAppApi,
  UiApi,
} from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import { ConditionalFormatRuleBuilderFacade } from "./conditional-format";
import type { EmulationContext } from "./context";
import { DataValidationBuilderFacade } from "./data-validation";
import { BooleanCriteriaEnum, DataValidationCriteriaEnum, InterpolationTypeEnum, ProtectionTypeEnum } from "./enums";
import { SheetFacade } from "./sheet";
import { activeSheet, SpreadsheetFacade } from "./spreadsheet";
import { UiFacade } from "./ui";

export class SpreadsheetAppFacade implements SpreadsheetAppApi {
  readonly calls;
  readonly ProtectionType = ProtectionTypeEnum;
  readonly DataValidationCriteria = DataValidationCriteriaEnum;
  readonly BooleanCriteria = BooleanCriteriaEnum;
  readonly InterpolationType = InterpolationTypeEnum;
  constructor(readonly ctx: EmulationContext) {
    this.calls = ctx.calls;
  }
  getActiveSpreadsheet(): SpreadsheetApi {
    return new SpreadsheetFacade(this.ctx);
  }
  getActive(): SpreadsheetApi {
    return new SpreadsheetFacade(this.ctx);
  }
  getActiveSheet(): SheetApi {
    return new SheetFacade(this.ctx, activeSheet(this.ctx));
  }
  getUi(): UiApi {
    return new UiFacade(this.ctx);
  }
  newDataValidation(): DataValidationBuilderApi {
    return new DataValidationBuilderFacade(this.ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderApi {
    return new ConditionalFormatRuleBuilderFacade(this.ctx);
  }
  flush(): void {
    // Writes are applied at once here; a flush is only counted.
    this.ctx.recorder.flushes++;
  }
}

countCalls(SpreadsheetAppFacade, "SpreadsheetApp");
