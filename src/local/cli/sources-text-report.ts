// Prints a multi-source run for people: each source with its role, where each figure comes from, headline KPIs, the funnel, channels, unmatched values, the channel table.
import type { SourcesChannelRow } from "../../kpi/sources/sources-report";
import { formatKpi, formatNumber } from "./kpi-format";
import { readingSection } from "./reading-section";
import type { SourcesRun } from "./sources-run";
import { funnelText, headlineText } from "./text-report";
import { textTable } from "./text-table";

const left = (title: string) => ({ title, align: "left" as const });
const right = (title: string) => ({ title, align: "right" as const });

function sourcesSection(run: SourcesRun): string {
  const roleWords = { "ad-spend": "ad spend", analytics: "analytics traffic", crm: "CRM records" } as const;
  const rows = run.sources.map((s) => [s.name, s.label === s.name ? s.file : s.label, s.role === null ? "-" : roleWords[s.role], s.roleReason]);
  for (const n of run.notUsed) rows.push([n.sheet, n.file, "not used", n.reason]);
  return `Sources\n${textTable([left("Source"), left("File"), left("Role"), left("Why")], rows)}`;
}

function mappingSection(run: SourcesRun): string {
  const title = run.mappingSource === "detected" ? "Funnel (detected; save it with --save-mapping)" : `Funnel (${run.mappingSource === "file" ? "from the mapping file" : "saved in the workbook"})`;
  return `${title}\n${textTable([left("Figure"), left("From")], run.mappingReasons.map((r) => [r.field, r.reason]))}`;
}

function channelSection(run: SourcesRun): string {
  const { report } = run;
  const inPeriod = report.periodChannels !== null && report.headline !== null;
  const channels: SourcesChannelRow[] = report.periodChannels ?? report.channels;
  const rows = channels.map((c) => [
    c.channel,
    formatNumber(c.spend, "money"),
    formatKpi(c.shareOfSpend, "rate"),
    ...c.stageCounts.map((n) => formatNumber(n, "count")),
    formatKpi(c.conversion, "rate"),
    formatKpi(c.cac, "money"),
    formatNumber(c.revenue, "money"),
    formatKpi(c.roas, "multiple"),
    c.sources.join(", "),
  ]);
  const columns = [left("Channel"), right("Spend"), right("Share"), ...report.stages.map((s) => right(s.name)), right("Conversion"), right("CAC"), right("Revenue"), right("ROAS"), left("Sources")];
  const when = inPeriod && report.headline !== null ? `${report.headline.start} to ${report.headline.end}` : "all rows";
  const total = report.periodTotals ?? report.totals;
  const totalLine = [
    "Total",
    formatNumber(total.spend, "money"),
    "",
    ...total.stageCounts.map((n) => formatNumber(n, "count")),
    formatKpi(total.conversion, "rate"),
    formatKpi(total.cac, "money"),
    formatNumber(total.revenue, "money"),
    formatKpi(total.roas, "multiple"),
    "",
  ];
  return `Channels (${when}, biggest spend first; spend and ${report.stages[report.stages.length - 1].name.toLowerCase()} each dated in the period by their own source)\n${textTable(columns, [...rows, totalLine])}`;
}

function unmatchedSection(run: SourcesRun): string {
  const { report } = run;
  if (report.unmatched.length === 0) return "Unmatched values: none; every value of every source is in the channel table";
  const last = report.stages[report.stages.length - 1].name;
  const rows = report.unmatched.map((u) => [u.source, u.value, formatNumber(u.rows, "count"), formatNumber(u.all.spend, "money"), formatNumber(u.all.stageCounts[u.all.stageCounts.length - 1], "count")]);
  return `Unmatched values (each kept as its own channel; place them in the channel table)\n${textTable([left("Source"), left("Value"), right("Rows"), right("Spend"), right(last)], rows)}`;
}

function channelTableSection(run: SourcesRun): string {
  if (run.channelsSource !== "proposed") return `Channel table: ${run.channelTable.length} rows from ${run.channelsFrom ?? "the workbook"}`;
  const rows = run.channelTable.map((l) => [l.source, l.value === "" ? "(any other value)" : l.value, l.channel, l.why]);
  return `Channel table (proposed; save it with --save-channels FILE.csv, edit it, pass it with --channels)\n${textTable([left("Source"), left("Value"), left("Channel"), left("Why")], rows)}`;
}

function notesSection(run: SourcesRun): string {
  const lines: string[] = [];
  for (const s of run.report.sources) {
    const n = s.notes;
    const parts = [`${formatNumber(n.rows, "count")} data rows read from "${s.name}"`];
    if (n.unreadableCells > 0) parts.push(`${formatNumber(n.unreadableCells, "count")} cells could not be read`);
    if (n.rowsWithoutDate > 0) parts.push(`${formatNumber(n.rowsWithoutDate, "count")} rows have no date`);
    if (n.revenueWithoutLastStage > 0) parts.push(`${formatNumber(n.revenueWithoutLastStage, "count")} records have revenue but never reached their last stage`);
    if (n.datesWithoutStatus > 0) parts.push(`${formatNumber(n.datesWithoutStatus, "count")} stage dates are on records whose status does not reach that stage`);
    lines.push(parts.join("; "));
  }
  for (const w of run.warnings) lines.push(`warning: ${w.message}`);
  if (run.out !== null) lines.push(`wrote ${run.out} with a "KPI Summary" sheet and the "Channel map"`);
  return lines.join("\n");
}

export function sourcesTextReport(run: SourcesRun): string {
  const sections = [
    ...run.sources.map((s) => readingSection(s.reading, s.name)),
    sourcesSection(run),
    mappingSection(run),
    headlineText(run.report),
    funnelText(run.report.funnel),
    channelSection(run),
    unmatchedSection(run),
    channelTableSection(run),
    notesSection(run),
  ];
  return `${sections.filter((s): s is string => s !== null).join("\n\n")}\n`;
}
