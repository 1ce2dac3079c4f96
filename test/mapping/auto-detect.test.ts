// Known-answer tests for the mapping proposal: each chosen field and its reason, and why each other column was left out.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";

const day = (iso: string): Date => new Date(`${iso}T00:00:00`);

function weeklyRows(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [
    day(`2024-0${1 + (i % 9)}-01`),
    i % 2 === 0 ? "Google Ads" : "Newsletter",
    1000 + i,
    "1,200",
    12,
    3,
    "$1,500.00",
    4200,
    2.5,
    "",
  ]);
}

describe("proposeMapping on an aggregated sheet", () => {
  const headers = ["Week", "Channel", "Sessions", "Sign-ups", "MQLs", "Deals won", "Ad spend", "Revenue", "Cost per lead", "Notes"];
  const p = proposeMapping("Weekly", 1, headers, weeklyRows(50));

  it("sees one row per period", () => {
    expect(p.shape.value).toBe("aggregated");
    expect(p.shape.reason).toBe(
      "found count columns 'Sessions', 'Sign-ups', 'MQLs', 'Deals won' and fewer than two stage-date columns, so each row is one period with counts per stage",
    );
  });

  it("maps stages in funnel order with a reason each", () => {
    expect(p.stages.map((s) => [s.key, s.name, s.column?.header, s.column?.index])).toEqual([
      ["visits", "Visits", "Sessions", 2],
      ["leads", "Leads", "Sign-ups", 3],
      ["mql", "MQL", "MQLs", 4],
      ["customers", "Customers", "Deals won", 5],
    ]);
    expect(p.stages[0].reason).toBe("header 'Sessions' looks like visits, and the column holds numbers in 50 of 50 sample rows");
    // "1,200" is numeric text and counts as a number.
    expect(p.stages[1].reason).toBe("header 'Sign-ups' looks like leads, and the column holds numbers in 50 of 50 sample rows");
    expect(p.stages[2].reason).toBe("header 'MQLs' looks like MQL, and the column holds numbers in 50 of 50 sample rows");
    expect(p.stagesReason).toBe("found 4 stages in funnel order: Visits (C) → Leads (D) → MQL (E) → Customers (F)");
  });

  it("maps date, channel, spend and revenue with reasons", () => {
    expect(p.date).toEqual({ column: { header: "Week", index: 0 }, reason: "header 'Week' names a period, and the column holds dates in 50 of 50 sample rows" });
    expect(p.channel).toEqual({ column: { header: "Channel", index: 1 }, reason: "header 'Channel' looks like channel, and the column holds text in 50 of 50 sample rows" });
    expect(p.spend).toEqual({ column: { header: "Ad spend", index: 6 }, reason: "header 'Ad spend' looks like spend, and the column holds numbers in 50 of 50 sample rows" });
    expect(p.revenue).toEqual({ column: { header: "Revenue", index: 7 }, reason: "header 'Revenue' looks like revenue, and the column holds numbers in 50 of 50 sample rows" });
  });

  it("lists unmapped columns with why not", () => {
    expect(p.unmapped).toEqual([
      { header: "Cost per lead", index: 8, reason: "header 'Cost per lead' contains 'per', so it looks like a computed KPI, not raw data" },
      { header: "Notes", index: 9, reason: "header 'Notes' matches no funnel field, and the column is blank in all 50 sample rows" },
    ]);
  });

  it("turns into a mapping", () => {
    const m = proposalToMapping(p);
    expect(m).toMatchObject({ version: 2, sheetName: "Weekly", headerRow: 1, shape: "aggregated", spend: { header: "Ad spend", index: 6 } });
    expect(m.stages.map((s) => s.key)).toEqual(["visits", "leads", "mql", "customers"]);
  });
});

