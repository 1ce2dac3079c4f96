// A trend in one cell: Sheets' SPARKLINE line, falling back to a portable text trend (▁▃▅▇) that Excel and LibreOffice compute.

/** Eight heights of block characters: one per value, lowest to highest. Plain text inside MID, so no engine needs UNICHAR. */
export const TREND_BARS = "▁▂▃▄▅▆▇█";
const TREND_COLOUR = "#1a73e8";

/** A range's line as Sheets draws it. */
export function sparklineFormula(range: string): string {
  return `SPARKLINE(${range}, {"charttype","line";"linewidth",2;"color","${TREND_COLOUR}"})`;
}

/**
 * One block character per cell, scaled between the range's lowest and highest number; a cell without a number
 * (n/a) is a space, and a flat trend sits in the middle. Only MID, INT, MIN, MAX, IF and ISNUMBER: every engine
 * and Excel 2007 compute it alike.
 */
export function textTrendFormula(range: string, cells: readonly string[]): string {
  const low = `MIN(${range})`;
  const high = `MAX(${range})`;
  const middle = Math.floor((TREND_BARS.length - 1) / 2);
  const step = TREND_BARS.length - 1;
  return cells
    .map((c) => `IF(ISNUMBER(${c}), MID("${TREND_BARS}", 1+IF(${high}>${low}, INT(${step}*(${c}-${low})/(${high}-${low})+0.5), ${middle}), 1), " ")`)
    .join("&");
}

/** Sheets draws the line; elsewhere SPARKLINE is #NAME?, so IFERROR shows the text trend instead. */
export function trendFormula(range: string, cells: readonly string[]): string {
  return `IFERROR(${sparklineFormula(range)}, ${textTrendFormula(range, cells)})`;
}
