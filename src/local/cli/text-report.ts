// Prints a summarize run for people: the mapping with its reasons, headline KPIs, the funnel, channels, time to convert.
import type { FunnelReport } from "../../kpi/funnel-report";
import { readingSection } from "./reading-section";
import { formatChange, formatKpi, formatNumber, kindOfUnit } from "./kpi-format";
import { sourcesTextReport } from "./sources-text-report";
import type { SourcesRun } from "./sources-run";
import type { SummaryRun } from "./summary-run";
import { textTable } from "./text-table";

function mappingSection(run: SummaryRun): string {
  const title = run.choice.source === "detected" ? "Mapping (detected; save it with --save-mapping)" : "Mapping (from file)";
  const rows = run.choice.lines.map((l) => [l.field, l.column ?? "-", l.reason]);
  return `${title}\n${textTable([{ title: "Field", align: "left" }, { title: "Column", align: "left" }, { title: "Why", align: "left" }], rows)}`;
}

function headlineSection(run: SummaryRun): string {
  return headlineText(run.report);
}

/** The headline KPIs of a report (one sheet or several sources): this period, the one before, the change. */
export function headlineText(report: Pick<FunnelReport, "headline" | "headlineReason">): string {
  const { headline, headlineReason } = report;
  if (headline === null) return `Headline KPIs: none, because ${headlineReason ?? "no period was given"}`;
  const rows = headline.kpis.map((k) => {
    const kind = kindOfUnit(k.unit);
    return [k.label, formatKpi(k.current, kind), formatKpi(k.previous, kind), formatChange(k.change)];
  });
  const notes = [
    headline.preset === "Custom" ? null : `Period: ${headline.preset}, counted back from the latest date with data (as the KPI Summary's default)`,
    headline.partial,
    headline.previousHasData ? null : "The previous period has no data, so no change is shown",
  ].filter((n): n is string => n !== null);
  const title = `Headline KPIs: ${headline.start} to ${headline.end} (${headline.days} days) vs ${headline.previousStart} to ${headline.previousEnd}${notes.map((n) => `\n${n}`).join("")}`;
  const table = textTable(
    [{ title: "KPI", align: "left" }, { title: "This period", align: "right" }, { title: "Previous", align: "right" }, { title: "Change", align: "right" }],
    rows,
  );
  return `${title}\n${table}`;
}

function funnelSection(run: SummaryRun): string {
  return funnelText(run.report.funnel);
}

/** The funnel table: count, step and overall conversion, drop-off. */
export function funnelText(funnel: FunnelReport["funnel"]): string {
  const rows = funnel.map((s) => [
    s.name,
    formatNumber(s.count, "count"),
    s.stepConversion === null ? "" : formatKpi(s.stepConversion, "rate"),
    formatKpi(s.overallConversion, "rate"),
    s.dropOff === null ? "" : formatNumber(s.dropOff, "count"),
    s.dropOffRate === null ? "" : formatKpi(s.dropOffRate, "rate"),
  ]);
  const table = textTable(
    [
      { title: "Stage", align: "left" },
      { title: "Count", align: "right" },
      { title: "Step conversion", align: "right" },
      { title: "Overall conversion", align: "right" },
      { title: "Drop-off", align: "right" },
      { title: "Drop-off rate", align: "right" },
    ],
    rows,
  );
  return `Funnel (all rows)\n${table}`;
}

function channelSection(run: SummaryRun): string {
  const { channels, metrics } = run.report;
  if (channels === null) return "Channels: no channel column is mapped";
  // The metric table decides the columns, as it does for the summary sheet's channel table.
  const shown = metrics.filter((m) => m.places.includes("channels"));
  const rows = channels.map((c) => [
    c.channel,
    ...(c.spend === null ? [] : [formatNumber(c.spend, "money"), formatKpi(c.shareOfSpend, "rate")]),
    ...shown.filter((m) => m.key !== "spend").map((m) => formatKpi(c.metrics[m.key] ?? null, kindOfUnit(m.unit))),
  ]);
  const hasSpend = channels[0]?.spend !== null && channels[0]?.spend !== undefined;
  const columns = [
    { title: "Channel", align: "left" as const },
    ...(hasSpend ? [{ title: "Spend", align: "right" as const }, { title: "Share", align: "right" as const }] : []),
    ...shown.filter((m) => m.key !== "spend").map((m) => ({ title: m.label, align: "right" as const })),
  ];
  return `Channels (all rows, biggest spend first)\n${textTable(columns, rows)}`;
}