describe("proposeMapping recognises synonyms regardless of case, spacing and underscores", () => {
  const cases: Array<[string, string]> = [
    ["VISITORS", "visits"],
    ["users", "visits"],
    ["Traffic", "visits"],
    ["sign_ups", "leads"],
    ["SignUps", "leads"],
    ["  Contacts ", "leads"],
    ["sql", "sql"],
    ["Opportunities", "opportunities"],
    ["new_customers", "customers"],
    ["Purchases", "customers"],
    ["ORDERS", "customers"],
    ["Conversions", "conversions"],
    ["Impr.", "impressions"],
    ["Link clicks", "clicks"],
    ["Sitzungen", "visits"],
    ["Kunjungan", "visits"],
    ["Pelawat", "visits"],
    ["Prospek", "leads"],
    ["Petunjuk", "leads"],
    ["Pelanggan", "customers"],
    ["Key events", "conversions"],
    ["Résultats", "conversions"],
    ["Impressionen", "impressions"],
  ];
  for (const [header, key] of cases) {
    it(`'${header}' is ${key}`, () => {
      const p = proposeMapping("S", 1, ["Date", header], [[day("2024-01-01"), 5]]);
      expect(p.stages.map((s) => s.key)).toEqual([key]);
    });
  }
  it.each([
    ["Cost", "spend"],
    ["budget", "spend"],
    ["Sales", "revenue"],
    ["income", "revenue"],
    ["Value", "revenue"],
  ] as const)("'%s' is %s", (header, field) => {
    const p = proposeMapping("S", 1, ["Date", header], [[day("2024-01-01"), 5]]);
    expect(p[field].column).toEqual({ header, index: 1 });
  });
  it.each(["Source", "utm_medium", "Origin", "Campaign"])("'%s' is the channel", (header) => {
    const p = proposeMapping("S", 1, ["Date", header], [[day("2024-01-01"), "google"]]);
    expect(p.channel.column).toEqual({ header, index: 1 });
  });
});

describe("proposeMapping on a record-level CRM export", () => {
  const headers = ["Lead ID", "Email", "Lead source", "Created", "Lead date", "MQL date", "SQL date", "Won date", "Deal value"];
  const rows: CellValue[][] = Array.from({ length: 10 }, (_, i) => [
    `L-${i}`,
    `p${i}@example.com`,
    i < 6 ? "Webinar" : "Ads",
    day("2024-03-01"),
    day("2024-03-02"),
    i < 5 ? day("2024-03-05") : "",
    i < 3 ? day("2024-03-09") : "",
    i < 2 ? day("2024-03-20") : "",
    i < 2 ? 5000 : "",
  ]);
  const p = proposeMapping("CRM export", 2, headers, rows);

  it("sees one row per record because several date columns look like stage dates", () => {
    expect(p.shape).toEqual({
      value: "record-level",
      reason: "5 date columns look like stage dates ('Created', 'Lead date', 'MQL date', 'SQL date', 'Won date'), so each row is one lead or deal",
    });
  });

  it("maps stage dates, explicit names before 'Created'", () => {
    expect(p.stages.map((s) => [s.key, s.column?.header])).toEqual([
      ["leads", "Lead date"],
      ["mql", "MQL date"],
      ["sql", "SQL date"],
      ["customers", "Won date"],
    ]);
    expect(p.stages[3].reason).toBe(
      "header 'Won date' looks like customers, and the column holds dates in 2 of 2 filled sample rows (8 blank)",
    );
    expect(p.stagesReason).toBe("found 4 stages in funnel order: Leads (E) → MQL (F) → SQL (G) → Customers (H); no date column looks like visits");
  });

  it("uses 'Created' as the record date, 'Lead source' as channel, 'Deal value' as revenue", () => {
    expect(p.date).toEqual({
      column: { header: "Created", index: 3 },
      reason: "header 'Created' names when the record was made, and the column holds dates in 10 of 10 sample rows",
    });
    expect(p.channel.column).toEqual({ header: "Lead source", index: 2 });
    expect(p.revenue).toEqual({
      column: { header: "Deal value", index: 8 },
      reason: "header 'Deal value' looks like revenue, and the column holds numbers in 2 of 2 filled sample rows (8 blank)",
    });
    expect(p.spend).toEqual({ column: null, reason: "no numeric column's header looks like spend (Cost, Spend, Ad spend, Budget)" });
  });

  it("leaves id columns out and says so", () => {
    expect(p.unmapped).toEqual([
      { header: "Lead ID", index: 0, reason: "header 'Lead ID' looks like a record id (one distinct value per row); the funnel does not need it" },
      { header: "Email", index: 1, reason: "header 'Email' looks like a record id (one distinct value per row); the funnel does not need it" },
    ]);
  });

  it("falls back to the first stage's date when there is no record date", () => {
    const q = proposeMapping("CRM", 1, ["Deal", "Closed date", "Opportunity date"], [["D1", day("2024-02-01"), day("2024-01-01")]]);
    expect(q.shape.value).toBe("record-level");
    expect(q.stages.map((s) => s.key)).toEqual(["opportunities", "customers"]);
    expect(q.date).toEqual({ column: null, reason: "no separate record date; periods use the first stage's date ('Opportunity date')" });
  });

  it("detects record level from an id column and mostly blank dates", () => {
    const q = proposeMapping(
      "Deals",
      1,
      ["Deal ID", "Signed", "Amount"],
      [
        ["D1", day("2024-01-05"), 100],
        ["D2", "", ""],
        ["D3", "", ""],
      ],
    );
    expect(q.shape).toEqual({
      value: "record-level",
      reason: "column A 'Deal ID' holds a unique id per row and 'Signed' is mostly blank dates, so each row is one lead or deal",
    });
  });
});

