// --out: a copy of the workbook with the generated KPI Summary sheet (waits for the summary generator on main).
import type { SummarizeHooks } from "./summarize";

export const writeSummaryWorkbook: SummarizeHooks["writeOut"] = null;
