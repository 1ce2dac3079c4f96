// The period selector: a preset dropdown and custom dates, turned into start/end cells every table reads.
import type { Block } from "./block";
import { FORMAT } from "./block";
import { PERIOD } from "./layout";

export const PERIOD_PRESETS = ["This month", "Last month", "This quarter", "Last 90 days", "Year to date", "All time", "Custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface PeriodInputs {
  preset: PeriodPreset;
  customStart: Date | null;
  customEnd: Date | null;
}

const QUARTER_START = "DATE(YEAR(TODAY()), INT((MONTH(TODAY())-1)/3)*3+1, 1)";

/** `dateRanges` are where dates live, for the bounds of "All time". */
export function periodBlock(inputs: PeriodInputs, dateRanges: readonly string[]): Block {
  const preset = "$B$4";
  const customStart = "$E$4";
  const customEnd = "$E$5";
  const all = dateRanges.join(", ");
  const start = `=IFS(${preset}="This month", EOMONTH(TODAY(), -1)+1, ${preset}="Last month", EOMONTH(TODAY(), -2)+1, `
    + `${preset}="This quarter", ${QUARTER_START}, ${preset}="Last 90 days", TODAY()-89, `
    + `${preset}="Year to date", DATE(YEAR(TODAY()), 1, 1), ${preset}="All time", MIN(${all}), TRUE, ${customStart})`;
  const end = `=IFS(${preset}="Last month", EOMONTH(TODAY(), -1), ${preset}="All time", MAX(${all}), `
    + `${preset}="Custom", ${customEnd}, TRUE, TODAY())`;
  return {
    row: PERIOD.firstRow,
    column: 1,
    cells: [
      ["Period", inputs.preset, "", "Custom start", inputs.customStart ?? ""],
      ["Start", start, "", "Custom end", inputs.customEnd ?? ""],
      ["End", end, "", "", ""],
      ["Previous start", `=${PERIOD.start}-(${PERIOD.end}-${PERIOD.start}+1)`, "", "", ""],
      ["Previous end", `=${PERIOD.start}-1`, "", "", ""],
      ["Pick a preset in B4, or Custom with dates in E4:E5: every table below recomputes.", "", "", "", ""],
    ],
    formats: [
      ["", "", "", "", FORMAT.date],
      ["", FORMAT.date, "", "", FORMAT.date],
      ["", FORMAT.date, "", "", ""],
      ["", FORMAT.date, "", "", ""],
      ["", FORMAT.date, "", "", ""],
      ["", "", "", "", ""],
    ],
    headerRows: [],
    titleRows: [],
  };
}
