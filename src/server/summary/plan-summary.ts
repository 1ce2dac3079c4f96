// Plans the whole KPI Summary before anything is written: every block placed below the last, each given its position and returning its cells.
import type { FunnelReport } from "../../kpi/funnel-report";
import { primaryCostKey, summaryMetrics } from "../../kpi/summary-metrics/metric-table";
import type { InputName } from "../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import type { FunnelMapping } from "../mapping/mapping-types";
import { a1, type Block, type CellRef, extentOf, ref } from "./block";
import { channelBlock, MAX_CHANNEL_ROWS } from "./channel-block";
import type { ChannelMatch } from "./channel-match";
import { cohortBlock, qualityBlock } from "./cohort-block";
import { DataRanges } from "./data-ranges";
import { type ChartSpec, type Decorations, mergeDecorations } from "./decorations";
import { heightWith, PERIOD_ORIGIN, plural, monthChartUnder, scorecardWithTrend, smallestStageCount, TITLE_ROW_HEIGHT, UNIT_ECONOMICS_ORIGIN } from "./dashboard-frame";
import { channelRankingBlock, type RankingCells } from "./channel-ranking-block";
import { columnWidths } from "./column-widths";
import type { MonthChartCells } from "./month-chart-block";
import type { ColumnWidth } from "./decorations";
import { funnelBlock } from "./funnel-block";
import { goalKpiChoices, metricContextOf } from "./goal-kpis";
import type { GoalRow } from "./goal-types";
import { goalsBlock } from "./goals-block";
import { headlineBlock } from "./headline-block";
import { monthBlock } from "./month-block";
import { periodBlock, type PeriodInputs } from "./period-block";
import type { SummaryLayout } from "./summary-layout";
import { unitEconomicsBlock, type UnitEconomicsInputs } from "./unit-economics-block";

export interface PlanInputs {
  mapping: FunnelMapping;
  report: FunnelReport;
  /** Per channel group (folded label): how its rows are matched (channel-match.ts). */
  channelMatches: ReadonlyMap<string, ChannelMatch>;
  period: PeriodInputs;
  unitEconomics: UnitEconomicsInputs;
  goals: readonly GoalRow[];
  now: Date;
  maxChannelRows?: number;
  /** The number format of money metrics, from the data's currency (money-format.ts); plain without one. */
  moneyFormat?: string;
}

export interface SummaryPlan {
  /** The metric table of this funnel, as the blocks used it. */
  metrics: SummaryMetric[];
  blocks: Block[];
  decorations: Decorations;
  /** Every column's width, so no label is clipped at 100% zoom (column-widths.ts). */
  columnWidths: ColumnWidth[];
  layout: SummaryLayout;
  /** What was written, for the wizard's report: "Headline KPIs: 17 KPIs ...". */
  written: string[];
}

