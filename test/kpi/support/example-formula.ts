// Reads a catalogue example formula (literals, inline arrays, DATE) into the arguments Sheets would pass.
import type { CellInput, CellValue } from "../../../src/kpi/cells";

export interface ParsedCall {
  name: string;
  args: CellInput[];
}

/** A small recursive-descent reader: enough for the documented examples, which use no cell references. */
export function parseExampleFormula(formula: string): ParsedCall {
  let i = 0;
  const text = formula.trim();
  const fail = (what: string): never => {
    throw new Error(`cannot read example ${formula} at ${i}: ${what}`);
  };
  const skip = (): void => {
    while (text[i] === " ") i++;
  };
  const expect = (ch: string): void => {
    skip();
    if (text[i] !== ch) fail(`expected ${ch}`);
    i++;
  };
  const name = (): string => {
    skip();
    const m = /^[A-Z_][A-Z0-9_]*/i.exec(text.slice(i));
    if (!m) return fail("expected a name");
    i += m[0].length;
    return m[0].toUpperCase();
  };
  const scalar = (): CellValue => {
    skip();
    if (text[i] === "\"") {
      let out = "";
      i++;
      for (;;) {
        if (i >= text.length) fail("unterminated string");
        if (text[i] === "\"") {
          if (text[i + 1] === "\"") {
            out += "\"";
            i += 2;
            continue;
          }
          i++;
          return out;
        }
        out += text[i++];
      }
    }
    const num = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const word = name();
    if (word === "TRUE" || word === "FALSE") return word === "TRUE";
    if (word !== "DATE") fail(`unknown function ${word}`);
    expect("(");
    const parts: number[] = [];
    for (;;) {
      const part = scalar();
      if (typeof part !== "number") fail("DATE takes numbers");
      parts.push(part as number);
      skip();
      if (text[i] === ")") break;
      expect(",");
    }
    i++;
    // Sheets hands a date to a custom function as a Date at local midnight.
    return new Date(parts[0], parts[1] - 1, parts[2]);
  };
  const array = (): CellValue[][] => {
    expect("{");
    const rows: CellValue[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(scalar());
      skip();
      const sep = text[i++];
      if (sep === "}") return rows;
      if (sep === ";") rows.push([]);
      else if (sep !== ",") fail("expected , ; or }");
    }
  };
  const argument = (): CellInput => {
    skip();
    if (text[i] === "," || text[i] === ")") return undefined;
    if (text[i] === "{") return array();
    return scalar();
  };

  expect("=");
  const fn = name();
  expect("(");
  const args: CellInput[] = [];
  skip();
  if (text[i] === ")") {
    i++;
  } else {
    for (;;) {
      args.push(argument());
      skip();
      const sep = text[i++];
      if (sep === ")") break;
      if (sep !== ",") fail("expected , or )");
    }
  }
  skip();
  if (i !== text.length) fail("trailing text");
  return { name: fn, args };
}
