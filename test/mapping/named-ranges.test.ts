// The named ranges a mapping creates: names, open-ended A1 ranges, and sheet names that need quoting.
import { describe, expect, it } from "vitest";
import { cellA1, columnLetter, sheetRef } from "../../src/server/mapping/a1";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { namedRangesFor, openColumnA1 } from "../../src/server/mapping/named-ranges";

const base: FunnelMapping = {
  version: 2,
  sheetName: "Data",
  headerRow: 1,
  shape: "aggregated",
  stages: [
    { key: "visits", name: "Visits", column: { header: "Sessions", index: 2 } },
    { key: "sql", name: "SQL", column: { header: "SQLs", index: 3 } },
    { key: "customers", name: "Customers", column: { header: "Won", index: 27 } },
  ],
  date: { header: "Week", index: 0 },
  channel: { header: "Source", index: 1 },
  spend: { header: "Cost", index: 4 },
  revenue: null,
};

describe("namedRangesFor", () => {
  it("names every mapped column with an open-ended range below the header", () => {
    expect(namedRangesFor(base)).toEqual([
      { name: "kpi_date", a1: "'Data'!A2:A", field: "date" },
      { name: "kpi_channel", a1: "'Data'!B2:B", field: "channel" },
      { name: "kpi_spend", a1: "'Data'!E2:E", field: "spend" },
      { name: "kpi_visits", a1: "'Data'!C2:C", field: "stage:visits" },
      { name: "kpi_sql", a1: "'Data'!D2:D", field: "stage:sql" },
      { name: "kpi_customers", a1: "'Data'!AB2:AB", field: "stage:customers" },
    ]);
  });

  it("starts below a lower header row and quotes sheet names with spaces and apostrophes", () => {
    const ranges = namedRangesFor({ ...base, sheetName: "Q1 'paid' data", headerRow: 4 });
    expect(ranges[0]).toEqual({ name: "kpi_date", a1: "'Q1 ''paid'' data'!A5:A", field: "date" });
  });

  it("gives record-level data without a date column kpi_date on the first stage's date", () => {
    const ranges = namedRangesFor({ ...base, shape: "record-level", date: null, channel: null, spend: null });
    expect(ranges.map((r) => [r.name, r.a1])).toEqual([
      ["kpi_date", "'Data'!C2:C"],
      ["kpi_visits", "'Data'!C2:C"],
      ["kpi_sql", "'Data'!D2:D"],
      ["kpi_customers", "'Data'!AB2:AB"],
    ]);
  });

  it("skips stages without a column", () => {
    const ranges = namedRangesFor({ ...base, stages: [{ key: "visits", name: "Visits", column: null }] });
    expect(ranges.map((r) => r.name)).toEqual(["kpi_date", "kpi_channel", "kpi_spend"]);
  });
});

describe("A1 helpers", () => {
  it("letters columns past Z", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("quotes sheet names only where Sheets needs it in cell addresses", () => {
    expect(sheetRef("Data")).toBe("Data");
    expect(sheetRef("My data")).toBe("'My data'");
    expect(sheetRef("Bob's")).toBe("'Bob''s'");
    expect(sheetRef("A1")).toBe("'A1'");
    expect(sheetRef("R1C1")).toBe("'R1C1'");
    expect(sheetRef("2024")).toBe("'2024'");
    expect(cellA1("Data", 7, 2)).toBe("Data!C7");
    expect(openColumnA1("Data", 2, 2)).toBe("'Data'!C2:C");
  });
});
