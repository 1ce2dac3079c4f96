// Formulas of the form IFERROR(<a Sheets-only call>, fallback): what an .xlsx caches for them is the fallback's value, which Excel and LibreOffice show.

/** Functions Google Sheets has and Excel and LibreOffice do not, which the formula engine computes as Sheets does. */
export const SHEETS_ONLY_FUNCTIONS: readonly string[] = ["SPARKLINE"];

/**
 * The fallback of `IFERROR(F(...), fallback)` when F is Sheets-only, without the leading "="; null for any
 * other formula. Sheets shows F's result (a drawn sparkline); elsewhere F is #NAME? and IFERROR shows the fallback.
 */
export function sheetsOnlyFallback(formula: string): string | null {
  const body = formula.replace(/^=/, "").trim();
  const head = /^IFERROR\(\s*([A-Z][A-Z0-9.]*)\(/i.exec(body);
  if (head === null || !SHEETS_ONLY_FUNCTIONS.includes(head[1].toUpperCase()) || !body.endsWith(")")) return null;
  // IFERROR's top-level comma: outside brackets, array braces and string literals ("" inside one toggles twice).
  let depth = 0;
  let quoted = false;
  for (let i = "IFERROR(".length; i < body.length - 1; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      const fallback = body.slice(i + 1, -1).trim();
      return fallback === "" ? null : fallback;
    }
  }
  return null;
}
