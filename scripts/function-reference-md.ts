// Renders the function reference (docs/functions.md) from the catalogue, so the docs never drift from the code.
import type { CatalogueEntry, Example } from "../src/kpi/catalogue/entry-types";
import { signatureOf } from "../src/kpi/catalogue/invoke";

const KIND_WORDS: Record<string, string> = {
  amount: "amount, totalled over a range",
  count: "count, totalled over a range; no negatives",
  number: "single number",
  rate: "single number (a fraction: 5% is 0.05)",
  date: "date (a date cell, a serial number or ISO text)",
  text: "text",
  range: "range, read cell by cell",
};

const cellText = (value: number | string): string => (typeof value === "number" ? String(value) : value);

function exampleMarkdown(example: Example): string {
  const result = Array.isArray(example.result)
    ? `spills:\n\n${example.result.map((row) => `  | ${row.map(cellText).join(" | ")} |`).join("\n")}\n`
    : `→ \`${cellText(example.result)}\``;
  return `- \`${example.formula}\` ${result}  \n  ${example.explanation}`;
}

function entryMarkdown(entry: CatalogueEntry): string {
  const args = entry.args.map((a) => {
    const optional = a.optional ? ` Optional${a.defaultValue !== undefined ? `, default \`${a.defaultValue}\`` : ""}.` : "";
    return `| \`${a.name}\` | ${KIND_WORDS[a.kind]} | ${a.description}${optional} |`;
  });
  return [
    `### ${entry.name}`,
    "",
    `\`${signatureOf(entry)}\``,
    "",
    entry.summary,
    "",
    `**Definition:** ${entry.formula}  `,
    `**Returns:** ${entry.returns.description}  `,
    `**Source:** ${entry.source}`,
    "",
    "| Argument | Kind | Description |",
    "| --- | --- | --- |",
    ...args,
    "",
    "**Examples**",
    "",
    ...entry.examples.map(exampleMarkdown),
    ...(entry.notes?.length ? ["", "**Notes**", "", ...entry.notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
}

export function functionReferenceMarkdown(catalogue: readonly CatalogueEntry[]): string {
  const categories = [...new Set(catalogue.map((e) => e.category))];
  const index = categories.map((category) => {
    const names = catalogue.filter((e) => e.category === category).map((e) => `[${e.name}](#${e.name.toLowerCase()})`);
    return `- **${category}**: ${names.join(", ")}`;
  });
  const sections = categories.map((category) =>
    [`## ${category}`, "", ...catalogue.filter((e) => e.category === category).map(entryMarkdown)].join("\n"));
  return [
    "# Function reference",
    "",
    "<!-- Generated from src/kpi/catalogue by `npm run docs`; a test fails when this file is stale. -->",
    "",
    "Every function takes numbers, single cells or ranges. Amounts and counts are totalled over their range",
    "(blank cells ignored); numeric text such as `1,200`, `$1,200` or `5%` is read as a number; any other text,",
    "a boolean or an error cell is refused with a message naming the function, the argument and the row",
    "(rows are counted within the range). Rates are fractions: format the cell as a percentage.",
    "A KPI that is undefined (a zero denominator) shows `#ERROR!` with the reason on hover.",
    "",
    ...index,
    "",
    ...sections,
  ].join("\n");
}
