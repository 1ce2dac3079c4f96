// The headline table: each KPI for the selected period and the one before it, with the change and how it is computed.
import type { WritableValue } from "../apps-script-api";
import { a1, type Block, FORMAT } from "./block";
import { HEADLINE_FIRST_ROW, PERIOD, TITLES, UNIT_ECONOMICS } from "./layout";
import { change, conversion, MetricFormulas, ratio, type Window } from "./metric-formulas";

export interface HeadlineLayout {
  block: Block;
  /** Headline key (as the funnel report names it: "spend", "count_leads", "cac"...) → sheet row. */
  rows: Map<string, number>;
  currentColumn: number;
  previousColumn: number;
}

interface HeadlineRow {
  key: string;
  label: string;
  format: string;
  how: string;
  /** The formula for one period, given where this period's other headline cells are. */
  formula(window: Window, cell: (key: string) => string): string;
}

const CURRENT: Window = { start: PERIOD.start, end: PERIOD.end };
const PREVIOUS: Window = { start: PERIOD.previousStart, end: PERIOD.previousEnd };
const NOT_MAPPED = '"n/a"';

function headlineRows(m: MetricFormulas): HeadlineRow[] {
  const names = m.stageNames;
  const keys = names.map((_, i) => `count_${i}`);
  const last = names.length - 1;
  const rows: HeadlineRow[] = [
    { key: "spend", label: "Spend", format: FORMAT.money, how: "Total of the spend column in the period.",
      formula: (w) => m.spend(w) ?? NOT_MAPPED },
  ];
  names.forEach((name, i) => rows.push({
    key: keys[i], label: name, format: FORMAT.count,
    how: `${name} in the period: the stage's total (aggregated data) or the rows whose ${name} date falls in it (one row per lead).`,
    formula: (w) => m.stageCount(i, w),
  }));
  for (let i = 1; i < names.length; i++) {
    rows.push({
      key: `step_${i}`, label: `${names[i - 1]} → ${names[i]} conversion`, format: FORMAT.rate,
      how: `${names[i]} ÷ ${names[i - 1]} (CONVERSION_RATE); n/a when ${names[i - 1]} is 0 or the rate would exceed 100%.`,
      formula: (_w, cell) => conversion(cell(keys[i]), cell(keys[i - 1])),
    });
  }
  rows.push(
    { key: "overall_conversion", label: `${names[0]} → ${names[last]} conversion`, format: FORMAT.rate,
      how: `${names[last]} ÷ ${names[0]} (CONVERSION_RATE).`,
      formula: (_w, cell) => conversion(cell(keys[last]), cell(keys[0])) },
    { key: "cac", label: `CAC (spend per ${names[last]})`, format: FORMAT.money,
      how: `Spend ÷ ${names[last]} (CAC: Skok, SaaS Metrics 2.0).`,
      formula: (_w, cell) => ratio(cell("spend"), cell(keys[last])) },
    { key: "cpa", label: `CPA (spend per ${names[1]})`, format: FORMAT.money,
      how: `Spend ÷ ${names[1]} (CPA: cost per acquisition of the funnel's second stage).`,
      formula: (_w, cell) => ratio(cell("spend"), cell(keys[1])) },
    { key: "revenue", label: "Revenue", format: FORMAT.money,
      how: "Total of the revenue column in the period (one row per lead: revenue of the rows that reached the last stage, on that date).",
      formula: (w) => m.revenue(w) ?? NOT_MAPPED },
    { key: "roi", label: "ROI", format: FORMAT.rate, how: "(Revenue − spend) ÷ spend (ROI).",
      formula: (_w, cell) => `IF(AND(ISNUMBER(${cell("revenue")}), ISNUMBER(${cell("spend")}), N(${cell("spend")})>0), (${cell("revenue")}-${cell("spend")})/${cell("spend")}, "n/a")` },
    { key: "romi", label: "ROMI", format: FORMAT.rate,
      how: `(Revenue × gross margin − spend) ÷ spend (ROMI); the gross margin is the one entered in ${UNIT_ECONOMICS.grossMargin.replace(/\$/g, "")}, 1 when blank.`,
      formula: (_w, cell) => `IF(AND(ISNUMBER(${cell("revenue")}), ISNUMBER(${cell("spend")}), N(${cell("spend")})>0), (${cell("revenue")}*IF(ISNUMBER(${UNIT_ECONOMICS.grossMargin}), ${UNIT_ECONOMICS.grossMargin}, 1)-${cell("spend")})/${cell("spend")}, "n/a")` },
    { key: "roas", label: "ROAS", format: FORMAT.ratio, how: "Revenue ÷ spend (ROAS).",
      formula: (_w, cell) => ratio(cell("revenue"), cell("spend")) },
    { key: "avg_deal_size", label: `Average deal size (revenue per ${names[last]})`, format: FORMAT.money,
      how: `Revenue ÷ ${names[last]} (AVG_DEAL_SIZE).`,
      formula: (_w, cell) => ratio(cell("revenue"), cell(keys[last])) },
  );
  return rows;
}

/** Stage rows are keyed by position here and renamed to the report's stage keys by `reportKey`. */
export function headlineBlock(m: MetricFormulas, stageKeys: readonly string[]): HeadlineLayout {
  const rows = headlineRows(m);
  const first = HEADLINE_FIRST_ROW + 2;
  const rowOf = new Map(rows.map((r, i) => [r.key, first + i]));
  const cellIn = (column: number) => (key: string): string => a1(rowOf.get(key) ?? 0, column);
  const cells: WritableValue[][] = [[TITLES.headline, "", "", "", ""], ["KPI", "This period", "Previous period", "Change", "How it is computed"]];
  const formats: string[][] = [["", "", "", "", ""], ["", "", "", "", ""]];
  const notes: string[][] = [["", "", "", "", ""], ["", "", "", "", ""]];
  for (const r of rows) {
    const row = rowOf.get(r.key) ?? 0;
    cells.push([r.label, `=${r.formula(CURRENT, cellIn(2))}`, `=${r.formula(PREVIOUS, cellIn(3))}`, `=${change(a1(row, 2), a1(row, 3))}`, r.how]);
    formats.push(["", r.format, r.format, FORMAT.rate, ""]);
    notes.push(["", r.how, r.how, "(This period − previous) ÷ previous (GROWTH_RATE); n/a when the previous value is 0 or n/a.", ""]);
  }
  const reportRows = new Map<string, number>();
  for (const [key, row] of rowOf) reportRows.set(reportKey(key, stageKeys), row);
  return {
    block: { row: HEADLINE_FIRST_ROW, column: 1, cells, formats, notes, titleRows: [0], headerRows: [1] },
    rows: reportRows,
    currentColumn: 2,
    previousColumn: 3,
  };
}

/** "count_1" → "count_leads", "step_2" → "step_customers": the funnel report's own keys. */
function reportKey(key: string, stageKeys: readonly string[]): string {
  const match = /^(count|step)_(\d+)$/.exec(key);
  return match ? `${match[1]}_${stageKeys[Number(match[2])]}` : key;
}
