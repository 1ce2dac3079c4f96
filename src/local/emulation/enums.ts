// Stand-ins for the Apps Script enums the subset exposes: each member's value is its own name, so recordings read plainly.
import type { BooleanCriteria, ChartType, DataValidationCriteria, ProtectionType } from "../../server/apps-script-api";

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;

// @types declares these as numeric enums; real Apps Script members are opaque objects
// whose toString() is the name. Strings behave the same for `===` and for printing, and the
// one cast below is where that difference is accepted.
function enumOf<E>(names: readonly string[]): E {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as E;
}

export const ProtectionTypeEnum = enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(["RANGE", "SHEET"]);

export const DataValidationCriteriaEnum = enumOf<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>([
  "DATE_AFTER", "DATE_BEFORE", "DATE_BETWEEN", "DATE_EQUAL_TO", "DATE_IS_VALID_DATE", "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER", "DATE_ON_OR_BEFORE", "NUMBER_BETWEEN", "NUMBER_EQUAL_TO", "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_LESS_THAN", "NUMBER_LESS_THAN_OR_EQUAL_TO", "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO", "TEXT_CONTAINS", "TEXT_DOES_NOT_CONTAIN", "TEXT_EQUAL_TO", "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL", "VALUE_IN_LIST", "VALUE_IN_RANGE", "CUSTOM_FORMULA", "CHECKBOX",
]);

export const BooleanCriteriaEnum = enumOf<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>([
  "CELL_EMPTY", "CELL_NOT_EMPTY", "DATE_AFTER", "DATE_BEFORE", "DATE_EQUAL_TO", "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE", "DATE_EQUAL_TO_RELATIVE", "NUMBER_BETWEEN", "NUMBER_EQUAL_TO", "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_LESS_THAN", "NUMBER_LESS_THAN_OR_EQUAL_TO", "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO", "TEXT_CONTAINS", "TEXT_DOES_NOT_CONTAIN", "TEXT_EQUAL_TO", "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH", "CUSTOM_FORMULA",
]);

export const InterpolationTypeEnum = enumOf<typeof GoogleAppsScript.Spreadsheet.InterpolationType>([
  "NUMBER", "PERCENT", "PERCENTILE", "MIN", "MAX",
]);

export const ChartTypeEnum = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
  "TIMELINE", "AREA", "BAR", "BUBBLE", "CANDLESTICK", "COLUMN", "COMBO", "GAUGE", "GEO", "HISTOGRAM", "RADAR",
  "LINE", "ORG", "PIE", "SCATTER", "SPARKLINE", "STEPPED_AREA", "TABLE", "TREEMAP", "WATERFALL",
]);

export const ButtonEnum = enumOf<typeof GoogleAppsScript.Base.Button>(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSetEnum = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);

/** The name of an enum member, for recordings and messages. */
export function enumName(
  member: ProtectionType | ChartType | DataValidationCriteria | BooleanCriteria | Button | ButtonSet,
): string {
  return String(member);
}
