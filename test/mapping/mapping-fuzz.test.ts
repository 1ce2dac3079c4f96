// Property test: any mix of cells, ragged rows and headers gives a proposal, a validation and a report; never a throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { computeFunnelReport, type FunnelSpec, type KpiValue } from "../../src/kpi/funnel-report";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { parseMapping, serializeMapping } from "../../src/server/mapping/mapping-store-format";
import { validateMapping } from "../../src/server/mapping/validate-mapping";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(45658, 0, -700_000, 3e6, "1,200", "$1,200", "(30)", "2025-03-31", "2025-02-31", "n/a", "#N/A", "", "  ", null, undefined),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.date({ min: new Date(2020, 0, 1), max: new Date(2027, 0, 1), noInvalidDate: true }),
  fc.constant(new Date(Number.NaN)),
);
const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 });
const header = fc.oneof(
  fc.constantFrom("Date", "Week", "Channel", "Sessions", "Leads", "MQL date", "Won date", "Created", "Spend", "Revenue", "Lead ID", "", "<b>x</b>"),
  fc.string({ maxLength: 12 }),
);
const headers = fc.array(header, { maxLength: 8 });

function isKpiValue(v: KpiValue | null): boolean {
  if (v === null) return true;
  return v.value === null ? typeof v.reason === "string" && v.reason.length > 0 : Number.isFinite(v.value);
}

describe("mapping and report never throw on messy sheets", () => {
  it("proposes, validates and round-trips any header row and sample", () => {
    fc.assert(
      fc.property(headers, rows, (h, r) => {
        const proposal = proposeMapping("Data", 1, h, r);
        expect(proposal.stages.length + proposal.unmapped.length).toBeLessThanOrEqual(h.length);
        const mapping = proposalToMapping(proposal);
        const v = validateMapping(mapping, h, r);
        expect(v.ok).toBe(v.errors.length === 0);
        for (const issue of [...v.errors, ...v.warnings]) expect(issue.message.length).toBeGreaterThan(0);
        const saved = serializeMapping(mapping);
        if (saved.ok) expect(parseMapping(saved.json)).toEqual({ ok: true, mapping });
      }),
      { numRuns: 300 },
    );
  });

  it("reports on any rows in either shape, every KPI a finite number or a reason", () => {
    const shape = fc.constantFrom<FunnelSpec["shape"]>("aggregated", "record-level");
    const column = fc.option(fc.integer({ min: 0, max: 9 }), { nil: null });
    fc.assert(
      fc.property(shape, rows, column, column, column, column, (s, r, date, channel, spend, revenue) => {
        const spec: FunnelSpec = {
          shape: s,
          stages: [
            { key: "a", name: "A", column: 0 },
            { key: "b", name: "B", column: 1 },
            { key: "c", name: "C", column: 2 },
          ],
          dateColumn: date,
          channelColumn: channel,
          spendColumn: spend,
          revenueColumn: revenue,
        };
        const report = computeFunnelReport(spec, r, { period: { start: "2024-06-01", end: "2026-06-30" } });
        for (const step of report.funnel) {
          expect(isKpiValue(step.stepConversion)).toBe(true);
          expect(isKpiValue(step.overallConversion)).toBe(true);
        }
        for (const k of report.headline?.kpis ?? []) {
          expect(isKpiValue(k.current) && isKpiValue(k.previous) && isKpiValue(k.change)).toBe(true);
        }
        for (const row of [report.totals, ...report.months, ...(report.channels ?? [])]) {
          expect(isKpiValue(row.cac) && isKpiValue(row.roas) && isKpiValue(row.conversion)).toBe(true);
        }
        for (const m of report.months) expect(m.month).toMatch(/^\d{4}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });
});
