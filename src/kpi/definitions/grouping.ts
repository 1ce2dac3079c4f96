// Assigns rows to groups by key in order of first appearance: the engine behind KPI_BY.

export interface RowGroups {
  /** Group keys in order of first appearance. */
  keys: string[];
  /** Each row's group index, or -1 for a row that is blank in every range (open-ended ranges end in them). */
  groupOf: Int32Array;
}

/**
 * `keyOf(i)` is row i's key as text ("" when blank); `hasData(i)` says whether a blank-keyed row holds any
 * amount, which puts it in the `blankKeyLabel` group rather than skipping it. Keys are looked up by the
 * raw cell first, so the usual case (the same channel name again) costs one map lookup.
 */
export function assignGroups(
  rows: number,
  rawKeyAt: (i: number) => unknown,
  keyOf: (raw: unknown) => string,
  hasData: (i: number) => boolean,
  blankKeyLabel: string,
): RowGroups {
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  const byRaw = new Map<unknown, number>();
  const groupOf = new Int32Array(rows);
  const groupFor = (key: string): number => {
    let g = byKey.get(key);
    if (g === undefined) {
      g = keys.length;
      keys.push(key);
      byKey.set(key, g);
    }
    return g;
  };
  for (let i = 0; i < rows; i++) {
    const raw = rawKeyAt(i);
    const cached = byRaw.get(raw);
    if (cached !== undefined) {
      groupOf[i] = cached;
      continue;
    }
    const key = keyOf(raw);
    if (key === "") {
      groupOf[i] = hasData(i) ? groupFor(blankKeyLabel) : -1;
      continue;
    }
    const g = groupFor(key);
    // Dates are objects, new for every cell: caching them would only grow the map.
    if (typeof raw !== "object") byRaw.set(raw, g);
    groupOf[i] = g;
  }
  return { keys, groupOf };
}
