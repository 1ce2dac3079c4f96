// Each validation rule on a small sheet, with the exact cells it points at.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { validateMapping } from "../../src/server/mapping/validate-mapping";

const day = (iso: string): Date => new Date(`${iso}T00:00:00`);
const col = (header: string, index: number) => ({ header, index });

const headers = ["Date", "Channel", "Visits", "Leads", "Customers", "Spend", "Revenue"];
function aggregated(overrides: Partial<FunnelMapping> = {}): FunnelMapping {
  return {
    version: 2,
    sheetName: "Data",
    headerRow: 1,
    shape: "aggregated",
    stages: [
      { key: "visits", name: "Visits", column: col("Visits", 2) },
      { key: "leads", name: "Leads", column: col("Leads", 3) },
      { key: "customers", name: "Customers", column: col("Customers", 4) },
    ],
    date: col("Date", 0),
    channel: col("Channel", 1),
    spend: col("Spend", 5),
    revenue: col("Revenue", 6),
    ...overrides,
  };
}
const goodRow = (): CellValue[] => [day("2024-01-01"), "Ads", 100, 10, 2, 50, 300];

describe("validateMapping on a clean sheet", () => {
  it("accepts it, numeric text included", () => {
    const rows = [goodRow(), [day("2024-01-08"), "Ads", "1,200", "10", 2, "$1,200", "€300.50"]];
    expect(validateMapping(aggregated(), headers, rows)).toEqual({ ok: true, errors: [], warnings: [] });
  });
});

