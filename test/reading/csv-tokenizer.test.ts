// The chunked tokenizer splits records exactly as the emulation's parseCsv at any chunk boundary, for each delimiter, in one pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/local/emulation";
import { isoToSerial } from "../../src/local/emulation/dates";
import { daySerial, isValidDay } from "../../src/reading/calendar";
import { CsvTokenizer, tokenizeCsv } from "../../src/reading/csv-tokenizer";

function chunked(text: string, cuts: number[], delimiter: "," | ";" | "\t" | "|" = ","): string[][] {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => rows.push([...r]));
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(text.slice(from, cut));
    from = cut;
  }
  tokenizer.push(text.slice(from));
  tokenizer.end();
  return rows;
}

describe("CsvTokenizer", () => {
  it("agrees with parseCsv on quotes, commas, CRLF and line breaks inside quotes, wherever the chunks are cut", () => {
    const field = fc.oneof(fc.constantFrom("", "a", "b,c", 'say "hi"', "x\ny", "\r\n", '"', "12.5"), fc.string({ maxLength: 4 }));
    const csv = fc
      .array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })
      .chain((rows) => {
        const quote = (f: string) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f);
        const text = rows.map((r) => r.map(quote).join(",")).join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0]);
        return fc.tuple(fc.constant(text), fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }));
      });
    fc.assert(
      fc.property(csv, ([text, cuts]) => {
        const rows = chunked(text, cuts);
        // parseCsv drops a last line that is only `""`; both are blank rows, which no reader counts.
        const last = rows[rows.length - 1];
        if (last !== undefined && last.length === 1 && last[0] === "" && parseCsv(text).length < rows.length) rows.pop();
        expect(rows).toEqual(parseCsv(text));
      }),
      { numRuns: 300 },
    );
  });

  it("splits on semicolons, tabs and pipes the same way, leaving commas inside fields", () => {
    for (const d of [";", "\t", "|"] as const) {
      const text = ["Tag", "Kosten", '"a' + d + 'b"'].join(d) + "\r\n" + ["23.09.2026", "1.234,56", '"x""y"'].join(d) + "\n";
      expect(chunked(text, [3, 9, 20], d)).toEqual([
        ["Tag", "Kosten", `a${d}b`],
        ["23.09.2026", "1.234,56", 'x"y'],
      ]);
    }
  });

  it("keeps one quoted field of a megabyte, with doubled quotes and line breaks, whole across a thousand chunks", () => {
    const inner = 'ab"c\nd,'.repeat(150_000);
    const text = `id,note\n1,"${inner.replace(/"/g, '""')}"\n2,x\n`;
    const cuts = Array.from({ length: 1000 }, (_, i) => Math.floor((text.length / 1000) * i));
    const rows = chunked(text, cuts);
    expect(rows.length).toBe(3);
    expect(rows[1][1]).toBe(inner);
    expect(rows[2]).toEqual(["2", "x"]);
  });

  it("reads a CR at the end of a chunk followed by LF in the next as one line break", () => {
    expect(chunked("a,b\r\nc,d", [4])).toEqual([["a", "b"], ["c", "d"]]);
    expect(tokenizeCsv("a,b,\n", ",")).toEqual([["a", "b", ""]]);
  });
});

describe("calendar serials", () => {
  it("turns every week of four centuries into the same serial as the emulation", () => {
    for (let t = Date.UTC(1800, 0, 1); t < Date.UTC(2200, 0, 1); t += 86_400_000 * 7) {
      const day = new Date(t).toISOString().slice(0, 10);
      const [y, m, d] = day.split("-").map(Number);
      expect(daySerial(y, m, d)).toBe(isoToSerial(day));
    }
    expect(isValidDay(2023, 2, 29)).toBe(false);
    expect(isValidDay(2024, 4, 31)).toBe(false);
  });
});
