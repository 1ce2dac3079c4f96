// Everything one summarize run found, as the text and JSON printers both read it.
import type { FunnelReport } from "../../kpi/funnel-report";
import type { MappingIssue } from "../../server/mapping/validate-mapping";
import type { ReadingReport } from "../../reading/reading-report";
import type { MappingChoice } from "./choose-mapping";

export interface SummaryRun {
  file: string;
  sheetName: string;
  headerRow: number;
  /** What reading the file skipped and assumed. */
  reading: ReadingReport | null;
  choice: MappingChoice;
  warnings: MappingIssue[];
  report: FunnelReport;
  /** Where --out wrote the workbook, or null. */
  out: string | null;
  /** What of the input workbook the --out copy does not hold (exceljs cannot write charts or pivot tables). */
  outNotKept: readonly string[];
  /** What to know about the --out file (a data sheet too large to include), or null. */
  outNote: string | null;
}
