// Where each row and column of the grid sits in pixels: the widths and heights the add-on set, rows grown to fit wrapped text, the rest Sheets' defaults.

export const DEFAULT_ROW_HEIGHT = 21;

export class GridGeometry {
  private readonly lefts: number[];
  /** Rows whose height is not the default, in order, with the sum of the differences before each. */
  private special: { row: number; height: number; before: number }[] = [];
  private heights = new Map<number, number>();

  constructor(
    private readonly widths: readonly number[],
    readonly rows: number,
    private readonly explicit: ReadonlyMap<number, number>,
  ) {
    this.lefts = [0];
    for (const w of widths) this.lefts.push(this.lefts[this.lefts.length - 1] + w);
    this.fitted(new Map());
  }

  get columns(): number {
    return this.widths.length;
  }

  /** Heights needed by wrapped text, for rows the add-on gave no height (Sheets grows those rows to fit). */
  fitted(auto: ReadonlyMap<number, number>): boolean {
    const next = new Map<number, number>();
    for (const [row, h] of auto) if (!this.explicit.has(row) && h > DEFAULT_ROW_HEIGHT) next.set(row, h);
    for (const [row, h] of this.explicit) if (h !== DEFAULT_ROW_HEIGHT) next.set(row, h);
    const changed = next.size !== this.heights.size || [...next].some(([r, h]) => this.heights.get(r) !== h);
    this.heights = next;
    let before = 0;
    this.special = [...next].sort((a, b) => a[0] - b[0]).map(([row, height]) => {
      const entry = { row, height, before };
      before += height - DEFAULT_ROW_HEIGHT;
      return entry;
    });
    return changed;
  }

  columnLeft(column: number): number {
    return this.lefts[Math.max(0, Math.min(column - 1, this.widths.length))];
  }

  columnWidth(column: number): number {
    return this.widths[column - 1] ?? 0;
  }

  get width(): number {
    return this.lefts[this.lefts.length - 1];
  }

  rowHeight(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** The top of `row` (1-based) from the top of row 1. */
  rowTop(row: number): number {
    // The extra height of every special row above this one.
    let low = 0;
    let high = this.special.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.special[mid].row < row) low = mid + 1;
      else high = mid;
    }
    const extra = low === 0 ? 0 : this.special[low - 1].before + this.special[low - 1].height - DEFAULT_ROW_HEIGHT;
    return (row - 1) * DEFAULT_ROW_HEIGHT + extra;
  }

  get height(): number {
    return this.rowTop(this.rows + 1);
  }

  /** The row at `y` pixels from the top of row 1. */
  rowAt(y: number): number {
    let low = 1;
    let high = this.rows;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.rowTop(mid) <= y) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  columnAt(x: number): number {
    let low = 1;
    let high = Math.max(1, this.widths.length);
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lefts[mid - 1] <= x) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
