// The summary reads as a dashboard: no label clipped at 100% zoom, money in the data's currency, IDs as plain text, charts clear of the tables, sorted live.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/kpi/cells";
import { proposalToMapping, proposeMapping } from "../../src/server/mapping/auto-detect";
import { saveAndGenerate } from "../../src/server/sidebar-api";
import { textWidth } from "../../src/server/summary/column-widths";
import type { SummaryReport } from "../../src/server/summary/generate-summary";
import { AD_HEADERS, AGG_HEADERS, adMapping, adRows, aggregatedRows } from "./fixtures";
import { type Harness, harness } from "./summary-harness";

function generated(sheet: string, headers: string[], rows: CellValue[][], mapping = proposalToMapping(proposeMapping(sheet, 1, headers, rows))): { h: Harness; report: SummaryReport } {
  const h = harness({ [sheet]: [headers, ...rows] });
  const report = h.emu.runExecution(() => saveAndGenerate(mapping, null));
  return { h, report };
}

/** Every label that would be clipped: text in a cell whose right neighbour holds something, wider than its column (wrapped cells: a word wider than it). */
function clippedLabels(h: Harness): string[] {
  const sheet = h.summary();
  const range = sheet.getDataRange();
  const shown = range.getDisplayValues();
  const values = range.getValues();
  const model = h.emu.sheetModel("KPI Summary");
  const out: string[] = [];
  shown.forEach((line, r) => line.forEach((text, c) => {
    if (typeof values[r][c] !== "string" || text === "") return;
    const width = sheet.getColumnWidth(c + 1) - 6;
    const bold = model.fontWeights.get(r + 1, c + 1) === "bold";
    const fontSize = model.fontSizes.get(r + 1, c + 1);
    if (model.wraps.get(r + 1, c + 1)) {
      const word = text.split(/\s+/).find((w) => textWidth(w, { bold, fontSize }) > width);
      if (word !== undefined) out.push(`${String.fromCharCode(65 + c)}${r + 1} "${text}": "${word}" wider than ${width}px`);
      return;
    }
    const next = shown[r][c + 1];
    if (next !== undefined && next !== "" && textWidth(text, { bold, fontSize }) > width) out.push(`${String.fromCharCode(65 + c)}${r + 1} "${text}" in ${width}px`);
  }));
  return out;
}

describe("no label is clipped at 100% zoom", () => {
  it.each([
    ["a marketing funnel", () => generated("Data", AGG_HEADERS, aggregatedRows())],
    ["an ad platform's funnel", () => generated("Ads", AD_HEADERS, adRows(), adMapping("Ads"))],
  ])("%s", (_name, make) => {
    const { h } = make();
    try {
      expect(clippedLabels(h)).toEqual([]);
      // Headers wrap rather than widen a column past reason.
      const model = h.emu.sheetModel("KPI Summary");
      expect([...model.columnWidths.values()].every((w) => w >= 100 && w <= 300)).toBe(true);
    } finally {
      h.done();
    }
  });
});

