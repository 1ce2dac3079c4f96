// Reads a formula up to the caret as Sheets' formula bar does: the function name being typed, and the call and argument the caret is in.

export interface FormulaContext {
  /** The name being typed right before the caret (for autocomplete), and where it starts. */
  name: { text: string; start: number } | null;
  /** The innermost function call around the caret, and which of its arguments (0 for the first) the caret is in. */
  call: { name: string; argument: number } | null;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_.]/;

interface Frame {
  name: string | null;
  argument: number;
  /** Depth of `{...}` array literals inside this call: their commas and semicolons separate cells, not arguments. */
  braces: number;
}

export function formulaContext(formula: string, caret: number): FormulaContext {
  if (!formula.startsWith("=")) return { name: null, call: null };
  const end = Math.max(1, Math.min(caret, formula.length));
  const stack: Frame[] = [{ name: null, argument: 0, braces: 0 }];
  let i = 1;
  while (i < end) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote stays inside. Unclosed: the caret is in it.
      let j = i + 1;
      while (j < end && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      if (j >= end) return { name: null, call: callOf(stack) };
      i = j + 1;
      continue;
    }
    if (NAME_START.test(ch) && !NAME_CHAR.test(formula[i - 1] ?? "")) {
      let j = i;
      while (j < end && NAME_CHAR.test(formula[j])) j++;
      if (formula[j] === "(" && j < end) {
        stack.push({ name: formula.slice(i, j).toUpperCase(), argument: 0, braces: 0 });
        i = j + 1;
        continue;
      }
      i = j;
      continue;
    }
    const top = stack[stack.length - 1];
    if (ch === "(") stack.push({ name: null, argument: 0, braces: 0 });
    else if (ch === ")" && stack.length > 1) stack.pop();
    else if (ch === "{") top.braces++;
    else if (ch === "}") top.braces = Math.max(0, top.braces - 1);
    else if (ch === "," && top.braces === 0) top.argument++;
    i++;
  }
  return { name: nameBefore(formula, end), call: callOf(stack) };
}

function callOf(stack: readonly Frame[]): FormulaContext["call"] {
  for (let k = stack.length - 1; k >= 0; k--) {
    const frame = stack[k];
    if (frame.name !== null) return { name: frame.name, argument: frame.argument };
  }
  return null;
}

/** The identifier ending at the caret, unless it is a cell reference (`B12`) or part of a sheet-qualified one. */
function nameBefore(formula: string, caret: number): FormulaContext["name"] {
  let start = caret;
  while (start > 1 && NAME_CHAR.test(formula[start - 1])) start--;
  const text = formula.slice(start, caret);
  if (text === "" || !NAME_START.test(text[0])) return null;
  const before = formula[start - 1];
  if (before === "!" || before === ":" || before === "$") return null;
  if (/^[A-Za-z]{1,3}\d+$/.test(text)) return null;
  return { text, start };
}
