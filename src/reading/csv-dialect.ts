// Decides a CSV's delimiter from its first lines: Excel's "sep=;" line, else the candidate that splits the lines most consistently.

export type Delimiter = "," | ";" | "\t" | "|";

export interface CsvDialect {
  delimiter: Delimiter;
  /** True when the text starts with Excel's "sep=X" line, which is then not data. */
  sepLine: boolean;
  reason: string;
}

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];
const NAMES: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

export function delimiterName(d: Delimiter): string {
  return NAMES[d];
}

/** Counts each candidate outside quotes on each of the first lines of `text`. */
function countsPerLine(text: string, maxLines: number): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(CANDIDATES.map((d) => [d, []]));
  let inQuotes = false;
  let line = new Map<string, number>();
  let lines = 0;
  const flush = (): void => {
    for (const d of CANDIDATES) counts.get(d)?.push(line.get(d) ?? 0);
    line = new Map();
    lines++;
  };
  for (let i = 0; i < text.length && lines < maxLines; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (c === "\r" && text[i + 1] === "\n") i++;
      flush();
    } else if (!inQuotes && (c === "," || c === ";" || c === "\t" || c === "|")) line.set(c, (line.get(c) ?? 0) + 1);
  }
  if (lines < maxLines && line.size > 0) flush();
  return counts;
}

/**
 * The delimiter that gives the most lines the same number of fields (at least two), so title lines above
 * the table ("Campaign report", a date range) do not sway it; ties go to the order comma, semicolon, tab, pipe.
 */
export function sniffDialect(head: string): CsvDialect {
  const sep = /^sep=(.)\r?\n/i.exec(head);
  if (sep !== null && (CANDIDATES as readonly string[]).includes(sep[1])) {
    const d = sep[1] as Delimiter;
    return { delimiter: d, sepLine: true, reason: `the first line says "sep=${d === "\t" ? "\\t" : d}"` };
  }
  const counts = countsPerLine(head, 60);
  let best: { d: Delimiter; lines: number; fields: number } | null = null;
  for (const d of CANDIDATES) {
    const perLine = (counts.get(d) ?? []).filter((n) => n > 0);
    if (perLine.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of perLine) freq.set(n, (freq.get(n) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [n, f] of freq) if (f > modeCount || (f === modeCount && n > mode)) [mode, modeCount] = [n, f];
    if (best === null || modeCount > best.lines || (modeCount === best.lines && mode > best.fields)) best = { d, lines: modeCount, fields: mode };
  }
  if (best === null) return { delimiter: ",", sepLine: false, reason: "no line holds a comma, semicolon, tab or pipe, so each line is one field" };
  return {
    delimiter: best.d,
    sepLine: false,
    reason: `${best.lines} of the first lines split into ${best.fields + 1} fields on a ${NAMES[best.d]}`,
  };
}
