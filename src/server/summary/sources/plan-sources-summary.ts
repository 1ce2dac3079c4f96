// Plans the KPI Summary of a funnel over several sources: the one-sheet summary's blocks on totals added across sources, plus the sources, the channel alignment and the Channel map rows it reads.
import type { SourcesReport } from "../../../kpi/sources/sources-report";
import { primaryCostKey, summaryMetrics } from "../../../kpi/summary-metrics/metric-table";
import type { InputName } from "../../../kpi/summary-metrics/expression";
import type { SummaryMetric } from "../../../kpi/summary-metrics/metric-types";
import type { SourcedMapping } from "../../mapping/source-types";
import { a1, type Block, type CellRef, extentOf, ref } from "../block";
import { channelBlock, MAX_CHANNEL_ROWS } from "../channel-block";
import type { ChannelMatch } from "../channel-match";
import { channelRankingBlock, type RankingCells } from "../channel-ranking-block";
import { columnWidths } from "../column-widths";
import { area, type ChartSpec, type Decorations, mergeDecorations } from "../decorations";
import { heightWith, PERIOD_ORIGIN, plural, monthChartUnder, scorecardWithTrend, smallestStageCount, TITLE_ROW_HEIGHT, UNIT_ECONOMICS_ORIGIN } from "../dashboard-frame";
import type { MonthChartCells } from "../month-chart-block";
import { funnelBlock } from "../funnel-block";
import { goalKpiChoices, metricContextOf } from "../goal-kpis";
import type { GoalRow } from "../goal-types";
import { goalsBlock } from "../goals-block";
import { headlineBlock } from "../headline-block";
import { monthBlock } from "../month-block";
import { periodBlock, type PeriodInputs } from "../period-block";
import { rankingChoice, type SummaryPlan } from "../plan-summary";
import { unitEconomicsBlock, type UnitEconomicsInputs } from "../unit-economics-block";
import { alignmentBlock, type AlignedSource, type AlignmentCells, UNMATCHED } from "./alignment-block";
import { mapIndexBlock, type MapIndexCells } from "./map-index-block";
import { sourceRanges, suppliesOf } from "./source-ranges";
import { sourcesBlock } from "./sources-block";
import { SourcesTotals } from "./sources-totals";
import { goalsView } from "../../mapping/goals-view";

export const REMAINDER_LABEL = "Not in a channel listed above";

export interface SourcesPlanInputs {
  mapping: SourcedMapping;
  /** Over all rows: the channels and each source's values, as the summary lists them. */
  report: SourcesReport;
  /** Per source name, per value (folded): how its rows are matched (channel-match.ts). */
  matches: ReadonlyMap<string, ReadonlyMap<string, ChannelMatch>>;
  period: PeriodInputs;
  unitEconomics: UnitEconomicsInputs;
  goals: readonly GoalRow[];
  now: Date;
  /** How many Channel map rows the summary reads. */
  mapCapacity: number;
  maxChannelRows?: number;
  /** The number format of money metrics, from the sources' currency (money-format.ts); plain without one. */
  moneyFormat?: string;
}

export interface SourcesPlan extends SummaryPlan {
  alignment: AlignmentCells;
  mapIndex: MapIndexCells;
  sourceRows: number[];
}

/** Each metric's "how" names the sources its totals are added up from. */
function withSources(metrics: readonly SummaryMetric[], report: SourcesReport): SummaryMetric[] {
  return metrics.map((m) => {
    const from = new Set<string>();
    for (const need of m.needs) {
      const key = need.startsWith("stage:") ? need.slice("stage:".length) : need;
      for (const source of report.suppliers[key] ?? []) from.add(source);
    }
    return from.size === 0 ? m : { ...m, how: `${m.how} From ${[...from].map((s) => `'${s}'`).join(" + ")}.` };
  });
}

