// Sheets' open-ended ranges (`Data!C2:C`) have no HyperFormula spelling: bound them to the sheet's grid, and back.
import { splitSheetName } from "./a1";

// A sheet prefix (quoted or bare), a start cell, then an end column with no row.
// The lookarounds keep "C2:C10", "SUM(", and names like "Q1:Q2x" out of the match.
const OPEN_ENDED = /(?<![\w.$'!:])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?[0-9]+):(\$?[A-Za-z]{1,3})(?![\w(!:$])/g;
// The same shape with an end row, used to recognise a range that reaches a given row.
const BOUNDED = /(?<![\w.$'!:])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?[0-9]+):(\$?[A-Za-z]{1,3})(\$?)([0-9]+)(?![\w(!:$])/g;

/** Applies `replace` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, replace: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join("");
}

export function hasOpenEndedRange(formula: string): boolean {
  let found = false;
  outsideStrings(formula, (code) => {
    OPEN_ENDED.lastIndex = 0;
    if (OPEN_ENDED.test(code)) found = true;
    return code;
  });
  return found;
}

/**
 * Rewrites `C2:C` as `C2:C<rows>`, where rows is the referenced sheet's row count
 * (the formula's own sheet when unprefixed). Sheets reads an open-ended range to the
 * last row of the grid, so this is the same range as long as it is rebound when the grid grows.
 */
export function boundOpenEndedRanges(
  formula: string,
  rowsOf: (sheetName: string | undefined) => number | undefined,
): string {
  return outsideStrings(formula, (code) =>
    code.replace(OPEN_ENDED, (whole, prefix: string | undefined, start: string, endColumn: string) => {
      const sheetName = prefix ? splitSheetName(prefix).sheetName : undefined;
      const rows = rowsOf(sheetName);
      return rows === undefined ? whole : `${prefix ?? ""}${start}:${endColumn}${rows}`;
    }),
  );
}

/** Rewrites ranges ending on `fullRow` (e.g. Excel's 1048576) as open-ended, the inverse used when loading files. */
export function openRangesEndingAt(formula: string, fullRow: number): string {
  return outsideStrings(formula, (code) =>
    code.replace(BOUNDED, (whole, prefix: string | undefined, start: string, endColumn: string, _dollar: string, row: string) =>
      Number(row) === fullRow ? `${prefix ?? ""}${start}:${endColumn}` : whole,
    ),
  );
}

/** Rewrites open-ended ranges to end on `fullRow`, for file formats that cannot spell them. */
export function closeOpenRangesAt(formula: string, fullRow: number): string {
  return boundOpenEndedRanges(formula, () => fullRow);
}
