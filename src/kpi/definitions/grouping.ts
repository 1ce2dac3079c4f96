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

/** A per-row amount column: its numbers, and which rows hold one (a blank is not a 0 for skipping rows). */
export interface AmountColumn {
  values: Float64Array;
  present: Uint8Array;
}

/**
 * Groups rows by key and totals each amount column. Rows whose key and amounts are all blank are
 * skipped (open-ended ranges end in them); rows with data but no key form the `blankKeyLabel` group.
 */
export function groupTotals(keys: readonly string[], columns: readonly AmountColumn[], blankKeyLabel: string): Grouping {
  const width = columns.length;
  const index = new Map<string, number>();
  const groups: GroupTotals[] = [];
  const grandTotals = new Float64Array(width);
  for (let row = 0; row < keys.length; row++) {
    let key = keys[row];
    if (key === "") {
      let anyValue = false;
      for (let c = 0; c < width; c++) if (columns[c].present[row]) anyValue = true;
      if (!anyValue) continue;
      key = blankKeyLabel;
    }
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push({ key, totals: new Float64Array(width) });
    }
    const totals = groups[g].totals;
    for (let c = 0; c < width; c++) {
      const v = columns[c].values[row];
      totals[c] += v;
      grandTotals[c] += v;
    }
  }
  return { groups, grandTotals };
}
