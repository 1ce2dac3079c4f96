// The spreadsheet functions the summary's formulas may use: all in Excel 2007's set, so Sheets, Excel, LibreOffice and HyperFormula read them alike.

/** Every function a generated formula calls. IFS and SWITCH are avoided: nested IF says the same in every engine. */
export const SUMMARY_FUNCTIONS = [
  "AND", "COUNTIFS", "DATE", "DAY", "EOMONTH", "IF", "IFERROR", "INT", "ISNUMBER", "MAX", "MIN", "MONTH", "N", "NOT", "OR",
  "SUM", "SUMIFS", "SUMPRODUCT", "TEXT", "TRIM", "YEAR",
] as const;

/**
 * Functions newer than Excel 2007 that the compiler emits, which an .xlsx writer must spell with the
 * `_xlfn.` prefix. None today; a test fails if a formula starts using one without it being listed here.
 */
export const POST_2007_FUNCTIONS: readonly string[] = [];

/** Function names called in a formula, ignoring text inside string literals. */
export function functionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
}
