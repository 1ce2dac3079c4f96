// Saving and reading the mapping: round trip, and every way a stored value can be unusable, as results rather than throws.
import { describe, expect, it } from "vitest";
import type { FunnelMapping } from "../../src/server/mapping/mapping-types";
import { MAX_STORED_BYTES, parseMapping, serializeMapping, utf8Length } from "../../src/server/mapping/mapping-store-format";

const mapping: FunnelMapping = {
  version: 2,
  sheetName: "Ads 'EU' — 2024",
  headerRow: 2,
  shape: "aggregated",
  stages: [
    { key: "visits", name: "Visits", column: { header: "Sessions", index: 2 } },
    { key: "mql", name: "MQL", column: { header: "MQLs", index: 3 } },
    { key: "customers", name: "Kunden", column: null },
  ],
  date: { header: "Week", index: 0 },
  channel: null,
  spend: { header: "Ad spend (€)", index: 5 },
  revenue: null,
};

describe("serializeMapping / parseMapping", () => {
  it("round-trips a mapping", () => {
    const saved = serializeMapping(mapping);
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.bytes).toBe(utf8Length(saved.json));
    expect(JSON.parse(saved.json).version).toBe(2);
    expect(parseMapping(saved.json)).toEqual({ ok: true, mapping });
  });

  it("drops unknown keys when reading", () => {
    const json = JSON.stringify({ ...mapping, injected: "<b>x</b>", stages: mapping.stages.map((s) => ({ ...s, extra: 1 })) });
    const read = parseMapping(json);
    expect(read).toEqual({ ok: true, mapping });
  });

  it("refuses to save more than a document property can hold, with the sizes", () => {
    const big: FunnelMapping = {
      ...mapping,
      stages: Array.from({ length: 60 }, (_, i) => ({ key: `s${i}`, name: `Stage ${i} ${"x".repeat(100)}`, column: { header: "h".repeat(40), index: i } })),
    };
    const saved = serializeMapping(big);
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.bytes).toBeGreaterThan(MAX_STORED_BYTES);
    expect(saved.message).toBe(
      `Funnel setup is too large to save: ${saved.bytes.toLocaleString("en-US")} bytes, and a document can hold 9,000. Use fewer stages, or shorter stage names and column headers.`,
    );
  });

  it("counts bytes, not characters: multi-byte text can push it over", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    const nearLimit: FunnelMapping = { ...mapping, sheetName: "€".repeat(2900) };
    expect(JSON.stringify(nearLimit).length).toBeLessThan(MAX_STORED_BYTES);
    expect(serializeMapping(nearLimit).ok).toBe(false);
  });

  it("treats nothing saved as needing setup", () => {
    expect(parseMapping(null)).toEqual({ ok: false, needsSetup: true, reason: "missing", message: "This document has no funnel set up yet. Run Set up funnel." });
    expect(parseMapping("   ")).toMatchObject({ ok: false, reason: "missing" });
  });

  it("reports corrupt JSON", () => {
    expect(parseMapping('{"version":1,"sheetName":')).toEqual({
      ok: false,
      needsSetup: true,
      reason: "unreadable",
      message: "The saved funnel setup is not readable (it is not valid JSON). Please run Set up funnel again.",
    });
    expect(parseMapping("[1,2]")).toMatchObject({ reason: "unreadable", needsSetup: true });
  });

  it("asks for setup again for an older format", () => {
    const old = JSON.stringify({ sheet: "Data", columns: { visits: "C" } });
    expect(parseMapping(old)).toEqual({
      ok: false,
      needsSetup: true,
      reason: "older-version",
      message: "The funnel setup was saved by an older version of Funnel KPIs (format 0). Please run Set up funnel again.",
    });
    expect(parseMapping(JSON.stringify({ ...mapping, version: 0 }))).toMatchObject({ reason: "older-version" });
  });

  it("asks to update for a newer format", () => {
    expect(parseMapping(JSON.stringify({ ...mapping, version: 4 }))).toEqual({
      ok: false,
      needsSetup: true,
      reason: "future-version",
      message: "The funnel setup was saved by a newer version of Funnel KPIs (format 4; this one reads format 3). Update the add-on, or run Set up funnel again.",
    });
  });

  it("reads a version 1 mapping, as saved before status stages, as the same mapping", () => {
    const v1 = JSON.stringify({ ...mapping, version: 1 });
    expect(parseMapping(v1)).toEqual({ ok: true, mapping });
    const withStatus = { ...mapping, version: 1, stages: [{ ...mapping.stages[0], status: { column: { header: "S", index: 9 }, values: ["Won"] } }] };
    expect(parseMapping(JSON.stringify(withStatus))).toMatchObject({ reason: "damaged" });
  });

  it("round-trips a status stage and drops unknown keys inside it", () => {
    const crm: FunnelMapping = {
      ...mapping,
      shape: "record-level",
      stages: [
        { key: "leads", name: "Leads", column: { header: "Create Date", index: 1 } },
        { key: "customers", name: "Customers", column: { header: "Close Date", index: 2 }, status: { column: { header: "Deal Stage", index: 3 }, values: ["Closed won", "=1+1", "*"] } },
      ],
    };
    const saved = serializeMapping(crm);
    if (!saved.ok) throw new Error(saved.message);
    expect(parseMapping(saved.json)).toEqual({ ok: true, mapping: crm });
    const raw = JSON.parse(saved.json);
    raw.stages[1].status.extra = "<script>";
    expect(parseMapping(JSON.stringify(raw))).toEqual({ ok: true, mapping: crm });
    raw.stages[1].status.values = ["Won", 3];
    expect(parseMapping(JSON.stringify(raw))).toMatchObject({ reason: "damaged", message: expect.stringContaining("stages[1].status.values") });
  });

  it("names the damaged part of a current-version value", () => {
    const damaged = { ...mapping, stages: [mapping.stages[0], { key: "x", name: "X", column: { header: "H", index: -1 } }] };
    expect(parseMapping(JSON.stringify(damaged))).toEqual({
      ok: false,
      needsSetup: true,
      reason: "damaged",
      message: "The saved funnel setup is damaged: stages[1].column is not a column (header and index). Please run Set up funnel again.",
    });
    expect(parseMapping(JSON.stringify({ ...mapping, shape: "weekly" }))).toMatchObject({ reason: "damaged" });
    expect(parseMapping(JSON.stringify({ ...mapping, version: "1" }))).toMatchObject({ reason: "damaged" });
  });
});
