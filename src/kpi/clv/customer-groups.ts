// Collapses customers with the same (x, t_x, T) history so each likelihood term is computed once per group.

/** What the BG/NBD model sees of one customer, in weeks. */
export interface Recency {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

/**
 * Customers grouped by identical (x, t_x, T), as parallel typed arrays. A real log has many one-time
 * buyers who started on the same day, so groups are far fewer than customers. The distinct x values
 * are listed separately because the gamma and beta function terms depend on x alone.
 */
export interface RecencyGroups {
  readonly size: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** How many customers share the group's history. */
  readonly count: Float64Array;
  /** Index of the group's x in `xLevels`. */
  readonly xLevel: Uint32Array;
  readonly xLevels: Float64Array;
  /** For each input customer, its group. */
  readonly groupOf: Uint32Array;
}

export function groupRecency(customers: readonly Recency[]): RecencyGroups {
  const groupIndex = new Map<string, number>();
  const levelIndex = new Map<number, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const count: number[] = [];
  const xLevel: number[] = [];
  const xLevels: number[] = [];
  const groupOf = new Uint32Array(customers.length);
  customers.forEach((c, i) => {
    const key = `${c.x}|${c.tx}|${c.T}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = x.length;
      groupIndex.set(key, g);
      x.push(c.x);
      tx.push(c.tx);
      T.push(c.T);
      count.push(0);
      let level = levelIndex.get(c.x);
      if (level === undefined) {
        level = xLevels.length;
        levelIndex.set(c.x, level);
        xLevels.push(c.x);
      }
      xLevel.push(level);
    }
    count[g]++;
    groupOf[i] = g;
  });
  return {
    size: x.length,
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    count: Float64Array.from(count),
    xLevel: Uint32Array.from(xLevel),
    xLevels: Float64Array.from(xLevels),
    groupOf,
  };
}