function cohortSection(run: SummaryRun): string | null {
  const cohorts = run.report.cohorts;
  if (cohorts === null || cohorts.months.length === 0) return null;
  const rows = cohorts.months.map((m) => [
    m.month, formatNumber(m.entered, "count"),
    ...m.shares.map((s) => (s.value === null ? (s.reason.startsWith("window open") ? "open" : "n/a") : formatNumber(s.value, "rate"))),
  ]);
  const columns = [
    { title: "Entry month", align: "left" as const }, { title: "Entered", align: "right" as const },
    ...cohorts.windows.map((w) => ({ title: `Within ${w} days`, align: "right" as const })),
  ];
  return `Cohorts: share of each month's entrants converted within a window ("open": not every entrant has had the whole window)\n${textTable(columns, rows)}`;
}

function timeSection(run: SummaryRun): string | null {
  const ttc = run.report.timeToConvert;
  if (ttc === null) return null;
  const stages = run.report.stages;
  const row = (label: string, s: typeof ttc.all) => [label, formatNumber(s.records, "count"), formatKpi(s.medianDays, "days"), formatKpi(s.meanDays, "days"), formatKpi(s.p90Days, "days")];
  const rows = [row("All rows", ttc.all), ...(ttc.period === null ? [] : [row("Headline period", ttc.period)])];
  const table = textTable(
    [{ title: "", align: "left" }, { title: "Records", align: "right" }, { title: "Median", align: "right" }, { title: "Mean", align: "right" }, { title: "90th pct", align: "right" }],
    rows,
  );
  return `Time to convert (${stages[0].name} → ${stages[stages.length - 1].name})\n${table}`;
}

function notesSection(run: SummaryRun): string {
  const n = run.report.notes;
  const lines = [`${formatNumber(n.rows, "count")} data rows read from "${run.sheetName}" (header in row ${run.headerRow})`];
  if (n.unreadableCells > 0) lines.push(`${formatNumber(n.unreadableCells, "count")} cells could not be read and were left out`);
  if (n.rowsWithoutDate > 0) lines.push(`${formatNumber(n.rowsWithoutDate, "count")} rows have no date: in totals, in no month or period`);
  const backwards = run.report.cohorts?.backwardsRecords ?? 0;
  if (backwards > 0) lines.push(`${formatNumber(backwards, "count")} records have a stage dated before an earlier one (a data error; one whose last stage comes before its first counts as entered, not converted, in the cohorts)`);
  if (n.negativeDurations > 0) lines.push(`${formatNumber(n.negativeDurations, "count")} records reached the last stage before the first: left out of time to convert`);
  if (n.revenueWithoutLastStage > 0) lines.push(`${formatNumber(n.revenueWithoutLastStage, "count")} records have revenue but never reached the last stage: not counted`);
  if (n.datesWithoutStatus > 0) lines.push(`${formatNumber(n.datesWithoutStatus, "count")} stage dates are on records whose status does not reach that stage (lost or open deals): not counted`);
  for (const w of run.warnings) lines.push(`warning: ${w.message}`);
  if (run.out !== null) lines.push(`wrote ${run.out} with a "KPI Summary" sheet`);
  return lines.join("\n");
}

export function textReport(run: SummaryRun | SourcesRun): string {
  if ("kind" in run) return sourcesTextReport(run);
  const sections = [readingSection(run.reading, run.sheetName), mappingSection(run), headlineSection(run), funnelSection(run), channelSection(run), timeSection(run), cohortSection(run), notesSection(run)];
  return `${sections.filter((s): s is string => s !== null).join("\n\n")}\n`;
}
