// The CLI's fast path for large CSVs (column store, fast lane for clean records, column-wise report) against the row path the add-on uses, on awkward exports.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowArrays } from "../../src/kpi/cell-grid";
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport, type FunnelSpec } from "../../src/kpi/funnel-report";
import { dataSpan } from "../../src/kpi/funnel/data-dates";
import { decodeBytes } from "../../src/reading/byte-decoder";
import { isoDayAt, plainNumberAt } from "../../src/reading/column-reader";
import { CsvTableReader, readCsvText } from "../../src/reading/csv-table";
import type { TableReaderOptions } from "../../src/reading/table-reader";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import { validateMapping } from "../../src/server/mapping/validate-mapping";
import { detectionSample } from "../../src/reading/detection-sample";
import { ROOT, cli, tempDir, writeFile } from "../cli/cli-harness";

type Options = Omit<TableReaderOptions, "semicolonFile" | "expectedRows" | "columns">;

/** The same text read both ways, fed in the same chunks. */
function readBoth(text: string, cuts: readonly number[], options: Options) {
  const rows = new CsvTableReader(options);
  const columns = new CsvTableReader({ ...options, columns: true, textSize: text.length });
  let from = 0;
  for (const cut of [...cuts, text.length].sort((a, b) => a - b)) {
    rows.push(text.slice(from, cut));
    columns.push(text.slice(from, cut));
    from = cut;
  }
  return { rows: rows.finish("utf-8"), columns: columns.finishColumns("utf-8") };
}

const CHANNELS = ["Paid search", "Email", "Organic Search", "Social", "Total Media", "Gesamtmarkt", "Summe", "#hashtag", " Padded ", "Müller GmbH", "email", "Total", "Channel", "campaign"];

/** One cell of a plain (comma, dot, ISO) or German (semicolon, comma, D.M.Y) export, awkward values included. */
function cellArb(kind: "date" | "channel" | "amount" | "count", german: boolean): fc.Arbitrary<string> {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const odd = fc.constantFrom("", " ", "n/a", "--", "#N/A", "TRUE", quote(german ? "1;5" : "1,5"));
  switch (kind) {
    case "date":
      return fc.oneof(
        { weight: 6, arbitrary: fc.date({ min: new Date("2025-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }).map((d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-");
          return german ? `${day}.${m}.${y}` : iso;
        }) },
        { weight: 1, arbitrary: fc.constantFrom("03/04/2026", "13/04/2026", "2026-02-30", "20260923", "Sep 2026", "1. Okt. 2026", "2026-09-01 10:00") },
        { weight: 1, arbitrary: odd },
      );
    case "channel":
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: fc.constantFrom("", quote("Search, paid"), "1.200", "Channel") });
    case "amount":
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: -50_000, max: 500_000 }).map((c) => {
          const text = (c / 100).toFixed(2);
          return german ? text.replace(".", ",") : text;
        }) },
        { weight: 1, arbitrary: fc.constantFrom("1.200", "1,200", "1.234,56", "1,234.56", "(1,200)", "$1,200", "1.250.000", "12.5%", "0.125", "-0", "007", " 42 ", "1e3") },
        { weight: 1, arbitrary: odd },
      );
    case "count":
      return fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 5000 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("1.200", "-3", "3.5") }, { weight: 1, arbitrary: odd });
  }
}

const HEADER = ["Date", "Channel", "Spend", "Sessions", "Leads", "Customers", "Revenue"];
const KINDS = ["date", "channel", "amount", "count", "count", "count", "amount"] as const;
/** Text first and mostly text: where total labels, comments and repeated headers meet a full row of filled cells. */
const TEXT_HEADER = ["Channel", "Campaign", "Source", "Leads", "Customers"];
const TEXT_KINDS = ["channel", "channel", "channel", "count", "count"] as const;

