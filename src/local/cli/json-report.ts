// Prints a summarize run for scripts: the report's own numbers, unrounded, with the mapping and warnings beside them.
import { sourcesJsonReport } from "./sources-json-report";
import type { SourcesRun } from "./sources-run";
import type { SummaryRun } from "./summary-run";

export function jsonReport(run: SummaryRun | SourcesRun): string {
  if ("kind" in run) return sourcesJsonReport(run);
  const { report } = run;
  const body = {
    file: run.file,
    sheet: run.sheetName,
    headerRow: run.headerRow,
    reading: run.reading,
    mapping: run.choice.mapping,
    mappingSource: run.choice.source,
    mappingReasons: run.choice.lines,
    warnings: run.warnings.map((w) => w.message),
    headline: report.headline,
    headlineReason: report.headlineReason,
    funnel: report.funnel,
    channels: report.channels,
    totals: report.totals,
    months: report.months,
    metrics: report.metrics,
    timeToConvert: report.timeToConvert,
    cohorts: report.cohorts,
    span: report.span,
    notes: report.notes,
    out: run.out,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
