// The checked-in function reference and the in-sheet reference dialog both come from the catalogue.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { functionReferenceMarkdown } from "../../scripts/function-reference-md";
import { CATALOGUE } from "../../src/kpi/catalogue";
import { functionReferenceHtml } from "../../src/server/function-reference-html";

describe("function reference", () => {
  it("docs/functions.md is up to date (run `npm run docs` after changing the catalogue)", () => {
    const checkedIn = readFileSync(join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
    expect(checkedIn).toBe(functionReferenceMarkdown(CATALOGUE));
  });

  it("documents every function with a source and at least one example", () => {
    for (const entry of CATALOGUE) {
      expect(entry.source.length, entry.name).toBeGreaterThan(10);
      expect(entry.examples.length, entry.name).toBeGreaterThan(0);
      expect(entry.args.every((a) => /^[a-z][a-z0-9_]*$/.test(a.name)), entry.name).toBe(true);
    }
  });

  it("the Function reference dialog lists every function and escapes its text", () => {
    const html = functionReferenceHtml();
    for (const entry of CATALOGUE) expect(html).toContain(`<code>${entry.name}(`);
    expect(html).not.toContain("<script");
    expect(html).toContain("=KPI_BY({&quot;Search&quot;");
  });
});
