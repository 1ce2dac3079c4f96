// Reads a cohort's "still active at the start of each period" cells (a row or a column) into counts, naming any bad cell.
import type { CellInput, CellValue } from "../cells";
import { isBlank, isRange } from "../cells";
import { cellToNumber, describeCell, forEachCell } from "../coerce";
import { fail } from "../kpi-error";

const ARG = "active_by_period";

type Position = Parameters<Parameters<typeof forEachCell>[1]>[1];

/**
 * One count per period, period 0 first. Blank cells after the last count are skipped, so an open range
 * like B2:B works; a blank before a count is refused, because 0 (everyone gone) and unknown differ. A
 * count above the one before is refused too: a cohort only shrinks, and new customers start a cohort
 * of their own.
 */
export function readActiveByPeriod(fn: string, input: CellInput): number[] {
  if (isRange(input) && input.length > 1 && input.some((row) => Array.isArray(row) && row.length > 1)) {
    const columns = Math.max(...input.map((row) => (Array.isArray(row) ? row.length : 1)));
    fail(fn, `${ARG} must be one row or one column of counts, not a block of ${input.length} rows × ${columns} columns`);
  }
  const cells: { value: CellValue; position: Position }[] = [];
  forEachCell(input, (value, position) => cells.push({ value, position }));
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1].value)) end--;
  const counts: number[] = [];
  for (let i = 0; i < end; i++) {
    const { value, position } = cells[i];
    const where = describeCell(ARG, position);
    const n = cellToNumber({ fn, arg: ARG }, value, position);
    if (n === null) {
      fail(fn, `${where} is blank, but a later period has a count; enter 0 if no one was left`);
    }
    if (n < 0) fail(fn, `${where} is ${n}; a count of customers cannot be negative`);
    if (i > 0 && n > counts[i - 1]) {
      fail(
        fn,
        `${where} is ${n}, more than the ${counts[i - 1]} of the period before; a cohort can only shrink (customers who joined later belong to a later cohort)`,
      );
    }
    counts.push(n);
  }
  if (counts.length === 0) fail(fn, `${ARG} is blank; it needs the cohort's size at period 0 and the count still active at each later period`);
  return counts;
}
