// Reads a text argument that must be one of a few words (a statistic, a curve, a direction), case-insensitively.
import type { CellInput } from "../cells";
import { type ArgRef, singleText } from "../coerce";
import { fail } from "../kpi-error";

export function singleChoice<T extends string>(ref: ArgRef, input: CellInput, choices: readonly T[], defaultValue: T): T {
  const text = singleText(ref, input, defaultValue).toLowerCase();
  const found = choices.find((choice) => choice === text);
  if (found !== undefined) return found;
  const listed = choices.map((c) => `"${c}"`);
  const options = `${listed.slice(0, -1).join(", ")} or ${listed[listed.length - 1]}`;
  return fail(ref.fn, `${ref.arg} is ${JSON.stringify(text)}; use ${options}`);
}