describe("numbers through formats from the data", () => {
  it("money in the currency the export's header states, rates with one decimal", () => {
    const headers = ["Tag", "Kampagne", "Kosten (EUR)", "Impressionen", "Klicks", "Conversions"];
    const rows = adRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]]);
    const mapping = { ...adMapping("Ads"), date: { header: "Tag", index: 0 }, channel: { header: "Kampagne", index: 1 }, spend: { header: "Kosten (EUR)", index: 2 }, revenue: null };
    mapping.stages = mapping.stages.map((s, i) => ({ ...s, column: { header: headers[3 + i], index: 3 + i } }));
    const { h, report } = generated("Ads", headers, rows, mapping);
    try {
      const sheet = h.summary();
      const s = report.layout.scorecard;
      const format = (key: string) => sheet.getRange(s.currentRow, s.columns[key]).getNumberFormat();
      expect(format("spend")).toBe('"€"#,##0.00');
      expect(format("cpc")).toBe('"€"#,##0.00');
      expect(format("ctr")).toBe("0.0%");
      expect(sheet.getRange(s.currentRow, s.columns.spend).getDisplayValue()).toMatch(/^€\d{1,3}(,\d{3})*\.\d{2}$/);
      const headline = report.layout.headline;
      expect(sheet.getRange(headline.rows.cost_per_conversions, headline.currentColumn).getNumberFormat()).toBe('"€"#,##0.00');
    } finally {
      h.done();
    }
  });

  it("channel IDs stay plain text: 18000000001, never 18,000,000,001", () => {
    // Campaign IDs, as numbers in the data sheet: the team maps them as the channel.
    const rows = aggregatedRows().map((r) => [r[0], r[1] === "Search" ? 18000000001 : 18000000002, ...r.slice(2)]);
    const detected = proposalToMapping(proposeMapping("Data", 1, AGG_HEADERS, rows));
    const { h, report } = generated("Data", AGG_HEADERS, rows, { ...detected, channel: { header: "Channel", index: 1 } });
    try {
      const channels = report.layout.channels!;
      const labels = channels.rows.map((r) => h.summary().getRange(r, channels.keyColumn).getDisplayValue());
      expect(labels.sort()).toEqual(["18000000001", "18000000002"]);
      const ranking = report.layout.ranking!;
      expect(ranking.rows.map((r) => h.summary().getRange(r, ranking.channelColumn).getDisplayValue()).sort()).toEqual(["18000000001", "18000000002"]);
    } finally {
      h.done();
    }
  });
});

describe("channels ranked live", () => {
  it("by CAC, cheapest first, re-sorted when the period changes; n/a last", () => {
    const { h, report } = generated("Data", AGG_HEADERS, aggregatedRows());
    try {
      const ranking = report.layout.ranking!;
      const channels = report.layout.channels!;
      const read = () => ranking.rows.map((r) => [h.value(r, ranking.channelColumn), h.value(r, ranking.valueColumn)] as [string, unknown]);
      const check = () => {
        const got = read();
        const byName = new Map(channels.rows.map((r) => [h.value(r, channels.keyColumn) as string, h.value(r, channels.columns.cost_per_customers)]));
        const numbers = got.map(([, v]) => v).filter((v): v is number => typeof v === "number");
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        // Each row shows a channel's own CAC, and every channel once.
        for (const [name, value] of got) expect(value).toEqual(byName.get(name));
        expect(new Set(got.map(([n]) => n)).size).toBe(channels.rows.length);
        return got.map(([n]) => n);
      };
      const before = check();
      h.choosePeriod(report.layout, "Custom", new Date(2025, 0, 1), new Date(2025, 0, 31));
      const after = check();
      expect(before.length).toBe(2);
      expect(after.length).toBe(2);
    } finally {
      h.done();
    }
  });

  it("a channel nothing was spent on (CAC 0) is not the cheapest: it comes after every channel with spend", () => {
    const rows = aggregatedRows();
    // Organic: customers every day, no spend; its CAC is 0, which no next dollar can buy.
    for (const row of rows.filter((r) => r[1] === "Search")) rows.push([row[0], "Organic", 0, 500, 20, 3, 90]);
    const { h, report } = generated("Data", AGG_HEADERS, rows);
    try {
      const ranking = report.layout.ranking!;
      const got = ranking.rows.map((r) => [h.value(r, ranking.channelColumn), h.value(r, ranking.valueColumn)]);
      expect(got.map(([n]) => n).slice(0, 2).sort()).toEqual(["Search", "Social"]);
      expect(got[got.length - 1]).toEqual(["Organic", 0]);
      const priced = got.slice(0, -1).map(([, v]) => v as number);
      expect(priced.every((v) => v > 0)).toBe(true);
      expect(priced).toEqual([...priced].sort((a, b) => a - b));
    } finally {
      h.done();
    }
  });
});
