// The per-channel table for the selected period: the top channels by spend, each matched literally, and one row for all the others.
import { channelKey, NO_CHANNEL } from "../../kpi/funnel/channel-label";
import type { InputName } from "../../kpi/summary-metrics/expression";
import { shareOfSpendMetric } from "../../kpi/summary-metrics/metric-table";
import type { SummaryMetric } from "../../kpi/summary-metrics/metric-types";
import { a1, type Block, type CellRef, ref } from "./block";
import type { ChannelMatch } from "./channel-match";
import type { SummaryTotals } from "./data-ranges";
import type { HeadlineCells } from "./headline-block";
import type { PeriodCells } from "./period-block";
import { type SegmentCells, segmentBlock } from "./segment-block";

export const CHANNELS_TITLE = "Per channel: the selected period";

/** Past this many channels the table lists the biggest by spend (all time) and one row for the rest. */
export const MAX_CHANNEL_ROWS = 50;

export interface ChannelCells extends SegmentCells {
  /** The labels of the listed rows, in order. */
  names: string[];
  /** How many channels the "Other" row stands for (0 without one). */
  others: number;
}

export interface ChannelInputs {
  /** Channel labels, biggest spend first (the report's order). */
  names: readonly string[];
  matches: ReadonlyMap<string, ChannelMatch>;
  metrics: readonly SummaryMetric[];
  data: SummaryTotals;
  period: PeriodCells;
  headline: HeadlineCells;
  inputCell(name: InputName): string;
  maxRows?: number;
  /**
   * A remainder row even when every channel is listed, with this label: with sources, a value the team
   * moves to a channel not listed here (or lists twice in the Channel map) is counted there, live.
   */
  remainderLabel?: string;
}

export function otherLabel(count: number): string {
  return `All other channels (${count})`;
}

export function channelBlock(origin: CellRef, inputs: ChannelInputs): { block: Block; cells: ChannelCells } {
  const max = inputs.maxRows ?? MAX_CHANNEL_ROWS;
  const listed = inputs.names.length > max ? inputs.names.slice(0, max) : [...inputs.names];
  const others = inputs.names.length - listed.length;
  const inTable = inputs.metrics.filter((m) => m.places.includes("channels"));
  const share = shareOfSpendMetric();
  const columns = inTable.some((m) => m.key === "spend") ? [inTable[0], share, ...inTable.slice(1)] : inTable;
  const headlineCell = (key: string): string => {
    const row = inputs.headline.rows[key];
    if (row === undefined) throw new Error(`the headline has no ${key}`);
    return a1(row, inputs.headline.currentColumn, true);
  };
  const { block, cells } = segmentBlock({
    origin,
    title: CHANNELS_TITLE,
    keyHeader: "Channel",
    keys: listed,
    keyFormat: "",
    metrics: columns,
    allMetrics: inputs.metrics,
    data: inputs.data,
    window: () => ({ start: ref(inputs.period.start), end: ref(inputs.period.end) }),
    slice: (row, i) => ({
      keyCell: a1(row, origin.column, true),
      match: inputs.matches.get(channelKey(listed[i])) ?? "comparison",
      takesBlank: listed[i] === NO_CHANNEL,
    }),
    validCell: ref(inputs.period.valid),
    wholeCell: headlineCell,
    inputCell: inputs.inputCell,
    other: others > 0 ? { label: otherLabel(others), wholeCell: headlineCell } : inputs.remainderLabel === undefined ? undefined : { label: inputs.remainderLabel, wholeCell: headlineCell },
  });
  return { block, cells: { ...cells, names: listed, others } };
}
