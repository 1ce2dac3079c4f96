// Public entry points of the Apps Script emulation: create a workbook, install globals, count calls, load and save.
export { createEmulation, Emulation, type EmulationOptions, type ExecutionHandle, type ExecutionOptions } from "./emulation";
export { installAppsScriptGlobals, uninstallAppsScriptGlobals } from "./globals";
export { CallCounter } from "./call-counter";
export { Recorder, type AlertRecord, type HtmlShownRecord, type MenuRecord, type ToastRecord } from "./recorder";
export { registerFunctionPlugins, type FunctionPluginRegistration, type FunctionTranslations } from "./formula-engine";
export { loadCsv, loadCsvFile, parseCsv } from "./csv";
export { loadXlsx, loadXlsxBuffer, partsNotKept, saveXlsx, streamXlsxBuffer, XlsxLimitError, xlsxBuffer, ZipFormatError, type CellResult, type StreamSaveOptions, type XlsxLoadOptions, type XlsxSaveOptions } from "./xlsx";
export { LOCK_TIMEOUT_MESSAGE } from "./lock";
export { MAX_STORE_BYTES, MAX_VALUE_BYTES } from "./properties";
export type { SheetModel, UnmaterialisedValues } from "./sheet-model";
