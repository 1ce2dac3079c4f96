// Prints a multi-source run for scripts: the report's own numbers, unrounded, with the sources, the mapping, the channel table and the unmatched values.
import type { SourcesRun } from "./sources-run";

export function sourcesJsonReport(run: SourcesRun): string {
  const { report } = run;
  const body = {
    files: run.files,
    sources: run.sources,
    notUsed: run.notUsed,
    mapping: run.mapping,
    mappingSource: run.mappingSource,
    mappingReasons: run.mappingReasons,
    channelsSource: run.channelsSource,
    channelsFrom: run.channelsFrom,
    channelTable: run.channelTable,
    warnings: run.warnings.map((w) => w.message),
    suppliers: report.suppliers,
    headline: report.headline,
    headlineReason: report.headlineReason,
    funnel: report.funnel,
    /** Per channel in the headline period (null without one), then over all rows. */
    channels: report.periodChannels,
    channelsAllRows: report.channels,
    totals: report.periodTotals,
    totalsAllRows: report.totals,
    months: report.months,
    values: report.values,
    unmatched: report.unmatched,
    notes: report.notes,
    sourceNotes: report.sources,
    out: run.out,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
