// A funnel table: each stage's count, its conversion from the previous and from the first stage, and its drop-off.
import type { CellScalar } from "../cells";
import { fail } from "../kpi-error";
import { show } from "./guards";

export interface Stage {
  name: string;
  count: number;
}

export const FUNNEL_HEADER = ["Stage", "Count", "Conversion from previous", "Conversion from first", "Drop-off"];

/** Shown in a conversion cell whose base is 0, so one empty stage does not hide the rest of the table. */
export const FIRST_STAGE_ZERO = "undefined: first stage is 0";
export const PREVIOUS_STAGE_ZERO = "undefined: previous stage is 0";

/**
 * One row per stage under a header. A stage larger than the one before is kept, not rejected: funnels
 * stitched from several tools (ads, CRM, billing) often gain entrants mid-way, and the conversion above 1
 * with a negative drop-off shows exactly where.
 */
export function funnelTable(stages: readonly Stage[], fn = "FUNNEL"): CellScalar[][] {
  if (stages.length < 2) {
    fail(fn, `stage_counts has ${stages.length} ${stages.length === 1 ? "stage" : "stages"}; a funnel needs at least 2`);
  }
  for (const { name, count } of stages) {
    if (count < 0) fail(fn, `the count of ${name} is ${show(count)}, and a count cannot be negative`);
  }
  const first = stages[0].count;
  // A count like 1e-320 before a normal one would divide to Infinity, which no cell can show.
  const ratio = (part: number, whole: number, label: string): number => {
    const value = part / whole;
    if (!Number.isFinite(value)) fail(fn, `${label} is too large to show; check for a count that is nearly 0`);
    return value;
  };
  const rows: CellScalar[][] = [FUNNEL_HEADER.slice()];
  stages.forEach(({ name, count }, i) => {
    if (i === 0) {
      rows.push([name, count, "", first === 0 ? FIRST_STAGE_ZERO : 1, ""]);
      return;
    }
    const previous = stages[i - 1].count;
    rows.push([
      name,
      count,
      previous === 0 ? PREVIOUS_STAGE_ZERO : ratio(count, previous, `the conversion of ${name} from the previous stage`),
      first === 0 ? FIRST_STAGE_ZERO : ratio(count, first, `the conversion of ${name} from the first stage`),
      previous - count,
    ]);
  });
  return rows;
}
