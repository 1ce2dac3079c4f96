// A1 notation for the cells and columns that errors and named ranges point at.

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Sheet name as Sheets writes it before "!": quoted only when it must be, with ' doubled. */
export function sheetRef(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) && !looksLikeCellRef(sheetName)
    ? sheetName
    : quotedSheetRef(sheetName);
}

/** Always-quoted form, valid for every sheet name; named ranges use it so nothing depends on the name. */
export function quotedSheetRef(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** `Data!C7`: a cell the user can type into the name box. */
export function cellA1(sheetName: string, row: number, columnIndex: number): string {
  return `${sheetRef(sheetName)}!${columnLetter(columnIndex)}${row}`;
}

// A sheet called "A1" or "R1C1" must be quoted or Sheets reads it as a cell.
function looksLikeCellRef(name: string): boolean {
  return /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
}
