// Collapses customers with the same (x, t_x, T) history so each likelihood term is computed once per group.

/** What the BG/NBD model sees of one customer, in weeks. */
export interface Recency {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

/**
 * Customers grouped by identical (x, t_x, T), as parallel typed arrays. A real log has many one-time
 * buyers who started on the same day, so groups are far fewer than customers. The distinct values of
 * x, t_x and T are listed separately (with each group's index into them) because the gamma and beta
 * terms depend on x alone and the logarithms on t_x or T alone: a log has few distinct days.
 */
export interface RecencyGroups {
  readonly size: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** How many customers share the group's history. */
  readonly count: Float64Array;
  /** Index of the group's x in `xLevels`; likewise for t_x and T. */
  readonly xLevel: Uint32Array;
  readonly xLevels: Float64Array;
  readonly txLevel: Uint32Array;
  readonly txLevels: Float64Array;
  readonly TLevel: Uint32Array;
  readonly TLevels: Float64Array;
}

export function groupRecency(customers: readonly Recency[]): RecencyGroups {
  const groupIndex = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const count: number[] = [];
  const xs = new Levels();
  const txs = new Levels();
  const Ts = new Levels();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = x.length;
      groupIndex.set(key, g);
      x.push(c.x);
      tx.push(c.tx);
      T.push(c.T);
      count.push(0);
      xs.add(c.x);
      txs.add(c.tx);
      Ts.add(c.T);
    }
    count[g]++;
  }
  return {
    size: x.length,
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    count: Float64Array.from(count),
    xLevel: Uint32Array.from(xs.indexOfEach),
    xLevels: Float64Array.from(xs.values),
    txLevel: Uint32Array.from(txs.indexOfEach),
    txLevels: Float64Array.from(txs.values),
    TLevel: Uint32Array.from(Ts.indexOfEach),
    TLevels: Float64Array.from(Ts.values),
  };
}

/** The distinct values of one field, and for each added group the index of its value. */
class Levels {
  readonly values: number[] = [];
  readonly indexOfEach: number[] = [];
  private readonly index = new Map<number, number>();

  add(value: number): void {
    let level = this.index.get(value);
    if (level === undefined) {
      level = this.values.length;
      this.index.set(value, level);
      this.values.push(value);
    }
    this.indexOfEach.push(level);
  }
}
