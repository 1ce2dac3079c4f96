// The Function reference dialog's HTML, generated from the catalogue so it never drifts from the functions.
import { CATALOGUE } from "../kpi/catalogue";
import { signatureOf } from "../kpi/catalogue/invoke";
import { escapeHtml } from "./html-escape";

export function functionReferenceHtml(): string {
  const sections = CATALOGUE.map((entry) => {
    const args = entry.args
      .map((a) => `<li><code>${escapeHtml(a.name)}</code>${a.optional ? " (optional)" : ""}: ${escapeHtml(a.description)}</li>`)
      .join("");
    const examples = entry.examples
      .map((ex) => `<li><code>${escapeHtml(ex.formula)}</code>: ${escapeHtml(ex.explanation)}</li>`)
      .join("");
    return `<section><h2><code>${escapeHtml(signatureOf(entry))}</code></h2><p>${escapeHtml(entry.summary)}</p>`
      + `<ul>${args}</ul><p class="examples">Examples</p><ul>${examples}</ul>`
      + `<p class="source">Source: ${escapeHtml(entry.source)}</p></section>`;
  }).join("");
  return `<!DOCTYPE html><html><head><base target="_top"><style>`
    + `body{font:13px/1.5 Roboto,Arial,sans-serif;color:#202124;margin:0 16px}h2{font-size:14px;margin:16px 0 4px}`
    + `code{font-family:"Roboto Mono",monospace;background:#f1f3f4;padding:0 2px}.examples{margin:4px 0 0;font-weight:500}`
    + `.source{color:#5f6368;font-size:12px}section{border-bottom:1px solid #dadce0;padding-bottom:8px}`
    + `</style></head><body>${sections}</body></html>`;
}
