// The reading layer's parts on small, pointed inputs: encodings, dialects, header finding, skipped rows and per-column reports.
import { describe, expect, it } from "vitest";
import { ByteDecoder, decodeBytes, NotUtf8Error } from "../../src/reading/byte-decoder";
import { sniffDialect } from "../../src/reading/csv-dialect";
import { readCsvText } from "../../src/reading/csv-table";
import { daySerial } from "../../src/reading/calendar";
import { readingLocale } from "../../src/reading/locale";
import { readGrid } from "../../src/reading/table-reader";
import { cli, tempDir, writeFile } from "../cli/cli-harness";

describe("decoding bytes", () => {
  it("reads UTF-16 LE and BE by their byte-order marks, and UTF-8 with or without one", () => {
    const text = "Tag\tKosten\n23.09.2026\t1.234,56 €\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeBytes(le)).toEqual({ text, encoding: "utf-16le" });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, € and accents included", () => {
    const bytes = Uint8Array.from([0x4b, 0x6f, 0x73, 0x74, 0x65, 0x6e, 0x3b, 0x80, 0x20, 0x31, 0x32, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(decodeBytes(bytes)).toEqual({ text: "Kosten;€ 12;Müller", encoding: "windows-1252" });
    const streaming = new ByteDecoder();
    expect(() => streaming.write(bytes)).toThrow(NotUtf8Error);
  });

  it("keeps a character split across two chunks", () => {
    const bytes = Buffer.from("Coût;€\n", "utf8");
    const decoder = new ByteDecoder();
    let text = "";
    for (let i = 0; i < bytes.length; i++) text += decoder.write(bytes.subarray(i, i + 1));
    expect(text + decoder.end()).toBe("Coût;€\n");
  });

  it("the CLI reads a Windows-1252 file, even when its first non-ASCII byte comes late", async () => {
    const dir = tempDir();
    const lines = ["Date;Channel;Spend;Sessions;Leads;Customers"];
    for (let d = 1; d <= 28; d++) lines.push(`2026-02-${String(d).padStart(2, "0")};${d === 27 ? "Réseaux sociaux" : "Email"};10,50;100;5;1`);
    const body = Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
    const path = writeFile(dir, "cp1252.csv", Buffer.concat([Buffer.from("x".repeat(0)), body]));
    const result = await cli("summarize", path, "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.reading.encoding).toBe("windows-1252 (the bytes are not valid UTF-8)");
    expect(json.channels.map((c: { channel: string }) => c.channel)).toContain("Réseaux sociaux");
    expect(json.totals.spend).toBeCloseTo(28 * 10.5, 9);
  });
});

describe("CSV dialects", () => {
  it("honours Excel's sep= line and does not read it as data", () => {
    const read = readCsvText("sep=;\nTag;Kosten\n01.09.2026;1,5\n", { headerRow: null, locale: null });
    expect(read.report.dialect).toBe('semicolon-separated: the first line says "sep=;"');
    expect(read.headers).toEqual(["Tag", "Kosten"]);
    expect(read.rows).toEqual([[daySerial(2026, 9, 1), 1.5]]);
  });

  it("is not swayed by title lines that hold a comma", () => {
    const text = "Report, weekly\nAug 1, 2026 - Aug 31, 2026\nWeek;Channel;Spend\n2026-08-03;Email;12,50\n2026-08-10;Email;8\n";
    expect(sniffDialect(text).delimiter).toBe(";");
  });

  it.each([["\t", "tab"], ["|", "pipe"], [",", "comma"]])("finds a %s-separated table (%s)", (d, name) => {
    const text = ["Date", "Spend", "Leads"].join(d) + "\n" + ["2026-01-01", "5", "3"].join(d) + "\n" + ["2026-01-02", "7", "1"].join(d) + "\n";
    expect(sniffDialect(text)).toMatchObject({ delimiter: d, reason: expect.stringContaining(name) });
  });
});

describe("finding the table", () => {
  it("drops repeated header rows, blank rows and totals inside the data and keeps row numbers true", () => {
    const read = readGrid(
      [["Acme weekly export"], [], ["Week", "Channel", "Leads"], ["2026-01-05", "Email", 3], ["Week", "Channel", "Leads"], ["2026-01-12", "Email", 4], [], ["Gesamt", "", 7]],
      { headerRow: null, locale: null, sheetName: "Data" },
    );
    expect(read.headerRow).toBe(3);
    expect(read.report.skipped.map((s) => [s.row, s.reason])).toEqual([[1, "title"], [2, "blank"], [5, "repeated-header"], [8, "total"]]);
    // The blank row 7 sits past the last data row, where a file ends: not worth listing.
    // Row i of the rows is sheet row headerRow + 1 + i: a skipped row is an empty row, so addresses stay right.
    expect(read.rows).toEqual([[daySerial(2026, 1, 5), "Email", 3], [], [daySerial(2026, 1, 12), "Email", 4]]);
  });

  it("knows total rows in the languages exports come in, and not a channel that merely contains the word", () => {
    for (const label of ["Total", "Totals", "Total: Account", "Total: Search", "Grand total", "Gesamt", "Summe", "Jumlah", "Jumlah Besar", "Total général", "Totaal", "Totale", "Subtotal"]) {
      const read = readGrid([["Channel", "Leads"], ["Email", 1], [label, 1]], { headerRow: null, locale: null });
      expect(read.report.skipped.map((s) => s.reason), label).toEqual(["total"]);
    }
    const kept = readGrid([["Channel", "Leads"], ["Total Wine partnership", 1], ["Totally organic", 2]], { headerRow: null, locale: null });
    expect(kept.report.skipped).toEqual([]);
  });

  it("takes the header row it is given, even when another row looks more like one", () => {
    const read = readGrid([["Title"], ["a", "b"], ["Date", "Leads"], ["2026-01-01", 1]], { headerRow: 2, locale: null });
    expect(read.headers).toEqual(["a", "b"]);
    expect(read.report.headerReason).toBe("row 2, as given");
  });
});

describe("per-column reports", () => {
  it("lists what could not be read with the first cells' addresses and a count", () => {
    const grid = [["Date", "Spend"], ...Array.from({ length: 9 }, (_, i) => [`2026-01-0${i + 1}`, i < 7 ? "n/a" : "12,5"]), ["2026-01-10", "8,25"]];
    const read = readGrid(grid, { headerRow: null, locale: readingLocale("de-DE", "the spreadsheet's locale"), sheetName: "Data" });
    const spend = read.report.columns[1];
    // 7 of 10 cells are not numbers: the column is text, so its numbers stay as written and nothing is guessed.
    expect(spend.kind).toBe("text");
    const mostly = readGrid([["Date", "Spend"], ...Array.from({ length: 10 }, (_, i) => [`2026-01-${String(i + 1).padStart(2, "0")}`, i === 3 ? "n/a" : "1.234,50"])], {
      headerRow: null, locale: null, sheetName: "Data",
    });
    expect(mostly.report.columns[1].unreadable).toEqual({ count: 1, cells: [{ address: "Data!B5", text: "n/a" }] });
    expect(mostly.rows[0][1]).toBe(1234.5);
  });

  it("says when a column mixes decimal points and commas, and reads each cell as written", () => {
    const read = readGrid([["Kosten"], ["1,5"], ["2,5"], ["3.25"], ["1.200"]], { headerRow: 1, locale: null });
    expect(read.rows.map((r) => r[0])).toEqual([1.5, 2.5, 3.25, 1200]);
    expect(read.report.columns[0].mixed).toBe(
      "1 cells write a decimal point and 2 a decimal comma; each was read as written, and values like '1.200' with a decimal comma, the column's majority",
    );
  });

  it("reads a percent, an accounting negative, currency codes and placeholders", () => {
    const read = readGrid([["Cost", "CTR"], ["(1,200.00)", "5%"], ["USD 1,200.50", "5,5 %"], ["--", "--"]], { headerRow: 1, locale: null });
    expect(read.rows).toEqual([[-1200, 0.05], [1200.5, 0.055], ["", ""]]);
  });

  it("a compact number is a date only in a column that holds dates; serials under a date header stay days", () => {
    const read = readGrid([["Date", "Order id", "Day"], ["20260923", 20260923, 46288], ["20260924", 20260924, 46289]], { headerRow: 1, locale: null });
    expect(read.report.columns.map((c) => c.kind)).toEqual(["date", "number", "date"]);
    expect(read.rows[0]).toEqual([daySerial(2026, 9, 23), 20260923, 46288]);
    const weeks = readGrid([["Week", "Leads"], [1, 5], [2, 7], [53, 1]], { headerRow: 1, locale: null });
    expect(weeks.report.columns[0].kind).toBe("number");
  });
});
