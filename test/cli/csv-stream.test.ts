// The chunked CSV reader splits records exactly as the emulation's parseCsv at any chunk boundary, and reads cells as its import does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvCellReader, isoDaySerial } from "../../src/local/cli/csv-cells";
import { splitRecords } from "../../src/local/cli/csv-records";
import { parseCsv } from "../../src/local/emulation";
import { csvFieldValue } from "../../src/local/emulation/csv";
import { isoToSerial } from "../../src/local/emulation/dates";

function chunked(text: string, cuts: number[]): string[][] {
  const rows: string[][] = [];
  let carry = "";
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const text2 = carry + text.slice(from, cut);
    carry = text2.slice(splitRecords(text2, false, (r) => rows.push(r)));
    from = cut;
  }
  splitRecords(carry + text.slice(from), true, (r) => rows.push(r));
  return rows;
}

describe("splitRecords", () => {
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
});

describe("CsvCellReader", () => {
  it("reads numbers, ISO dates and text as the emulation's CSV import does", () => {
    const reader = new CsvCellReader();
    for (const field of ["12", "12.50", "-3", "+.5", "1e3", " 42 ", "0x10", "Infinity", "1,200", "$5", "2024-02-29", "2023-02-29", "2024-02-29T10:30", "Paid search", "TRUE"]) {
      const emulated = csvFieldValue(field);
      const read = reader.reportCell(field);
      if (typeof emulated === "number") expect(read, field).toBe(emulated);
      else if (typeof emulated === "string" && isoToSerial(emulated) !== undefined) expect(read, field).toBe(isoToSerial(emulated));
      else expect(read, field).toBe(String(emulated).replace(/^'/, ""));
    }
  });

  it("turns every day of four centuries into the same serial as the emulation", () => {
    for (let t = Date.UTC(1800, 0, 1); t < Date.UTC(2200, 0, 1); t += 86_400_000 * 7) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(isoDaySerial(day)).toBe(isoToSerial(day));
    }
    expect(isoDaySerial("2023-02-29")).toBeUndefined();
    expect(isoDaySerial("2024-04-31")).toBeUndefined();
  });
});
