// The emulation's .xlsx files: loading (with size limits checked first) and saving that keeps what the emulation did not change.
export { EXCEL_LAST_ROW, partsNotKept } from "./xlsx-source";
export { cellInput, loadXlsx, loadXlsxBuffer, type XlsxLoadOptions } from "./xlsx-load";
export { saveXlsx, xlsxBuffer, type CellResult, type XlsxSaveOptions } from "./xlsx-save";
export { streamXlsxBuffer, type StreamSaveOptions } from "./xlsx-stream-save";
export { XlsxLimitError } from "./xlsx-limits";
export { ZipFormatError } from "./zip-entries";