describe("validateMapping: required fields", () => {
  it("needs at least two stages", () => {
    const m = aggregated({ stages: [{ key: "leads", name: "Leads", column: col("Leads", 3) }] });
    const v = validateMapping(m, headers, [goodRow()]);
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([
      { field: "stages", code: "too-few-stages", message: "Stages: a funnel needs at least two stages; this one has 1 (Leads)", cells: [], count: 0 },
    ]);
  });

  it("needs a count column per stage and a period date for aggregated data", () => {
    const m = aggregated({ date: null });
    m.stages[1] = { key: "sql", name: "SQL", column: null };
    const v = validateMapping(m, headers, [goodRow()]);
    expect(v.errors.map((e) => [e.field, e.code, e.message])).toEqual([
      ["stage:sql", "column-unset", "Stage 'SQL': no column is chosen; pick its count column"],
      ["date", "column-unset", "Date: aggregated data needs a period date column so rows can be placed in months and periods"],
    ]);
  });

  it("does not need a date column for record-level data", () => {
    const m: FunnelMapping = {
      ...aggregated({ shape: "record-level", date: null, spend: null, revenue: null, channel: null }),
      stages: [
        { key: "leads", name: "Leads", column: col("Lead date", 0) },
        { key: "customers", name: "Customers", column: col("Won date", 1) },
      ],
    };
    const v = validateMapping(m, ["Lead date", "Won date"], [[day("2024-01-01"), ""]]);
    expect(v).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it("rejects bad, reserved and repeated stage keys", () => {
    const m = aggregated();
    m.stages = [
      { key: "Visits!", name: "Visits", column: col("Visits", 2) },
      { key: "spend", name: "Paid", column: col("Leads", 3) },
      { key: "customers", name: "Customers", column: col("Customers", 4) },
      { key: "customers", name: "", column: null },
    ];
    const v = validateMapping(m, headers, [goodRow()]);
    expect(v.errors.map((e) => e.message)).toEqual([
      "Stage 1 'Visits': key 'Visits!' must be lower-case letters, digits or _ and start with a letter",
      "Stage 2 'Paid': key 'spend' is reserved for the spend column; choose another",
      "Stage 4: the name is blank",
      "Stage 4 '': key 'customers' is used by an earlier stage",
      "Stage '': no column is chosen; pick its count column",
    ]);
  });
});

describe("validateMapping: columns that changed since setup", () => {
  it("names a renamed column and what the header is now", () => {
    const now = ["Date", "Channel", "Visits", "Sign-ups", "Customers", "Spend", "Revenue"];
    const v = validateMapping(aggregated(), now, [goodRow()]);
    expect(v.errors).toEqual([
      {
        field: "stage:leads",
        code: "column-missing",
        message: "Stage 'Leads': header 'Leads' (was column D) no longer exists; column D is now headed 'Sign-ups', so it was renamed or deleted",
        cells: [],
        count: 0,
      },
    ]);
  });

  it("names a deleted last column", () => {
    const v = validateMapping(aggregated(), headers.slice(0, 6), [goodRow().slice(0, 6)]);
    expect(v.errors.map((e) => [e.field, e.code, e.message])).toEqual([
      ["revenue", "column-missing", "Revenue: header 'Revenue' (was column G) no longer exists; the column was deleted or its header cleared"],
    ]);
  });

  it("says where a moved column went", () => {
    const now = ["Date", "Notes", "Channel", "Visits", "Leads", "Customers", "Spend", "Revenue"];
    const v = validateMapping(aggregated(), now, []);
    expect(v.errors.map((e) => [e.field, e.code])).toEqual([
      ["stage:visits", "column-moved"],
      ["stage:leads", "column-moved"],
      ["stage:customers", "column-moved"],
      ["channel", "column-moved"],
      ["spend", "column-moved"],
      ["revenue", "column-moved"],
    ]);
    expect(v.errors[3].message).toBe("Channel: header 'Channel' was column B and is now column C; run Set up funnel again to confirm");
  });

  it("rejects one column mapped to two stages", () => {
    const m = aggregated();
    m.stages = [
      { key: "visits", name: "Visits", column: col("Visits", 2) },
      { key: "leads", name: "Leads", column: col("Leads", 3) },
      { key: "mql", name: "MQL", column: col("Leads", 3) },
    ];
    const v = validateMapping(m, headers, [goodRow()]);
    expect(v.errors).toEqual([
      {
        field: "stage:mql",
        code: "column-reused",
        message: "Stage 'MQL': column D 'Leads' is already used for Stage 'Leads'; each column can be used once",
        cells: [],
        count: 0,
      },
    ]);
  });
});

describe("validateMapping: cell contents", () => {
  it("lists the first 5 non-numeric count cells with A1 addresses and the total", () => {
    const rows: CellValue[][] = Array.from({ length: 8 }, () => goodRow());
    rows[1][3] = "n/a";
    rows[2][3] = true;
    rows[3][3] = "#N/A";
    rows[4][3] = day("2024-01-01");
    rows[5][3] = "ten";
    rows[7][3] = "12 leads";
    const v = validateMapping(aggregated(), headers, rows);
    expect(v.errors).toEqual([
      {
        field: "stage:leads",
        code: "not-a-number",
        message:
          'Stage \'Leads\' (column D \'Leads\'): 6 cells are not numbers: Data!D3 ("n/a"), Data!D4 (TRUE), Data!D5 (the error #N/A), Data!D6 (a date (2024-01-01)), Data!D7 ("ten") and 1 more',
        cells: ["Data!D3", "Data!D4", "Data!D5", "Data!D6", "Data!D7"],
        count: 6,
      },
    ]);
  });

  it("uses the header row and quotes sheet names in addresses", () => {
    const rows = [goodRow(), goodRow()];
    rows[1][5] = "free";
    const v = validateMapping(aggregated({ sheetName: "Ads 2024", headerRow: 3 }), headers, rows);
    expect(v.errors[0].cells).toEqual(["'Ads 2024'!F5"]);
    expect(v.errors[0].message).toBe(`Spend (column F 'Spend'): 1 cell is not a number: 'Ads 2024'!F5 ("free")`);
  });

  it("rejects negative counts and warns on negative spend", () => {
    const rows = [goodRow(), goodRow(), goodRow()];
    rows[0][4] = -1;
    rows[2][4] = "-3";
    rows[1][5] = "(20)";
    const v = validateMapping(aggregated(), headers, rows);
    expect(v.errors).toEqual([
      {
        field: "stage:customers",
        code: "negative-count",
        message: "Stage 'Customers' (column E 'Customers'): 2 cells hold negative counts: Data!E2 (-1), Data!E4 (\"-3\")",
        cells: ["Data!E2", "Data!E4"],
        count: 2,
      },
    ]);
    expect(v.warnings.map((w) => [w.code, w.cells, w.message])).toEqual([
      ["negative-amount", ["Data!F3"], "Spend (column F 'Spend'): 1 cell is negative: Data!F3 (\"(20)\"); check they are refunds or credits"],
    ]);
  });

  it("rejects text in the date column and warns about rows without a date", () => {
    const rows = [goodRow(), goodRow(), goodRow(), ["", "", "", "", "", "", ""]];
    rows[1][0] = "last week";
    rows[2][0] = "";
    const v = validateMapping(aggregated(), headers, rows);
    expect(v.errors.map((e) => [e.code, e.cells, e.count])).toEqual([["not-a-date", ["Data!A3"], 1]]);
    expect(v.warnings.map((w) => [w.code, w.cells, w.count])).toEqual([["missing-date", ["Data!A4"], 1]]);
  });

  it("warns, not fails, when a record-level stage date is before the previous stage's", () => {
    const m: FunnelMapping = {
      version: 2,
      sheetName: "CRM",
      headerRow: 1,
      shape: "record-level",
      stages: [
        { key: "leads", name: "Leads", column: col("Lead date", 1) },
        { key: "sql", name: "SQL", column: col("SQL date", 2) },
        { key: "customers", name: "Customers", column: col("Won date", 3) },
      ],
      date: null,
      channel: null,
      spend: null,
      revenue: null,
    };
    const rows: CellValue[][] = [
      ["a", day("2024-01-05"), day("2024-01-03"), ""],
      ["b", day("2024-01-05"), "", day("2024-01-04")],
      ["c", day("2024-01-05"), day("2024-01-06"), day("2024-01-07")],
      ["d", day("2024-01-05"), "soon", ""],
    ];
    const v = validateMapping(m, ["Id", "Lead date", "SQL date", "Won date"], rows);
    expect(v.errors.map((e) => [e.field, e.code, e.cells])).toEqual([["stage:sql", "not-a-date", ["CRM!C5"]]]);
    expect(v.warnings).toEqual([
      {
        field: "stages",
        code: "stage-date-order",
        message: "Stages: 2 records have a stage date before the previous stage's date: CRM!C2, CRM!D3",
        cells: ["CRM!C2", "CRM!D3"],
        count: 2,
      },
    ]);
  });

  it("warns when there are no data rows", () => {
    const v = validateMapping(aggregated({ headerRow: 4 }), headers, [["", "", "", "", "", "", ""]]);
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.message)).toEqual(["Data sheet 'Data': no data rows below header row 4"]);
  });
});
