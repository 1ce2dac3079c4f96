// Moves a formula's relative A1 references by whole rows and columns, as Sheets does for a conditional rule's custom formula applied to each cell of its range.
import { columnToLetters } from "./a1";

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const NAME_CHAR = /[A-Za-z0-9_.]/;

/** One reference part: a cell (`$B7`), a column (`C`) or a row (`12`), with `$` keeping it fixed. */
const REFERENCE =
  /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])|(\$?)(\d{1,7}):(\$?)(\d{1,7})/y;

/**
 * The formula with every relative reference moved `rows` down and `columns` right; `$` parts stay.
 * Text in quotes and sheet names stay as they are. A reference moved above row 1 or left of column A
 * becomes `#REF!`, as Sheets shows it.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let i = 0;
  let broken = false;
  const column = (fixed: string, letters: string) => {
    const n = fixed ? lettersToColumn(letters) : lettersToColumn(letters) + columns;
    if (n < 1) broken = true;
    return `${fixed}${columnToLetters(Math.max(1, n))}`;
  };
  const row = (fixed: string, digits: string) => {
    const n = fixed ? Number(digits) : Number(digits) + rows;
    if (n < 1) broken = true;
    return `${fixed}${Math.max(1, n)}`;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal, or a quoted sheet name; a doubled quote stays inside it.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    if (!NAME_CHAR.test(before) && before !== "$") {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(formula);
      const after = m ? formula[i + m[0].length] ?? "" : "";
      // A name (kpi_spend), a function (LOG10(), or a sheet name (Q1!) is not a reference.
      if (m && !NAME_CHAR.test(after) && after !== "(" && after !== "!") {
        if (m[2] !== undefined) {
          out += column(m[1], m[2]) + row(m[3], m[4]);
          if (m[6] !== undefined) out += `:${column(m[5], m[6])}${row(m[7], m[8])}`;
        } else if (m[10] !== undefined) {
          out += `${column(m[9], m[10])}:${column(m[11], m[12])}`;
        } else {
          out += `${row(m[13], m[14])}:${row(m[15], m[16])}`;
        }
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return broken ? "=#REF!" : out;
}
