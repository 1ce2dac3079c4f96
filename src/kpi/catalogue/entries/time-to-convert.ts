// Catalogue entry for how long conversion takes: median, mean or 90th percentile of days from start to end.
import { dateSerialCache, dateSerialsOf } from "../../date-serials";
import { TIME_STATISTICS, timeToConvert } from "../../definitions/time-to-convert";
import { singleChoice } from "../choice-arg";
import type { CatalogueEntry } from "../entry-types";

const FN = "TIME_TO_CONVERT";

const SOURCES = "Google Ads Help, \"About conversion windows\" (support.google.com/google-ads/answer/3123169) and its "
  + "time lag report: days from the interaction to the conversion; percentiles by R. J. Hyndman & Y. Fan, \"Sample "
  + "Quantiles in Statistical Packages\", The American Statistician 50(4), 1996, definition 7 (PERCENTILE.INC)";

export const TIME_TO_CONVERT: CatalogueEntry = {
  name: FN,
  category: "Conversion",
  summary: "Days from start (lead, trial, first visit) to conversion over the rows that converted: median, mean or 90th percentile.",
  formula: "statistic of (end_date − start_date) in days, over the rows where both are dates and the end is not before the start",
  source: SOURCES,
  args: [
    { name: "start_dates", kind: "range", description: "When each lead, trial or visitor started: dates, one per row." },
    { name: "end_dates", kind: "range", description: "When each converted, the same rows; blank for those that have not converted." },
    { name: "statistic", kind: "text", description: "\"median\", \"mean\" or \"p90\" (the 90th percentile).", optional: true, defaultValue: "median" },
  ],
  returns: { kind: "number", description: "Days (fractional when the cells hold times of day)." },
  examples: [
    {
      formula: "=TIME_TO_CONVERT({DATE(2025,1,1);DATE(2025,1,3);DATE(2025,1,5);DATE(2025,1,8)}, {DATE(2025,1,4);DATE(2025,1,13);\"\";DATE(2025,1,9)})",
      result: 3,
      explanation: "Three rows converted, after 3, 10 and 1 days; the third has no end yet. The median is 3.",
    },
    {
      formula: "=TIME_TO_CONVERT({DATE(2025,1,1);DATE(2025,1,3);DATE(2025,1,5);DATE(2025,1,8)}, {DATE(2025,1,4);DATE(2025,1,13);\"\";DATE(2025,1,9)}, \"mean\")",
      result: 14 / 3,
      explanation: "The same rows: (3 + 10 + 1) ÷ 3 days.",
    },
    {
      formula: "=TIME_TO_CONVERT({45658;45658;45658;45658;45658}, {45659;45660;45662;45668;45688}, \"p90\")",
      result: 22,
      explanation: "Serial numbers work too. Durations 1, 2, 4, 10, 30: rank 0.9 × (5 − 1) = 3.6 lies between 10 and 30, so 10 + 0.6 × 20 = 22.",
    },
  ],
  notes: [
    "A row with no end date has not converted and is skipped; so is a row with an end but no start, which cannot be timed.",
    "An end date before its start date is a data error: the row is left out rather than counted as a negative time.",
    "Percentiles and the median interpolate linearly between closest ranks, as PERCENTILE.INC and MEDIAN do in Sheets (Hyndman & Fan definition 7).",
    "The two ranges must have the same number of cells. Dates may be date cells, serial numbers or ISO text such as 2025-03-31.",
    "If no row converted, the function says so instead of showing 0.",
  ],
  run: ([starts, ends, statistic]) => {
    const chosen = singleChoice({ fn: FN, arg: "statistic" }, statistic, TIME_STATISTICS, "median");
    // One cache for both columns: start and end dates share most of their days.
    const toSerial = dateSerialCache();
    const startSerials = dateSerialsOf({ fn: FN, arg: "start_dates" }, starts, toSerial);
    const endSerials = dateSerialsOf({ fn: FN, arg: "end_dates" }, ends, toSerial);
    return timeToConvert(startSerials, endSerials, chosen).value;
  },
};
