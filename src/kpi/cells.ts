// The shapes of values that cross between a spreadsheet and the KPI code.

/** One cell as Apps Script hands it to a custom function: `""` for a blank, a `Date` for a date cell. */
export type CellValue = number | string | boolean | Date | null | undefined;

/** A custom-function argument: a scalar (a literal or single cell) or a range as rows of cells. */
export type CellInput = CellValue | CellValue[][];

/** A value written back into a cell by a custom function. */
export type CellScalar = number | string | boolean;

/** What a custom function returns: one value, or rows of values that spill. */
export type CellOutput = CellScalar | CellScalar[][];

export function isRange(input: CellInput): input is CellValue[][] {
  return Array.isArray(input);
}

/** A blank cell or an omitted argument. */
export function isBlank(value: CellValue): boolean {
  return value === "" || value === null || value === undefined;
}
