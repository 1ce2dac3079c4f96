// A1 notation: column letters, parsing "Sheet!C2:C" into bounds, and printing a box back as Apps Script does.

/** A rectangle of cells, 1-based and inclusive, as Apps Script counts. */
export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A parsed A1 reference; a missing bound means "to the edge of the sheet" (`C2:C`, `C:C`, `2:3`). */
export interface A1Reference {
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

export function columnToLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

const CELL_PART = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parsePart(part: string): { row?: number; column?: number } | undefined {
  const m = CELL_PART.exec(part);
  if (!m || (!m[1] && !m[2])) return undefined;
  return {
    column: m[1] ? lettersToColumn(m[1]) : undefined,
    row: m[2] ? Number(m[2]) : undefined,
  };
}

/** Splits `'My Sheet'!A1:B2` into the sheet name (unquoted) and the cell part. */
export function splitSheetName(a1: string): { sheetName?: string; cells: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { cells: a1 };
  let sheetName = a1.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, cells: a1.slice(bang + 1) };
}

/** Parses A1 notation; undefined when it is not a reference Apps Script would accept. */
export function parseA1(a1: string): A1Reference | undefined {
  const { sheetName, cells } = splitSheetName(a1.trim());
  const [first, second, extra] = cells.split(":");
  if (first === undefined || extra !== undefined) return undefined;
  const start = parsePart(first);
  if (!start) return undefined;
  if (second === undefined) {
    if (start.row === undefined || start.column === undefined) return undefined;
    return { sheetName, startRow: start.row, startColumn: start.column, endRow: start.row, endColumn: start.column };
  }
  const end = parsePart(second);
  if (!end) return undefined;
  // "C:C" and "2:3" are whole columns / rows; "C2:C" is open-ended downwards.
  if ((start.column === undefined) !== (end.column === undefined) && start.column === undefined) return undefined;
  return { sheetName, startRow: start.row, startColumn: start.column, endRow: end.row, endColumn: end.column };
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

export function boxA1(box: Box): string {
  const start = cellA1(box.row, box.column);
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${cellA1(box.row + box.numRows - 1, box.column + box.numColumns - 1)}`;
}

/** Quotes a sheet name for use in a formula or A1 reference when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