describe("proposeMapping with a messy header row", () => {
  const headers = ["Date", '<script>alert("x")</script>', "Leads", "Leads", "", "Sessions", "Users", "Customers", "Spend"];
  const rows: CellValue[][] = Array.from({ length: 4 }, () => [day("2024-01-01"), "x", 3, 4, "", 100, 90, 1, 50]);
  const p = proposeMapping("Data", 1, headers, rows);

  it("still maps what it recognises", () => {
    expect(p.stages.map((s) => [s.key, s.column?.index])).toEqual([
      ["visits", 5],
      ["leads", 2],
      ["customers", 7],
    ]);
    expect(p.spend.column).toEqual({ header: "Spend", index: 8 });
  });

  it("says why markup, a duplicate, a blank header and a second visits column are left out", () => {
    expect(p.unmapped).toEqual([
      { header: '<script>alert("x")</script>', index: 1, reason: `header '<script>alert("x")</script>' matches no funnel field (the column holds text in 4 of 4 sample rows)` },
      { header: "Leads", index: 3, reason: "duplicate header: column C 'Leads' has the same name and is already used as leads" },
      { header: "", index: 4, reason: "column E has a blank header" },
      { header: "Users", index: 6, reason: "also looks like visits, but column F 'Sessions' came first and is used" },
    ]);
  });

  it("says when a recognised header holds the wrong kind of data", () => {
    const q = proposeMapping("Data", 1, ["Date", "Leads", "Customers"], [[day("2024-01-01"), "lots", 2], [day("2024-01-02"), "many", 3]]);
    expect(q.stages.map((s) => s.key)).toEqual(["customers"]);
    expect(q.unmapped).toEqual([
      { header: "Leads", index: 1, reason: "header 'Leads' looks like leads, but the column holds text in 2 of 2 sample rows, not numbers" },
    ]);
    expect(q.stagesReason).toBe(
      "found Customers (C); no count column looks like visits or leads; a funnel needs at least two stages, so pick them in the wizard",
    );
  });

  it("explains a period column that is not dates", () => {
    const q = proposeMapping("Data", 1, ["Month", "Leads", "Customers"], [["Q1 of 2024", 5, 1]]);
    expect(q.date).toEqual({
      column: null,
      reason: "no column holds dates: column A 'Month' is named like a period but holds text in 1 of 1 sample rows; format it as dates",
    });
  });
});
