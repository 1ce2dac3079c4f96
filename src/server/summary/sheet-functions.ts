// The spreadsheet functions the summary's formulas may use: all in Excel 2007's set, so Sheets, Excel, LibreOffice and HyperFormula read them alike.

/** Every function a generated formula calls. IFS and SWITCH are avoided: nested IF says the same in every engine. */
export const SUMMARY_FUNCTIONS = [
  "AND", "COUNT", "COUNTIF", "COUNTIFS", "DATE", "DAY", "EOMONTH", "IF", "IFERROR", "INDEX", "INT", "ISNUMBER", "MATCH", "MAX",
  "MID", "MIN", "MONTH", "N", "NOT", "OR", "ROUND", "SUM", "SUMIFS", "SUMPRODUCT", "TEXT", "TRIM", "YEAR",
] as const;

/**
 * Functions only Google Sheets has, each used only as the first argument of IFERROR whose second argument is
 * the portable form: Sheets draws SPARKLINE's line, while Excel and LibreOffice read the unknown name as
 * #NAME? and show the fallback (a text trend, ▁▃▅▇). An .xlsx caches the fallback's value.
 */
export const SHEETS_ONLY_FUNCTIONS: readonly string[] = ["SPARKLINE"];

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