export function planSummary(inputs: PlanInputs): SummaryPlan {
  const { mapping, report, now } = inputs;
  const money = inputs.moneyFormat;
  const metrics = summaryMetrics(metricContextOf(mapping, inputs.unitEconomics.grossMargin))
    .map((m) => (m.unit === "money" && money !== undefined ? { ...m, format: money } : m));
  const data = new DataRanges(mapping);
  const stages = mapping.stages.map((s) => ({ key: s.key, name: s.name }));
  const blocks: Block[] = [];
  const written: string[] = [];
  const source = `Data: '${mapping.sheetName}' from row ${mapping.headerRow + 1} (${mapping.shape}). Generated ${now.toISOString().slice(0, 16).replace("T", " ")} UTC by Funnel KPIs; numbers below are live formulas.`;
  blocks.push({ row: 1, column: 1, cells: [["KPI Summary"], [source]], titleRows: [0], styles: [{ row: 0, column: 0, fontSize: 16 }, { row: 1, column: 0, fontColor: "#5f6368" }] });

  const period = periodBlock(PERIOD_ORIGIN, inputs.period, data.dateRanges());
  blocks.push(period.block);

  // Unit economics sits beside the period and reads the headline's CAC, while ROMI in the headline reads its
  // gross margin: its cells do not depend on the CAC cell, so they are known before the headline is planned.
  const sized = unitEconomicsBlock(UNIT_ECONOMICS_ORIGIN, inputs.unitEconomics, "0");
  const headlineOrigin: CellRef = { row: PERIOD_ORIGIN.row + Math.max(period.block.cells.length, sized.block.cells.length) + 1, column: 1 };
  const grossMarginCell = ref(sized.cells.grossMargin);
  const inputCell = (name: InputName): string => {
    if (name !== "grossMargin") throw new Error(`no input ${name}`);
    return grossMarginCell;
  };
  const headline = headlineBlock(headlineOrigin, { metrics, data, period: period.cells, inputCell });
  const cacRow = headline.cells.rows[`cost_per_${stages[stages.length - 1].key}`];
  const unit = unitEconomicsBlock(UNIT_ECONOMICS_ORIGIN, inputs.unitEconomics, cacRow === undefined ? null : a1(cacRow, headline.cells.currentColumn, true));
  blocks.push(unit.block, headline.block);
  written.push(`Headline KPIs: ${plural(Object.keys(headline.cells.rows).length, "KPI")} for the period and the one before`);
  let row = headlineOrigin.row + headline.block.cells.length;

  let timeToConvert: CellRef | null = null;
  let quality: CellRef | null = null;
  if (report.timeToConvert) {
    const stats = report.timeToConvert.all;
    timeToConvert = { row, column: 2 };
    blocks.push({
      row, column: 1,
      cells: [[`Median days ${stages[0].name} → ${stages[stages.length - 1].name} (all rows)`, stats.medianDays.value ?? "n/a", "", "",
        `Computed by the add-on on ${now.toISOString().slice(0, 10)} from ${stats.records} conversions (no native formula can); regenerate to update.`]],
      formats: [["", "0.0", "", "", ""]],
    });
    row += 1;
    const q = qualityBlock({ row, column: 1 }, data, stages.map((s) => s.key));
    quality = q.cell;
    blocks.push(q.block);
    row += 1;
  }

  row += 1;
  const funnelOrigin = { row, column: 1 };
  const funnel = funnelBlock(funnelOrigin, stages, headline.cells, smallestStageCount(stages, report.months, report.funnel));
  blocks.push(funnel.block);
  written.push(`Funnel: ${plural(stages.length, "stage")}`);
  row += heightWith(funnelOrigin, funnel.block, [funnel.chart]) + 1;

  const choices = goalKpiChoices(metrics);
  const goals = goalsBlock({ row, column: 1 }, { goals: inputs.goals, choices, metrics, data, latestCell: ref(period.cells.latest), inputCell });
  blocks.push(goals.block);
  written.push(`Goals: ${plural(inputs.goals.length, "goal")} and ${plural(goals.cells.rows - inputs.goals.length, "empty row")}`);
  row += goals.block.cells.length + 1;

  let channels: SummaryLayout["channels"] = null;
  let ranking: RankingCells | null = null;
  let monthChart: MonthChartCells | null = null;
  const charts: ChartSpec[] = [];
  if (report.channels) {
    const c = channelBlock({ row, column: 1 }, {
      names: report.channels.map((ch) => ch.channel), matches: inputs.channelMatches, metrics, data,
      period: period.cells, headline: headline.cells, inputCell, maxRows: inputs.maxChannelRows ?? MAX_CHANNEL_ROWS,
    });
    channels = c.cells;
    blocks.push(c.block);
    written.push(`Per channel: ${plural(c.cells.names.length, "channel")}${c.cells.others > 0 ? ` and one row for the other ${c.cells.others}` : ""}`);
    row += c.block.cells.length + 1;
    const ranked = rankingChoice(metrics, c.cells.columns, primaryCostKey(metricContextOf(mapping)));
    if (ranked !== null && c.cells.rows.length >= 2) {
      const r = channelRankingBlock({ row, column: 1 }, { channels: c.cells, ...ranked });
      ranking = r.cells;
      blocks.push(r.block);
      charts.push(...r.charts);
      written.push(`Channels ranked by ${ranked.rankBy.label}, with charts of it and of the share of ${ranked.shareOf.label.toLowerCase()}`);
      row = r.cells.bottom + 1;
    }
  }

  const months = monthBlock({ row, column: 1 }, { months: report.months.map((m) => m.month), metrics, data, period: period.cells, inputCell });
  blocks.push(months.block);
  written.push(`Per month: ${plural(report.months.length, "month")}`);
  row += months.block.cells.length + 1;
  const chart = monthChartUnder({ row, column: 1 }, months.cells, metrics);
  if (chart !== null) {
    monthChart = chart.cells;
    blocks.push(chart.block);
    charts.push(chart.chart);
    row = chart.cells.bottom + 1;
  }

  let cohorts: SummaryLayout["cohorts"] = null;
  let cohortDecorations: Partial<Decorations> = {};
  if (report.cohorts && report.cohorts.months.length > 0) {
    const c = cohortBlock({ row, column: 1 }, report.cohorts.months.map((m) => m.month), data, period.cells);
    cohorts = c.cells;
    cohortDecorations = c.decorations;
    blocks.push(c.block);
    written.push(`Cohorts: ${plural(c.cells.months.length, "entry month")} × 30, 60 and 90 days`);
    row += c.block.cells.length + 1;
  }

  // The scorecard sits at the top but reads the headline and the trend table at the bottom: planned last.
  const top = scorecardWithTrend({ row, column: 1 }, { metrics, data: data, period: period.cells, headline: headline.cells, inputCell });
  blocks.push(...top.blocks);
  written.unshift(`Scorecard: ${top.cards.map((m) => m.label).join(", ")}, each with its change and trend`);

  const decorations = mergeDecorations(period.decorations, goals.decorations, cohortDecorations, top.decorations, { colours: top.headlineColours }, {
    charts: [funnel.chart, ...charts],
    rowHeights: [{ row: 1, height: TITLE_ROW_HEIGHT }],
  });
  return {
    metrics,
    blocks,
    decorations,
    columnWidths: columnWidths(blocks, decorations.validations),
    written,
    layout: {
      period: period.cells,
      unitEconomics: unit.cells,
      headline: headline.cells,
      timeToConvert,
      quality,
      funnel: funnel.cells,
      goals: goals.cells,
      channels,
      months: months.cells,
      cohorts,
      scorecard: top.scorecard,
      trend: top.trend,
      ranking,
      monthChart,
      goalKpis: choices.map((k) => ({ label: k.label, direction: k.direction })),
      extent: extentOf(blocks),
    },
  };
}

/**
 * What channels are ranked by: the cost per last stage (CPC when clicks are last), cheapest first; without
 * spend there is no next dollar, so the revenue, or the last stage's count, biggest first (a same-period
 * conversion of one-row-per-lead data can pass 100%, so it ranks nothing). The pie shares spend, or without
 * spend the last stage's count.
 */
export function rankingChoice(metrics: readonly SummaryMetric[], columns: Record<string, number>, costKey: string): { rankBy: SummaryMetric; shareOf: SummaryMetric; shareKey: string | null } | null {
  const inTable = (key: string): SummaryMetric | undefined => (columns[key] === undefined ? undefined : metrics.find((m) => m.key === key));
  const counts = metrics.filter((m) => m.formula.op === "count" && columns[m.key] !== undefined);
  const rankBy = inTable(costKey) ?? inTable("cpc") ?? inTable("revenue") ?? counts[counts.length - 1];
  const shareOf = inTable("spend") ?? counts[counts.length - 1];
  if (rankBy === undefined || shareOf === undefined) return null;
  return { rankBy, shareOf, shareKey: columns.share_of_spend === undefined ? null : "share_of_spend" };
}
