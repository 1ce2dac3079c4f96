// Stages reached by a status column: proposed from won words in many languages, validated, and counted so lost and open deals are never customers.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport } from "../../src/kpi/funnel-report";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { toFunnelSpec } from "../../src/server/mapping/mapping-to-spec";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { namedRangesFor } from "../../src/server/mapping/named-ranges";
import { validateMapping } from "../../src/server/mapping/validate-mapping";

const d = (iso: string): Date => new Date(`${iso}T00:00:00`);

describe("proposing a status stage", () => {
  it.each([
    ["Deal Stage", ["Closed won", "Closed lost", "Contract sent"], ["Closed won"]],
    ["Deal - Status", ["won", "lost", "open"], ["won"]],
    ["Phase", ["Gewonnen", "Verloren", "Angebot"], ["Gewonnen"]],
    ["Etapa", ["Ganado", "Perdido", "Negociación"], ["Ganado"]],
    ["Étape", ["Gagné", "Perdu"], ["Gagné"]],
    ["Fase", ["Vinto", "Perso"], ["Vinto"]],
    ["Tahap", ["Menang", "Kalah"], ["Menang"]],
    ["Peringkat", ["Berjaya", "Gagal"], ["Berjaya"]],
    ["Won", [true, false], ["TRUE"]],
    ["IsWon", ["1", "0"], ["1"]],
  ] as Array<[string, CellValue[], string[]]>)("%s: the won values are %j", (header, values, won) => {
    const headers = ["Deal", header, "Created", "Amount"];
    const rows = Array.from({ length: 12 }, (_, i) => [`D${i}`, values[i % values.length], d(`2026-03-${String(i + 1).padStart(2, "0")}`), 100 * i]);
    const p = proposeMapping("Deals", 1, headers, rows);
    expect(p.shape.value).toBe("record-level");
    const customers = p.stages.find((s) => s.key === "customers");
    expect(customers?.status).toEqual({ column: { header, index: 1 }, values: won });
    expect(customers?.reason).toMatch(/^column B '.+' says which records were won/);
    expect(p.unmapped.some((u) => u.index === 1)).toBe(false);
  });

  it("does not call a stage column a status when none of its values means won", () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`D${i}`, ["Qualified", "Demo"][i % 2], d("2026-03-01"), d("2026-03-05")]);
    const p = proposeMapping("Deals", 1, ["Deal", "Stage", "Created", "Closed"], rows);
    expect(p.stages.some((s) => s.status)).toBe(false);
  });
});

const crm: FunnelMapping = {
  version: 2,
  sheetName: "Deals",
  headerRow: 1,
  shape: "record-level",
  stages: [
    { key: "leads", name: "Leads", column: { header: "Created", index: 2 } },
    { key: "customers", name: "Customers", column: { header: "Closed", index: 3 }, status: { column: { header: "Stage", index: 1 }, values: ["Closed won"] } },
  ],
  date: null,
  channel: null,
  spend: null,
  revenue: { header: "Amount", index: 4 },
};
const HEADERS = ["Deal", "Stage", "Created", "Closed", "Amount"];
const ROWS: CellValue[][] = [
  ["A", "Closed won", d("2026-01-05"), d("2026-02-01"), 1000],
  ["B", "Closed lost", d("2026-01-06"), d("2026-02-02"), 2000],
  ["C", "Contract sent", d("2026-01-07"), d("2026-03-30"), 3000],
  ["D", "closed won", d("2026-01-08"), d("2026-02-10"), 500],
  ["E", "Closed won", d("2026-01-09"), "", 700],
];

describe("counting a status stage", () => {
  it("counts only won records as customers, on their close date; a won deal without one counts without a month", () => {
    const report = computeFunnelReport(toFunnelSpec(crm), ROWS);
    expect(report.funnel.map((f) => f.count)).toEqual([5, 3]);
    expect(report.totals.revenue).toBe(2200);
    expect(report.months.map((m) => [m.month, m.stageCounts])).toEqual([["2026-01", [5, 0]], ["2026-02", [0, 2]]]);
    expect(report.notes.datesWithoutStatus).toBe(2);
    expect(report.notes.revenueWithoutLastStage).toBe(2);
    expect(report.timeToConvert?.all.records).toBe(2);
  });

  it("a status stage without a date column is dated by the record's date", () => {
    const noDate: FunnelMapping = { ...crm, stages: [crm.stages[0], { ...crm.stages[1], column: null }] };
    const report = computeFunnelReport(toFunnelSpec(noDate), ROWS);
    expect(report.funnel.map((f) => f.count)).toEqual([5, 3]);
    expect(report.months.map((m) => [m.month, m.stageCounts])).toEqual([["2026-01", [5, 3]]]);
    expect(validateMapping(noDate, HEADERS, ROWS).ok).toBe(true);
    expect(namedRangesFor(noDate).map((r) => r.name)).toEqual(["kpi_date", "kpi_revenue", "kpi_leads", "kpi_customers_status"]);
  });
});

describe("validating a status stage", () => {
  it("accepts the mapping and warns about a chosen value no row holds", () => {
    const typo: FunnelMapping = { ...crm, stages: [crm.stages[0], { ...crm.stages[1], status: { column: { header: "Stage", index: 1 }, values: ["Closed won", "Closed-won"] } }] };
    const v = validateMapping(typo, HEADERS, ROWS);
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.message)).toContain("Stage 'Customers': 'Closed-won' is in no row of column B 'Stage'");
  });

  it("names the stage when its status has no values, sits on aggregated data, or its column moved", () => {
    const empty: FunnelMapping = { ...crm, stages: [crm.stages[0], { ...crm.stages[1], status: { column: { header: "Stage", index: 1 }, values: [] } }] };
    expect(validateMapping(empty, HEADERS, ROWS).errors.map((e) => e.message)).toEqual([
      "Stage 2 'Customers': no value of 'Stage' is chosen, so no record could reach this stage",
    ]);
    expect(validateMapping({ ...crm, shape: "aggregated", date: { header: "Created", index: 2 } }, HEADERS, ROWS).errors.map((e) => e.message)).toContain(
      "Stage 2 'Customers': a status column only works on record-level data (one row per lead or deal)",
    );
    const moved = ["Deal", "Created", "Stage", "Closed", "Amount"];
    expect(validateMapping(crm, moved, ROWS).errors.map((e) => e.message)).toContain(
      "Stage 'Customers' status: header 'Stage' was column B and is now column C; run Set up funnel again to confirm",
    );
  });

  it("lets two stages read one status column", () => {
    const two: FunnelMapping = {
      ...crm,
      stages: [
        crm.stages[0],
        // Case is ignored, as COUNTIFS ignores it: "closed won" reaches both.
        { key: "opportunities", name: "Opportunities", column: null, status: { column: { header: "Stage", index: 1 }, values: ["Contract sent", "Closed won", "Closed lost"] } },
        crm.stages[1],
      ],
    };
    expect(validateMapping(two, HEADERS, ROWS).errors).toEqual([]);
    expect(computeFunnelReport(toFunnelSpec(two), ROWS).funnel.map((f) => f.count)).toEqual([5, 5, 3]);
  });

  it("round-trips through the proposal", () => {
    const p = proposeMapping("Deals", 1, HEADERS, ROWS);
    expect(proposalToMapping(p).stages.find((s) => s.key === "customers")?.status).toEqual({ column: { header: "Stage", index: 1 }, values: ["Closed won", "closed won"] });
  });
});
