// Totals of several per-row amounts grouped by a key, in order of first appearance: the engine behind KPI_BY.

/** One group's running totals, one per amount column. */
export interface GroupTotals {
  key: string;
  totals: Float64Array;
}

export interface Grouping {
  groups: GroupTotals[];
  grandTotals: Float64Array;
}

/**
 * Groups rows by key and totals each amount column. `amountAt(column, row)` returns the row's number, or
 * null for a blank; rows whose key and amounts are all blank are skipped (open-ended ranges end in them).
 */
export function groupTotals(
  keys: readonly string[],
  columns: number,
  amountAt: (column: number, row: number) => number | null,
  blankKeyLabel: string,
): Grouping {
  const index = new Map<string, number>();
  const groups: GroupTotals[] = [];
  const grandTotals = new Float64Array(columns);
  const rowValues = new Float64Array(columns);
  for (let row = 0; row < keys.length; row++) {
    let anyValue = false;
    for (let c = 0; c < columns; c++) {
      const v = amountAt(c, row);
      rowValues[c] = v ?? 0;
      if (v !== null) anyValue = true;
    }
    const rawKey = keys[row];
    if (rawKey === "" && !anyValue) continue;
    const key = rawKey === "" ? blankKeyLabel : rawKey;
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push({ key, totals: new Float64Array(columns) });
    }
    const totals = groups[g].totals;
    for (let c = 0; c < columns; c++) {
      totals[c] += rowValues[c];
      grandTotals[c] += rowValues[c];
    }
  }
  return { groups, grandTotals };
}
