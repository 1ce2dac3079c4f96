// Where things sit on the KPI Summary sheet: its name and the fixed cells other blocks and users refer to.

export const SUMMARY_SHEET_NAME = "KPI Summary";
