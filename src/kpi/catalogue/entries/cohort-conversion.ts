// Catalogue entry for cohort conversion: per week, month or quarter of entry, the share that converted within a window of days.
import type { CellScalar } from "../../cells";
import { singleDate, singleNumber } from "../../coerce";
import { dateSerialCache, dateSerialsOf } from "../../date-serials";
import { COHORT_PERIODS, cohortConversion } from "../../definitions/cohorts";
import { singleChoice } from "../choice-arg";
import type { CatalogueEntry } from "../entry-types";

const FN = "COHORT_CONVERSION";

const SOURCE = "Google Analytics 4 Help, \"Cohort exploration\" (support.google.com/analytics/answer/9670133): users grouped by "
  + "acquisition date and followed over the following days; conversion windows as in Google Ads Help, \"About conversion windows\" "
  + "(support.google.com/google-ads/answer/3123169)";

export const COHORT_HEADER_AFTER_WINDOW = ["Conversion rate", "Median days to convert", "Window"] as const;

export function cohortHeader(windowDays: number): string[] {
  return ["Cohort", "Entered", `Converted within ${windowDays} days`, ...COHORT_HEADER_AFTER_WINDOW];
}

export const COHORT_CONVERSION: CatalogueEntry = {
  name: FN,
  category: "Conversion",
  summary: "Cohort conversion: per week, month or quarter of entry, how many entered and what share converted within a window of days.",
  formula: "for each cohort (rows whose start date falls in the same week, month or quarter): converted within the window ÷ entered",
  source: SOURCE,
  args: [
    { name: "start_dates", kind: "range", description: "When each lead, trial or visitor entered the funnel: dates, one per row." },
    { name: "end_dates", kind: "range", description: "When each converted, the same rows; blank for those that have not converted." },
    { name: "window_days", kind: "number", description: "Days after the start within which a conversion counts.", optional: true, defaultValue: 90 },
    { name: "period", kind: "text", description: "\"week\" (ISO weeks, from Monday), \"month\" or \"quarter\": how rows are grouped by start date.", optional: true, defaultValue: "month" },
    { name: "as_of", kind: "date", description: "The day to judge whether a cohort's window has closed; omitted, the latest date in either range.", optional: true },
  ],
  returns: {
    kind: "table",
    description: "A header row, then one row per cohort in time order: cohort (its first day, as a date serial), entered, converted within the window, conversion rate, median days to convert among those converted, and whether the window is complete.",
  },
  examples: [
    {
      formula: "=COHORT_CONVERSION({DATE(2025,1,5);DATE(2025,1,20);DATE(2025,2,3);DATE(2025,2,10);DATE(2025,2,28)}, {DATE(2025,1,15);\"\";DATE(2025,5,30);DATE(2025,2,1);DATE(2025,3,10)}, 30)",
      result: [
        ["Cohort", "Entered", "Converted within 30 days", "Conversion rate", "Median days to convert", "Window"],
        [45658, 2, 1, 0.5, 10, "complete"],
        [45689, 3, 1, 1 / 3, 10, "complete"],
      ],
      explanation: "January: 2 entered, one converted after 10 days. February: 3 entered; one converted after 116 days (outside the 30-day window), one has an end before its start (a data error: entered, not converted), one converted after 10 days.",
    },
    {
      formula: "=COHORT_CONVERSION({DATE(2025,1,5);DATE(2025,1,20);DATE(2025,2,3)}, {DATE(2025,1,15);\"\";\"\"}, 30, \"month\", DATE(2025,3,5))",
      result: [
        ["Cohort", "Entered", "Converted within 30 days", "Conversion rate", "Median days to convert", "Window"],
        [45658, 2, 1, 0.5, 10, "complete"],
        [45689, 1, 0, 0, "", "incomplete"],
      ],
      explanation: "On 5 March every January entrant has had 30 days, but a February entrant may still convert, so that cohort's window is incomplete: its rate can still rise.",
    },
    {
      formula: "=COHORT_CONVERSION({DATE(2025,1,6);DATE(2025,1,12);DATE(2025,1,13)}, {DATE(2025,1,8);DATE(2025,1,14);\"\"}, 7, \"week\")",
      result: [
        ["Cohort", "Entered", "Converted within 7 days", "Conversion rate", "Median days to convert", "Window"],
        [45663, 2, 2, 1, 2, "incomplete"],
        [45670, 1, 0, 0, "", "incomplete"],
      ],
      explanation: "ISO weeks start on Monday: 6 and 12 January 2025 (a Monday and a Sunday) share a week, 13 January starts the next. The latest date is 14 January, so neither week's 7-day window has closed.",
    },
  ],
  notes: [
    "Format the first column as a date: it holds the first day of each cohort (a Monday for weeks) as a date serial.",
    "A blank end date has not converted. An end date before its start date is a data error: the row counts as entered, not converted.",
    "A conversion counts when the end is on or after the start and at most window_days later; later conversions count as not converted within the window.",
    "A cohort is marked incomplete while the window of its last entrants has not passed by as_of: its rate can still rise.",
    "Rows with an end date but no start date never entered and are skipped. The two ranges must have the same number of cells. Dates may be date cells, serial numbers or ISO text such as 2025-03-31.",
    "Unlike dividing a month's conversions by the same month's entrants, a cohort's rate can never exceed 100%.",
  ],
  run: ([starts, ends, windowDays, period, asOf]) => {
    const window = singleNumber({ fn: FN, arg: "window_days" }, windowDays, 90);
    const grouping = singleChoice({ fn: FN, arg: "period" }, period, COHORT_PERIODS, "month");
    const toSerial = dateSerialCache();
    const startSerials = dateSerialsOf({ fn: FN, arg: "start_dates" }, starts, toSerial);
    const endSerials = dateSerialsOf({ fn: FN, arg: "end_dates" }, ends, toSerial);
    const day = asOf === undefined || asOf === "" || asOf === null ? undefined : singleDate({ fn: FN, arg: "as_of" }, asOf);
    const result = cohortConversion(startSerials, endSerials, window, grouping, day, FN);
    const table: CellScalar[][] = [cohortHeader(window)];
    for (const row of result.rows) {
      table.push([row.start, row.entered, row.converted, row.rate, row.medianDays ?? "", row.complete ? "complete" : "incomplete"]);
    }
    return table;
  },
  spillBound: ([starts]) => ({ rows: 1 + (starts ? starts.rows * starts.columns : 1), columns: 6 }),
};
