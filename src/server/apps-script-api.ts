// The narrowed Apps Script API the add-on may use: picked from @types/google-apps-script, implemented by Google and by src/local/emulation.
//
// Every method here is a real Apps Script method with its real signature. Methods that
// return other Apps Script objects are re-declared so that they return the narrowed
// interfaces (a chain such as `range.setValues(v).setNumberFormat(f)` stays inside the
// subset). `apps-script-api.check.ts` assigns the real globals to these types, so a
// method that does not exist in Apps Script, or a signature that drifted, fails `tsc`.

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GGradientCondition = GoogleAppsScript.Spreadsheet.GradientCondition;
type GEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GEmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GUi = GoogleAppsScript.Base.Ui;
type GUser = GoogleAppsScript.Base.User;
type GSession = GoogleAppsScript.Base.Session;
type GProperties = GoogleAppsScript.Properties.Properties;
type GLock = GoogleAppsScript.Lock.Lock;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GCharts = GoogleAppsScript.Charts.Charts;

export type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
export type ChartType = GoogleAppsScript.Charts.ChartType;
export type DataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
export type BooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
export type InterpolationType = GoogleAppsScript.Spreadsheet.InterpolationType;
export type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
export type HorizontalAlignment = "left" | "center" | "normal" | "right";
export type ContainerInfoApi = GoogleAppsScript.Spreadsheet.ContainerInfo;

/** What `getValues` hands back for one cell: `""` for a blank, a `Date` for a date-formatted number, an error as its text (`#DIV/0!`). */
export type SheetValue = string | number | boolean | Date;
/** What `setValues` accepts for one cell; `null`/`undefined` clear it, a string starting with `=` is a formula. */
export type WritableValue = SheetValue | null | undefined;

export interface RangeApi
  extends Pick<
    GRange,
    | "getA1Notation"
    | "getRow"
    | "getColumn"
    | "getNumRows"
    | "getNumColumns"
    | "getLastRow"
    | "getLastColumn"
    | "getFormula"
    | "getFormulas"
    | "getDisplayValue"
    | "getDisplayValues"
    | "getNumberFormat"
    | "getNumberFormats"
    | "getNote"
    | "getNotes"
    | "getBackground"
    | "getBackgrounds"
    | "getFontWeight"
    | "getFontWeights"
    | "getHorizontalAlignment"
    | "getWrap"
    | "isBlank"
  > {
  getSheet(): SheetApi;
  getCell(row: number, column: number): RangeApi;
  offset(rowOffset: number, columnOffset: number): RangeApi;
  offset(rowOffset: number, columnOffset: number, numRows: number): RangeApi;
  offset(rowOffset: number, columnOffset: number, numRows: number, numColumns: number): RangeApi;
  getValue(): SheetValue;
  getValues(): SheetValue[][];
  setValue(value: WritableValue): RangeApi;
  setValues(values: WritableValue[][]): RangeApi;
  setFormula(formula: string): RangeApi;
  setFormulas(formulas: string[][]): RangeApi;
  setNumberFormat(numberFormat: string): RangeApi;
  setNumberFormats(numberFormats: string[][]): RangeApi;
  setNote(note: string | null): RangeApi;
  setNotes(notes: Array<Array<string | null>>): RangeApi;
  setBackground(color: string | null): RangeApi;
  setBackgrounds(color: Array<Array<string | null>>): RangeApi;
  setFontWeight(fontWeight: FontWeight | null): RangeApi;
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): RangeApi;
  setFontColor(color: string | null): RangeApi;
  setFontColors(colors: Array<Array<string | null>>): RangeApi;
  setHorizontalAlignment(alignment: HorizontalAlignment | null): RangeApi;
  setFontSize(size: number): RangeApi;
  setWrap(isWrapEnabled: boolean): RangeApi;
  setDataValidation(rule: DataValidationApi | null): RangeApi;
  getDataValidation(): DataValidationApi | null;
  clearDataValidations(): RangeApi;
  clearContent(): RangeApi;
  clearFormat(): RangeApi;
  clearNote(): RangeApi;
  clear(): RangeApi;
  clear(options: {
    commentsOnly?: boolean | undefined;
    contentsOnly?: boolean | undefined;
    formatOnly?: boolean | undefined;
    validationsOnly?: boolean | undefined;
    skipFilteredRows?: boolean | undefined;
  }): RangeApi;
  merge(): RangeApi;
  copyTo(destination: RangeApi): void;
  protect(): ProtectionApi;
  activate(): RangeApi;
}