export function planSourcesSummary(inputs: SourcesPlanInputs): SourcesPlan {
  const { mapping, report, now } = inputs;
  const view = goalsView(mapping);
  const money = inputs.moneyFormat;
  const metrics = withSources(summaryMetrics(metricContextOf(view, inputs.unitEconomics.grossMargin)), report)
    .map((m) => (m.unit === "money" && money !== undefined ? { ...m, format: money } : m));
  const stages = mapping.stages.map((s) => ({ key: s.key, name: s.name }));
  const supplied = mapping.sources.map((source) => ({ source, ranges: sourceRanges(mapping, source), supplies: suppliesOf(mapping, source) }));
  const blocks: Block[] = [];
  const written: string[] = [];
  const names = mapping.sources.map((s) => `'${s.sheetName}'`).join(", ");
  const line = `Sources: ${names}, joined by channel through the 'Channel map' sheet (edit it and these numbers follow). Generated ${now.toISOString().slice(0, 16).replace("T", " ")} UTC by Funnel KPIs; numbers below are live formulas.`;
  blocks.push({ row: 1, column: 1, cells: [["KPI Summary"], [line]], titleRows: [0], styles: [{ row: 0, column: 0, fontSize: 16 }, { row: 1, column: 0, fontColor: "#5f6368" }] });

  const sized = new SourcesTotals(supplied, null, { start: "", end: "" });
  const period = periodBlock(PERIOD_ORIGIN, inputs.period, sized.dateRanges());
  blocks.push(period.block);
  const window = { start: ref(period.cells.start), end: ref(period.cells.end) };
  const unsized = new SourcesTotals(supplied, null, window);

  const unitSized = unitEconomicsBlock(UNIT_ECONOMICS_ORIGIN, inputs.unitEconomics, "0");
  const headlineOrigin: CellRef = { row: PERIOD_ORIGIN.row + Math.max(period.block.cells.length, unitSized.block.cells.length) + 1, column: 1 };
  const grossMarginCell = ref(unitSized.cells.grossMargin);
  const inputCell = (name: InputName): string => {
    if (name !== "grossMargin") throw new Error(`no input ${name}`);
    return grossMarginCell;
  };
  const headline = headlineBlock(headlineOrigin, { metrics, data: unsized, period: period.cells, inputCell });
  const cacRow = headline.cells.rows[`cost_per_${stages[stages.length - 1].key}`];
  const unit = unitEconomicsBlock(UNIT_ECONOMICS_ORIGIN, inputs.unitEconomics, cacRow === undefined ? null : a1(cacRow, headline.cells.currentColumn, true));
  blocks.push(unit.block, headline.block);
  written.push(`Headline KPIs: ${plural(Object.keys(headline.cells.rows).length, "KPI")} for the period and the one before, each added up from its sources`);
  let row = headlineOrigin.row + headline.block.cells.length + 1;

  const sourcesInfo = sourcesBlock({ row, column: 1 }, mapping, report);
  blocks.push(sourcesInfo.block);
  written.push(`Sources: ${plural(mapping.sources.length, "source")}, what each supplies`);
  row += sourcesInfo.block.cells.length + 1;

  const funnelOrigin: CellRef = { row, column: 1 };
  const funnel = funnelBlock(funnelOrigin, stages, headline.cells, smallestStageCount(stages, report.months, report.funnel));
  blocks.push(funnel.block);
  written.push(`Funnel: ${plural(stages.length, "stage")}`);
  row += heightWith(funnelOrigin, funnel.block, [funnel.chart]) + 1;

  const choices = goalKpiChoices(metrics);
  const goals = goalsBlock({ row, column: 1 }, { goals: inputs.goals, choices, metrics, data: unsized, latestCell: ref(period.cells.latest), inputCell });
  blocks.push(goals.block);
  written.push(`Goals: ${plural(inputs.goals.length, "goal")} and ${plural(goals.cells.rows - inputs.goals.length, "empty row")}`);
  row += goals.block.cells.length + 1;

  const channelOrigin: CellRef = { row, column: 1 };
  const channelInputs = (data: SourcesTotals) => ({
    names: report.channels.map((c) => c.channel), matches: new Map<string, ChannelMatch>(), metrics, data,
    period: period.cells, headline: headline.cells, inputCell, maxRows: inputs.maxChannelRows ?? MAX_CHANNEL_ROWS, remainderLabel: REMAINDER_LABEL,
  });
  const channelsSized = channelBlock(channelOrigin, channelInputs(unsized));
  row += channelsSized.block.cells.length + 1;
  // The ranking reads the channel table's cells, which sit where the sized table's do.
  const ranked = rankingChoice(metrics, channelsSized.cells.columns, primaryCostKey(metricContextOf(view)));
  const rankingOrigin: CellRef = { row, column: 1 };
  const rankable = ranked !== null && channelsSized.cells.rows.length >= 2;
  if (rankable) row = channelRankingBlock(rankingOrigin, { channels: channelsSized.cells, ...ranked }).cells.bottom + 1;

  const charts: ChartSpec[] = [];
  const months = monthBlock({ row, column: 1 }, { months: report.months.map((m) => m.month), metrics, data: unsized, period: period.cells, inputCell });
  blocks.push(months.block);
  written.push(`Per month: ${plural(report.months.length, "month")}, every source on its own dates`);
  row += months.block.cells.length + 1;
  let monthChart: MonthChartCells | null = null;
  const chart = monthChartUnder({ row, column: 1 }, months.cells, metrics);
  if (chart !== null) {
    monthChart = chart.cells;
    blocks.push(chart.block);
    charts.push(chart.chart);
    row = chart.cells.bottom + 1;
  }

  const measures = [
    ...(supplied.some((s) => s.supplies.has("spend")) ? [{ key: "spend", label: "Spend", format: "#,##0.00" }] : []),
    ...stages.filter((s) => supplied.some((x) => x.supplies.has(s.key))).map((s) => ({ key: s.key, label: s.name, format: "#,##0" })),
    ...(supplied.some((s) => s.supplies.has("revenue")) ? [{ key: "revenue", label: "Revenue", format: "#,##0.00" }] : []),
  ];
  const aligned: AlignedSource[] = supplied.map((s) => ({
    ...s,
    values: report.values.filter((v) => v.source === s.source.sheetName).map((v) => ({
      label: v.value,
      match: inputs.matches.get(s.source.sheetName)?.get(v.value.toLowerCase()) ?? "comparison",
      rows: v.rows,
    })),
  }));
  const alignmentOrigin: CellRef = { row, column: 1 };
  const placeholderMap = mapIndexBlock({ row: 1, column: 1 }, inputs.mapCapacity).cells;
  const alignmentSized = alignmentBlock(alignmentOrigin, { sources: aligned, measures, window, validCell: ref(period.cells.valid), map: placeholderMap });
  const mapOrigin: CellRef = { row: row + alignmentSized.block.cells.length + 1, column: 1 };
  const mapIndex = mapIndexBlock(mapOrigin, inputs.mapCapacity);
  const alignment = alignmentBlock(alignmentOrigin, { sources: aligned, measures, window, validCell: ref(period.cells.valid), map: mapIndex.cells });
  const totals = new SourcesTotals(supplied, alignment.cells, window);
  const channels = channelBlock(channelOrigin, channelInputs(totals));
  blocks.push(channels.block, alignment.block, mapIndex.block);
  written.push(`Per channel: ${plural(channels.cells.names.length, "channel")}, and a row for what the Channel map places elsewhere`);
  let ranking: RankingCells | null = null;
  if (rankable && ranked !== null) {
    const r = channelRankingBlock(rankingOrigin, { channels: channels.cells, ...ranked });
    ranking = r.cells;
    blocks.push(r.block);
    charts.push(...r.charts);
    written.push(`Channels ranked by ${ranked.rankBy.label}, with charts of it and of the share of ${ranked.shareOf.label.toLowerCase()}`);
  }
  written.push(`Channel alignment: ${plural(report.values.length, "value")} of ${plural(mapping.sources.length, "source")}, ${plural(report.unmatched.length, "unmatched value")}`);
  row = mapOrigin.row + mapIndex.block.cells.length + 1;

  // The scorecard sits at the top but reads the headline and the trend table at the bottom: planned last.
  const top = scorecardWithTrend({ row, column: 1 }, { metrics, data: unsized, period: period.cells, headline: headline.cells, inputCell });
  blocks.push(...top.blocks);
  written.unshift(`Scorecard: ${top.cards.map((m) => m.label).join(", ")}, each with its change and trend`);

  const decorations: Decorations = mergeDecorations(period.decorations, goals.decorations, top.decorations, { colours: top.headlineColours }, {
    charts: [funnel.chart, ...charts],
    colours: [{ kind: "text", area: area(alignment.cells.headerRow + 1, alignment.cells.columns.matchedBy, Math.max(1, alignment.block.cells.length - 2), 1), text: UNMATCHED, background: "#fce8b2" }],
    rowHeights: [{ row: 1, height: TITLE_ROW_HEIGHT }],
  });
  return {
    metrics,
    blocks,
    decorations,
    columnWidths: columnWidths(blocks, decorations.validations),
    written,
    alignment: alignment.cells,
    mapIndex: mapIndex.cells,
    sourceRows: sourcesInfo.rows,
    layout: {
      period: period.cells,
      unitEconomics: unit.cells,
      headline: headline.cells,
      timeToConvert: null,
      quality: null,
      funnel: funnel.cells,
      goals: goals.cells,
      channels: channels.cells,
      months: months.cells,
      cohorts: null,
      scorecard: top.scorecard,
      trend: top.trend,
      ranking,
      monthChart,
      goalKpis: choices.map((k) => ({ label: k.label, direction: k.direction })),
      extent: extentOf(blocks),
    },
  };
}
