// Everything one summarize run over several sources found, as the text and JSON printers both read it.
import type { SourcesReport } from "../../kpi/sources/sources-report";
import type { ReadingReport } from "../../reading/reading-report";
import type { MappingIssue } from "../../server/mapping/mapping-issues";
import type { SourceRole, SourcedMapping } from "../../server/mapping/source-types";

export interface RunSource {
  /** The sheet's name (a CSV's is its file name without the extension): what the channel table's Source says. */
  name: string;
  file: string;
  /** How --channels may name it: the file name for a CSV, the sheet name for a sheet of an .xlsx. */
  label: string;
  headerRow: number;
  reading: ReadingReport | null;
  role: SourceRole | null;
  /** Why it has the role it has (detected), or where its mapping came from. */
  roleReason: string;
}

export interface ChannelTableLine {
  source: string;
  value: string;
  channel: string;
  /** Where the row came from, or why it was proposed. */
  why: string;
  /** Its line in the --channels file or row in the Channel map; null for a proposed row. */
  row: number | null;
}

export interface SourcesRun {
  kind: "sources";
  files: string[];
  sources: RunSource[];
  /** Sheets read but not used, each with the reason. */
  notUsed: Array<{ file: string; sheet: string; reason: string }>;
  mapping: SourcedMapping;
  mappingSource: "detected" | "file" | "saved";
  mappingReasons: Array<{ field: string; reason: string }>;
  channelsSource: "file" | "workbook" | "proposed";
  /** Where the table was read from, when it was read. */
  channelsFrom: string | null;
  channelTable: ChannelTableLine[];
  warnings: MappingIssue[];
  report: SourcesReport;
  out: string | null;
  outNotKept: readonly string[];
  /** What to know about the --out file; several sources always go through the engine whole, so none today. */
  outNote: string | null;
}