export interface SheetApi
  extends Pick<
    GSheet,
    | "getName"
    | "getSheetId"
    | "getIndex"
    | "getLastRow"
    | "getLastColumn"
    | "getMaxRows"
    | "getMaxColumns"
    | "getFrozenRows"
    | "setFrozenRows"
    | "getFrozenColumns"
    | "setFrozenColumns"
    | "getColumnWidth"
    | "getRowHeight"
    | "isSheetHidden"
    | "clearConditionalFormatRules"
  > {
  getParent(): SpreadsheetApi;
  setName(name: string): SheetApi;
  activate(): SheetApi;
  getRange(a1Notation: string): RangeApi;
  getRange(row: number, column: number): RangeApi;
  getRange(row: number, column: number, numRows: number): RangeApi;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeApi;
  getDataRange(): RangeApi;
  appendRow(rowContents: WritableValue[]): SheetApi;
  insertRowsAfter(afterPosition: number, howMany: number): SheetApi;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetApi;
  clear(): SheetApi;
  clear(options: { formatOnly?: boolean | undefined; contentsOnly?: boolean | undefined }): SheetApi;
  clearContents(): SheetApi;
  clearFormats(): SheetApi;
  setColumnWidth(columnPosition: number, width: number): SheetApi;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetApi;
  setRowHeight(rowPosition: number, height: number): SheetApi;
  setRowHeights(startRow: number, numRows: number, height: number): SheetApi;
  newChart(): EmbeddedChartBuilderApi;
  insertChart(chart: EmbeddedChartApi): void;
  updateChart(chart: EmbeddedChartApi): void;
  removeChart(chart: EmbeddedChartApi): void;
  getCharts(): EmbeddedChartApi[];
  getConditionalFormatRules(): ConditionalFormatRuleApi[];
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void;
  protect(): ProtectionApi;
  getProtections(type: ProtectionType): ProtectionApi[];
  showSheet(): SheetApi;
  hideSheet(): SheetApi;
}

export interface SpreadsheetApi
  extends Pick<
    GSpreadsheet,
    "getId" | "getName" | "getNumSheets" | "getSpreadsheetTimeZone" | "getSpreadsheetLocale" | "removeNamedRange" | "toast"
  > {
  getSheets(): SheetApi[];
  getSheetByName(name: string): SheetApi | null;
  insertSheet(): SheetApi;
  insertSheet(sheetIndex: number): SheetApi;
  insertSheet(sheetName: string): SheetApi;
  insertSheet(sheetName: string, sheetIndex: number): SheetApi;
  deleteSheet(sheet: SheetApi): void;
  getActiveSheet(): SheetApi;
  setActiveSheet(sheet: SheetApi): SheetApi;
  getRange(a1Notation: string): RangeApi;
  getNamedRanges(): NamedRangeApi[];
  setNamedRange(name: string, range: RangeApi): void;
  getRangeByName(name: string): RangeApi | null;
  getProtections(type: ProtectionType): ProtectionApi[];
}

export interface NamedRangeApi extends Pick<GNamedRange, "getName" | "remove"> {
  getRange(): RangeApi;
  setRange(range: RangeApi): NamedRangeApi;
  setName(name: string): NamedRangeApi;
}

export interface DataValidationApi extends Pick<GDataValidation, "getAllowInvalid" | "getCriteriaType" | "getHelpText"> {
  getCriteriaValues(): unknown[];
  copy(): DataValidationBuilderApi;
}