/** An export: maybe a title line, the header, data rows with totals, blanks, repeated headers, comments and ragged rows among them. */
const exportArb = fc.tuple(fc.boolean(), fc.boolean()).chain(([german, textFirst]) => {
  const d = german ? ";" : ",";
  const header = textFirst ? TEXT_HEADER : HEADER;
  const row = fc.tuple(...(textFirst ? TEXT_KINDS : KINDS).map((k) => cellArb(k, german))).map((cells) => cells.join(d));
  const special = textFirst
    ? ["Total: Account,all,all,12,3", "Grand total,x,y,1,1", " Total,x,y,1,1", "#note,a,b,1,1", "channel,CAMPAIGN,Source,1,2", " Channel ,Campaign,source,1,2", " Channel , campaign,Source\t,1,2", "Channel,x,Source,1,2", "Email,Campaign,Source,1,2"].map((l) => l.replaceAll(",", d))
    : [["Total", "", "1234", "5", "", "", ""].join(d), ["Gesamt", "", "99"].join(d), HEADER.join(d), "", "# comment", ["2026-01-01", "Email", "1", "2"].join(d), ["2026-01-02", "Email", "1", "2", "3", "4", "5", "6", "extra"].join(d)];
  const line = fc.oneof({ weight: 20, arbitrary: row }, { weight: 2, arbitrary: fc.constantFrom(...special, "") });
  return fc.record({
    german: fc.constant(german),
    title: fc.boolean(),
    lines: fc.array(line, { minLength: 1, maxLength: 60 }),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  }).map((r) => {
    const head = [...(r.title ? [`Campaign report${d}weekly`] : []), header.join(d)];
    const text = [...head, ...r.lines].join(r.eol) + r.eol;
    return { text, cuts: r.cuts.map((c) => c % (text.length + 1)) };
  });
});

const SPEC: FunnelSpec = { shape: "aggregated", stages: [{ key: "sessions", name: "Sessions", column: 3 }, { key: "leads", name: "Leads", column: 4 }, { key: "customers", name: "Customers", column: 5 }], dateColumn: 0, channelColumn: 1, spendColumn: 2, revenueColumn: 6 };

