// Google Sheets' size limits, which bound every coordinate a request to the preview may name.

/** Cells in a whole spreadsheet, every sheet's grid counted. */
export const SHEETS_MAX_CELLS = 10_000_000;
/** Columns in one sheet (A to ZZZ). */
export const SHEETS_MAX_COLUMNS = 18_278;
/** Rows of a one-column sheet: no row number can be larger. */
export const SHEETS_MAX_ROWS = SHEETS_MAX_CELLS;

/** A request asked for more than Sheets could hold; answered with 413 before anything is touched. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LimitError";
  }
}