export interface DataValidationBuilderApi
  extends Pick<GDataValidationBuilder, "getAllowInvalid" | "getCriteriaType" | "getHelpText"> {
  getCriteriaValues(): unknown[];
  requireValueInList(values: string[]): DataValidationBuilderApi;
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderApi;
  requireValueInRange(range: RangeApi): DataValidationBuilderApi;
  requireValueInRange(range: RangeApi, showDropdown: boolean): DataValidationBuilderApi;
  requireDate(): DataValidationBuilderApi;
  requireNumberBetween(start: number, end: number): DataValidationBuilderApi;
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderApi;
  requireCheckbox(): DataValidationBuilderApi;
  requireFormulaSatisfied(formula: string): DataValidationBuilderApi;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderApi;
  setHelpText(helpText: string): DataValidationBuilderApi;
  build(): DataValidationApi;
  copy(): DataValidationBuilderApi;
}

export interface BooleanConditionApi
  extends Pick<GBooleanCondition, "getBackground" | "getBold" | "getCriteriaType" | "getFontColor"> {
  getCriteriaValues(): unknown[];
}

/** A colour scale: the colour at the minimum, (optionally) a midpoint and the maximum, each at a value. */
export type GradientConditionApi = Pick<
  GGradientCondition,
  "getMaxColor" | "getMaxType" | "getMaxValue" | "getMidColor" | "getMidType" | "getMidValue" | "getMinColor" | "getMinType" | "getMinValue"
>;

export interface ConditionalFormatRuleApi {
  getRanges(): RangeApi[];
  getBooleanCondition(): BooleanConditionApi | null;
  getGradientCondition(): GradientConditionApi | null;
  copy(): ConditionalFormatRuleBuilderApi;
}

export interface ConditionalFormatRuleBuilderApi {
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderApi;
  whenTextContains(text: string): ConditionalFormatRuleBuilderApi;
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderApi;
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilderApi;
  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilderApi;
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilderApi;
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilderApi;
  whenCellEmpty(): ConditionalFormatRuleBuilderApi;
  whenCellNotEmpty(): ConditionalFormatRuleBuilderApi;
  setBackground(color: string | null): ConditionalFormatRuleBuilderApi;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderApi;
  setBold(bold: boolean | null): ConditionalFormatRuleBuilderApi;
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilderApi;
  setGradientMaxpointWithValue(color: string, type: InterpolationType, value: string): ConditionalFormatRuleBuilderApi;
  setGradientMidpointWithValue(color: string, type: InterpolationType, value: string): ConditionalFormatRuleBuilderApi;
  setGradientMinpoint(color: string): ConditionalFormatRuleBuilderApi;
  setGradientMinpointWithValue(color: string, type: InterpolationType, value: string): ConditionalFormatRuleBuilderApi;
  setRanges(ranges: RangeApi[]): ConditionalFormatRuleBuilderApi;
  getRanges(): RangeApi[];
  getBooleanCondition(): BooleanConditionApi | null;
  getGradientCondition(): GradientConditionApi | null;
  build(): ConditionalFormatRuleApi;
  copy(): ConditionalFormatRuleBuilderApi;
}

export interface ChartOptionsApi {
  get(option: string): unknown;
}

export interface EmbeddedChartApi extends Pick<GEmbeddedChart, "getChartId" | "getContainerInfo" | "getNumHeaders"> {
  getRanges(): RangeApi[];
  getOptions(): ChartOptionsApi;
  modify(): EmbeddedChartBuilderApi;
}

export interface EmbeddedChartBuilderApi extends Pick<GEmbeddedChartBuilder, "getChartType" | "getContainer"> {
  addRange(range: RangeApi): EmbeddedChartBuilderApi;
  removeRange(range: RangeApi): EmbeddedChartBuilderApi;
  clearRanges(): EmbeddedChartBuilderApi;
  getRanges(): RangeApi[];
  setChartType(type: ChartType): EmbeddedChartBuilderApi;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderApi;
  setOption(option: string, value: unknown): EmbeddedChartBuilderApi;
  setNumHeaders(headers: number): EmbeddedChartBuilderApi;
  build(): EmbeddedChartApi;
}