describe("the column store reads exactly what the row arrays read", () => {
  it("on generated exports with decimal commas, D.M.Y, totals, blanks, text in number columns and quotes, cut anywhere", () => {
    fc.assert(
      fc.property(exportArb, ({ text, cuts }) => {
        // Four rows scanned for the header and a sample of 3 open the fast lane early, so small texts exercise it.
        const { rows, columns } = readBoth(text, cuts, { headerRow: null, locale: null, scanRows: 4, sampleRows: 3 });
        expect(columns.headers).toEqual(rows.headers);
        expect(columns.headerRow).toBe(rows.headerRow);
        expect(rowArrays(columns.rows)).toEqual(rows.rows);
        expect(columns.report).toEqual(rows.report);
      }),
      { numRuns: 400 },
    );
  });

  it("and the report, validation, data span and auto-detect over it agree with the row path", () => {
    fc.assert(
      fc.property(exportArb, ({ text, cuts }) => {
        const { rows, columns } = readBoth(text, cuts, { headerRow: null, locale: null, scanRows: 4, sampleRows: 3 });
        if (rows.headers.join() !== HEADER.join()) return;
        const period = { start: "2026-01-01", end: "2026-06-30" };
        expect(computeFunnelReport(SPEC, columns.rows, { period })).toEqual(computeFunnelReport(SPEC, rows.rows, { period }));
        const sample = detectionSample(rows.rows, rows.report.columns, 50);
        expect(detectionSample(columns.rows, columns.report.columns, 50)).toEqual(sample);
        const proposal = proposeMapping("data", rows.headerRow, rows.headers, sample, rows.rows);
        expect(proposeMapping("data", columns.headerRow, columns.headers, sample, columns.rows)).toEqual(proposal);
        const mapping = proposalToMapping(proposal);
        expect(validateMapping(mapping, columns.headers, columns.rows, columns.report)).toEqual(validateMapping(mapping, rows.headers, rows.rows, rows.report));
        if (mapping.stages.length >= 2) {
          const spec = toFunnelSpec(mapping);
          expect(dataSpan(spec, columns.rows)).toEqual(dataSpan(spec, rows.rows));
          expect(computeFunnelReport(spec, columns.rows, { period })).toEqual(computeFunnelReport(spec, rows.rows, { period }));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("on record-level data with a status column: stage dates, won values, revenue on the last stage", () => {
    const statuses = ["Closed won", "closed WON", "Presentation scheduled", "Closed lost", ""];
    const lines = ["Record ID,Deal Stage,Amount,Create Date,Close Date,Source"];
    for (let i = 0; i < 2000; i++) {
      const created = `2026-${String(1 + (i % 9)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`;
      const status = statuses[i % statuses.length];
      const closed = status.toLowerCase().startsWith("closed") ? `2026-${String(2 + (i % 9)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` : i % 7 === 0 ? "n/a" : "";
      lines.push(`${9000 + i},${status},${i % 11 === 0 ? "" : (i * 37.5).toFixed(2)},${created},${closed},${["Paid Search", "Email", " Email "][i % 3]}`);
    }
    const text = `${lines.join("\n")}\n`;
    const { rows, columns } = readBoth(text, [100, 5000, 40_000], { headerRow: null, locale: null });
    expect(rowArrays(columns.rows)).toEqual(rows.rows);
    const spec: FunnelSpec = {
      shape: "record-level",
      stages: [{ key: "leads", name: "Leads", column: 3 }, { key: "customers", name: "Customers", column: 4, status: { column: 1, values: ["Closed won"] } }],
      dateColumn: 3,
      channelColumn: 5,
      revenueColumn: 2,
    };
    const period = { start: "2026-04-01", end: "2026-06-30" };
    const fast = computeFunnelReport(spec, columns.rows, { period });
    expect(fast).toEqual(computeFunnelReport(spec, rows.rows, { period }));
    expect(fast.timeToConvert?.all.records).toBeGreaterThan(0);
  });

  it("on every export in the fixtures corpus, in 1 kB chunks", () => {
    const dir = join(ROOT, "test", "fixtures", "exports");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
      const { text } = decodeBytes(readFileSync(join(dir, file)));
      const cuts = Array.from({ length: Math.floor(text.length / 1024) }, (_, i) => (i + 1) * 1024);
      for (const sampleRows of [3, 500]) {
        const { rows, columns } = readBoth(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, cuts, { headerRow: null, locale: null, sampleRows });
        expect(rowArrays(columns.rows), file).toEqual(rows.rows);
        expect(columns.report, file).toEqual(rows.report);
      }
    }
  });
});

describe("the quick readers read as the general ones", () => {
  it("a plain number is the double Number() gives, and text it cannot be sure of is left to the general parser", () => {
    const plain = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{1,6}$/))).map(([neg, whole, fraction]) => `${neg ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`);
    fc.assert(
      fc.property(plain, fc.string({ maxLength: 3 }), (text, pad) => {
        const padded = `${pad}${text}${pad}`;
        const v = plainNumberAt(padded, pad.length, pad.length + text.length);
        if (v === v) expect(Object.is(v, Number(text))).toBe(true);
        else expect(/\.\d{3}$/.test(text) || text.length > 15).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of ["", "-", ".", "-.5", "5.", "1.2.3", "1,5", " 1", "1e3", "0x10", "+5"]) expect(plainNumberAt(text, 0, text.length)).toBeNaN();
  });

  it("an ISO day in place is the day's serial, impossible days are not", () => {
    expect(isoDayAt("x2026-02-28y", 1, 11)).toBe(46081);
    expect(isoDayAt("2026-02-29", 0, 10)).toBeNaN();
    expect(isoDayAt("2026/02/28", 0, 10)).toBeNaN();
  });
});

describe("summarize --json on a CSV read by the fast path", () => {
  it("prints the numbers computeFunnelReport gives on the row path's rows", async () => {
    const lines = ["Date;Kanal;Kosten;Sitzungen;Leads;Kunden;Umsatz"];
    for (let i = 0; i < 3000; i++) {
      const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
      const [y, m, d] = day.split("-");
      const spend = i % 97 === 0 ? "--" : `${Math.floor(i * 1.7)},${String(i % 100).padStart(2, "0")}`;
      const revenue = i % 5 === 0 ? "" : `${Math.floor(i / 1000) > 0 ? `${Math.floor(i / 1000)}.` : ""}${String(i % 1000).padStart(Math.floor(i / 1000) > 0 ? 3 : 1, "0")},50`;
      lines.push(i % 500 === 499 ? "Gesamt;;;;;;" : `${d}.${m}.${y};${["Suche", "E-Mail", "Social", ""][i % 4]};${spend};${1000 + i};${i % 40};${i % 7};${revenue}`);
    }
    const text = `${lines.join("\r\n")}\r\n`;
    const dir = tempDir();
    const path = writeFile(dir, "export.csv", text);
    const result = await cli("summarize", path, "--json");
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    const rows = readCsvText(text, { headerRow: null, locale: null });
    const spec = toFunnelSpec(json.mapping);
    const expected = computeFunnelReport(spec, rows.rows as CellValue[][], { period: { start: json.headline.start, end: json.headline.end } });
    expect(json.totals).toEqual(JSON.parse(JSON.stringify(expected.totals)));
    expect(json.channels).toEqual(JSON.parse(JSON.stringify(expected.channels)));
    expect(json.months).toEqual(JSON.parse(JSON.stringify(expected.months)));
    expect(json.headline.kpis).toEqual(JSON.parse(JSON.stringify(expected.headline?.kpis)));
    expect(json.reading.skipped.filter((r: { reason: string }) => r.reason === "total")).toHaveLength(6);
    expect(json.reading.columns[2].decimal).toBe(",");
  });
});
