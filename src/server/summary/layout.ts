// The generated sheet's name, and the hidden sheets a generation works in; where things sit on it comes from the blocks (summary-layout.ts).

export const SUMMARY_SHEET_NAME = "KPI Summary";

/** The new summary is written here first and copied over the old one only once all of it is written. */
export const STAGING_SHEET_NAME = "KPI Summary (being generated)";

/** The old summary, kept until the new one is in place so a failure can put it back exactly. */
export const BACKUP_SHEET_NAME = "KPI Summary (previous)";
