// Property tests: numbers and dates written in each locale's form read back exactly, and a form that could mean two things is reported, never guessed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daySerial } from "../../src/reading/calendar";
import { readDateText } from "../../src/reading/date-text";
import { readNumberText } from "../../src/reading/number-text";
import { readGrid } from "../../src/reading/table-reader";
import { readingLocale } from "../../src/reading/locale";

/** Groups the integer digits by threes with `mark`, the way each locale prints thousands. */
function grouped(digits: string, mark: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += mark;
    out += digits[i];
  }
  return out;
}

const FORMS: Array<{ name: string; write: (whole: string, cents: string) => string }> = [
  { name: "en 1,234.56", write: (w, c) => `${grouped(w, ",")}.${c}` },
  { name: "de 1.234,56", write: (w, c) => `${grouped(w, ".")},${c}` },
  { name: "fr 1 234,56 (narrow no-break space)", write: (w, c) => `${grouped(w, "\u202f")},${c}` },
  { name: "fr 1 234,56 (no-break space)", write: (w, c) => `${grouped(w, "\u00a0")},${c}` },
  { name: "ch 1'234.56", write: (w, c) => `${grouped(w, "'")}.${c}` },
  { name: "€ after, de", write: (w, c) => `${grouped(w, ".")},${c} €` },
  { name: "Rp before, id", write: (w, c) => `Rp ${grouped(w, ".")},${c}` },
  { name: "RM before, ms", write: (w, c) => `RM${grouped(w, ",")}.${c}` },
  { name: "USD code, en", write: (w, c) => `USD ${grouped(w, ",")}.${c}` },
];

describe("numbers in each locale's form", () => {
  it("read back exactly, negatives in accounting brackets and with the Unicode minus too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...FORMS), fc.constantFrom("", "-", "\u2212", "()"), (whole, cents, form, sign) => {
        const c = String(cents).padStart(2, "0");
        const body = form.write(String(whole), c);
        const text = sign === "()" ? `(${body})` : `${sign}${body}`;
        const expected = (sign === "" ? 1 : -1) * Number(`${whole}.${c}`);
        const reading = readNumberText(text);
        expect(reading, text).not.toBeNull();
        expect(reading?.kind, text).toBe("exact");
        // -0 and 0 are the same amount.
        if (reading?.kind === "exact") expect(reading.value + 0, text).toBe(expected + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("a lone group of three after one mark is reported as ambiguous with both readings, not guessed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(".", ","), (head, tail, mark) => {
        const t = String(tail).padStart(3, "0");
        const reading = readNumberText(`${head}${mark}${t}`);
        expect(reading).toEqual({
          kind: "ambiguous",
          ifDot: mark === "." ? Number(`${head}.${t}`) : Number(`${head}${t}`),
          ifComma: mark === "," ? Number(`${head}.${t}`) : Number(`${head}${t}`),
          percent: false,
        });
      }),
    );
  });

  it("a column settles its ambiguous cells from one unambiguous value, else from the locale, and says which", () => {
    fc.assert(
      // 1,000..999,999 written with one point ("12.345") is always in doubt: 12.345 or 12345.
      fc.property(fc.array(fc.integer({ min: 1000, max: 999_999 }), { minLength: 1, maxLength: 20 }), fc.boolean(), fc.constantFrom("de-DE", "en-US"), (values, settle, tag) => {
        const cells = values.map((v) => grouped(String(v), "."));
        if (settle) cells.push("1.234,5");
        const read = readGrid([["Kosten"], ...cells.map((c) => [c])], { headerRow: 1, locale: readingLocale(tag, "the test") });
        const comma = settle || tag === "de-DE";
        expect(read.rows.slice(0, values.length).map((r) => r[0])).toEqual(values.map((v) => (comma ? v : v / 1000)));
        const assumptions = read.report.columns[0].assumptions;
        if (settle) expect(assumptions).toEqual([]);
        else expect(assumptions[0]).toMatch(tag === "de-DE" ? /^decimal comma from de-DE, the test: / : /^decimal point from en-US, the test: /);
      }),
      { numRuns: 300 },
    );
  });
});

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_DE = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];
const MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const MONTHS_FR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const MONTHS_MS = ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November", "Disember"];
const p2 = (n: number): string => String(n).padStart(2, "0");