export interface ProtectionApi
  extends Pick<GProtection, "isWarningOnly" | "getDescription" | "getProtectionType" | "remove" | "canEdit"> {
  setWarningOnly(warningOnly: boolean): ProtectionApi;
  setDescription(description: string): ProtectionApi;
  getRange(): RangeApi;
}

export interface MenuApi {
  addItem(caption: string, functionName: string): MenuApi;
  addSeparator(): MenuApi;
  addSubMenu(menu: MenuApi): MenuApi;
  addToUi(): void;
}

export interface UiApi extends Pick<GUi, "Button" | "ButtonSet" | "alert"> {
  createAddonMenu(): MenuApi;
  createMenu(caption: string): MenuApi;
  showSidebar(userInterface: HtmlOutputApi): void;
  showModalDialog(userInterface: HtmlOutputApi, title: string): void;
  showModelessDialog(userInterface: HtmlOutputApi, title: string): void;
}

export interface SpreadsheetAppApi
  extends Pick<GSpreadsheetApp, "flush" | "ProtectionType" | "DataValidationCriteria" | "BooleanCriteria" | "InterpolationType"> {
  getActiveSpreadsheet(): SpreadsheetApi;
  getActive(): SpreadsheetApi;
  getActiveSheet(): SheetApi;
  getUi(): UiApi;
  newDataValidation(): DataValidationBuilderApi;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderApi;
}

export interface PropertiesApi extends Pick<GProperties, "getProperty" | "getKeys" | "getProperties"> {
  setProperty(key: string, value: string): PropertiesApi;
  setProperties(properties: { [key: string]: string }): PropertiesApi;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): PropertiesApi;
  deleteProperty(key: string): PropertiesApi;
  deleteAllProperties(): PropertiesApi;
}

export interface PropertiesServiceApi {
  getDocumentProperties(): PropertiesApi;
  getUserProperties(): PropertiesApi;
  getScriptProperties(): PropertiesApi;
}

export type LockApi = Pick<GLock, "tryLock" | "waitLock" | "releaseLock" | "hasLock">;

export interface LockServiceApi {
  getDocumentLock(): LockApi;
  getScriptLock(): LockApi;
  getUserLock(): LockApi;
}

export interface HtmlOutputApi extends Pick<GHtmlOutput, "getContent" | "getTitle" | "getWidth" | "getHeight"> {
  setTitle(title: string): HtmlOutputApi;
  setWidth(width: number): HtmlOutputApi;
  setHeight(height: number): HtmlOutputApi;
  setContent(content: string): HtmlOutputApi;
  append(addedContent: string): HtmlOutputApi;
}

export interface HtmlTemplateApi {
  evaluate(): HtmlOutputApi;
  getRawContent(): string;
  /** Template variables, read by `<?= name ?>` scriptlets. */
  [variable: string]: unknown;
}

export interface HtmlServiceApi {
  createHtmlOutput(): HtmlOutputApi;
  createHtmlOutput(html: string): HtmlOutputApi;
  createHtmlOutputFromFile(filename: string): HtmlOutputApi;
  createTemplateFromFile(filename: string): HtmlTemplateApi;
}

export type UserApi = Pick<GUser, "getEmail">;

export interface SessionApi extends Pick<GSession, "getScriptTimeZone" | "getActiveUserLocale" | "getTemporaryActiveUserKey"> {
  getActiveUser(): UserApi;
  getEffectiveUser(): UserApi;
}

export type ChartsApi = Pick<GCharts, "ChartType">;

/** The Apps Script globals the add-on reads, as one object (what the emulation installs). */
export interface AppsScriptGlobals {
  SpreadsheetApp: SpreadsheetAppApi;
  PropertiesService: PropertiesServiceApi;
  LockService: LockServiceApi;
  HtmlService: HtmlServiceApi;
  Session: SessionApi;
  Charts: ChartsApi;
}