const DATE_FORMS: Array<{ name: string; write: (y: number, m: number, d: number) => string }> = [
  { name: "ISO", write: (y, m, d) => `${y}-${p2(m)}-${p2(d)}` },
  { name: "ISO with time and zone", write: (y, m, d) => `${y}-${p2(m)}-${p2(d)}T23:59:59Z` },
  { name: "ISO with a space and seconds", write: (y, m, d) => `${y}-${p2(m)}-${p2(d)} 09:07:33` },
  { name: "compact (GA4)", write: (y, m, d) => `${y}${p2(m)}${p2(d)}` },
  { name: "en Oct 1, 2026", write: (y, m, d) => `${MONTHS_EN[m - 1]} ${d}, ${y}` },
  { name: "en 23 Sep 2026", write: (y, m, d) => `${d} ${MONTHS_EN[m - 1]} ${y}` },
  { name: "de 1. Okt. 2026", write: (y, m, d) => `${d}. ${MONTHS_DE[m - 1]} ${y}` },
  { name: "fr 1 oct. 2026", write: (y, m, d) => `${d} ${MONTHS_FR[m - 1]} ${y}` },
  { name: "es 1 de octubre de 2026", write: (y, m, d) => `${d} de ${MONTHS_ES[m - 1]} de ${y}` },
  { name: "id 23 Agustus 2026", write: (y, m, d) => `${d} ${MONTHS_ID[m - 1]} ${y}` },
  { name: "ms 23 Ogos 2026", write: (y, m, d) => `${d} ${MONTHS_MS[m - 1]} ${y}` },
];

describe("dates in each locale's form", () => {
  const day = fc.record({ y: fc.integer({ min: 1950, max: 2150 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });

  it("read back to the same calendar day, a time of day dropped, never shifted", () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...DATE_FORMS), ({ y, m, d }, form) => {
        const text = form.write(y, m, d);
        const reading = readDateText(text);
        expect(reading, text).not.toBeNull();
        expect(reading?.kind === "ambiguous" ? null : reading?.serial, text).toBe(daySerial(y, m, d));
      }),
      { numRuns: 2000 },
    );
  });

  it("numeric day and month: a day above 12 settles the order; otherwise both readings are reported", () => {
    fc.assert(
      fc.property(day, fc.constantFrom("/", ".", "-"), fc.constantFrom("DMY", "MDY"), ({ y, m, d }, sep, order) => {
        const text = order === "DMY" ? `${p2(d)}${sep}${p2(m)}${sep}${y}` : `${m}${sep}${d}${sep}${y}`;
        const reading = readDateText(text);
        if (d > 12 || d === m) expect(reading).toMatchObject({ kind: "exact", serial: daySerial(y, m, d) });
        else expect(reading).toEqual({ kind: "ambiguous", dmy: order === "DMY" ? daySerial(y, m, d) : daySerial(y, d, m), mdy: order === "DMY" ? daySerial(y, d, m) : daySerial(y, m, d) });
      }),
      { numRuns: 1000 },
    );
  });

  it("a column of ambiguous dates takes the locale's order and says so; one day above 12 settles it instead", () => {
    const grid = [["Datum"], ["03.04.2026"], ["05.06.2026"]];
    const byLocale = readGrid(grid, { headerRow: 1, locale: readingLocale("en-US", "the spreadsheet's locale") });
    expect(byLocale.rows.map((r) => r[0])).toEqual([daySerial(2026, 3, 4), daySerial(2026, 5, 6)]);
    expect(byLocale.report.columns[0].assumptions[0]).toBe(
      "month/day/year from en-US, the spreadsheet's locale: no date in the column has a day above 12, and 2 like '03.04.2026' (A2) could be read either way",
    );
    const settled = readGrid([...grid, ["23.09.2026"]], { headerRow: 1, locale: readingLocale("en-US", "the spreadsheet's locale") });
    expect(settled.rows.map((r) => r[0])).toEqual([daySerial(2026, 4, 3), daySerial(2026, 6, 5), daySerial(2026, 9, 23)]);
    expect(settled.report.columns[0].assumptions).toEqual([]);
  });
});

describe("the quick reader of digits, points and commas", () => {
  it("reads every string of digits, points, commas and a leading minus exactly as the general reader", async () => {
    const { readAnyNumber, readDigitsAndMarks } = await import("../../src/reading/number-text");
    const text = fc.tuple(fc.constantFrom("", "-"), fc.array(fc.constantFrom("0", "1", "2", "5", "9", ".", ","), { minLength: 1, maxLength: 14 })).map(([s, cs]) => s + cs.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const quick = readDigitsAndMarks(t);
        if (quick !== undefined) expect(quick, t).toEqual(readAnyNumber(t));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("the quick reader of numeric dates", () => {
  it("agrees with the patterns on every short string of digits and separators", async () => {
    const { readDateText } = await import("../../src/reading/date-text");
    const slow = (t: string) => readDateText(` ${t} `);
    const text = fc.array(fc.constantFrom("0", "1", "2", "3", "9", ".", "/", "-"), { minLength: 8, maxLength: 10 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(readDateText(t), t).toEqual(slow(t));
      }),
      { numRuns: 20_000 },
    );
    expect(readDateText("23.09.2026")).toEqual(slow("23.09.2026"));
  });
});
