// A table's data rows either as row arrays or as a column store, read through one small interface so a million rows need no array each.
import type { CellValue } from "./cells";

/**
 * One column held as a store does: each cell is a number (`numbers`) or a label (`labels[ids[row]]`),
 * as `isNumber` says. Readers that work per distinct label (a channel, a status) use it to read each label once.
 */
export interface StoredColumn {
  isNumber: Uint8Array;
  numbers: Float64Array;
  ids: Int32Array;
  labels: readonly string[];
}

export interface CellGrid {
  readonly rowCount: number;
  /** Cells in the row; 0 for a row left out (a total, a repeated header, a blank line). */
  rowWidth(row: number): number;
  /** The cell as a row array would hold it: undefined past the row's width. */
  cell(row: number, column: number): CellValue;
  /** The column's store, when the grid keeps columns; null for row arrays. */
  stored(column: number): StoredColumn | null;
}

/** What the report, validation and detection take: row arrays (a sheet's values) or a grid. */
export type TableRows = readonly (readonly CellValue[])[] | CellGrid;

class RowArrays implements CellGrid {
  readonly rowCount: number;
  constructor(private readonly rows: readonly (readonly CellValue[])[]) {
    this.rowCount = rows.length;
  }
  rowWidth(row: number): number {
    return this.rows[row]?.length ?? 0;
  }
  cell(row: number, column: number): CellValue {
    return this.rows[row]?.[column];
  }
  stored(): StoredColumn | null {
    return null;
  }
}

export function asGrid(rows: TableRows): CellGrid {
  return Array.isArray(rows) ? new RowArrays(rows as readonly (readonly CellValue[])[]) : (rows as CellGrid);
}

/** The rows as arrays: the arrays themselves, or each row of a grid built once (slow on a million rows; for small callers). */
export function rowArrays(rows: TableRows): readonly (readonly CellValue[])[] {
  if (Array.isArray(rows)) return rows as readonly (readonly CellValue[])[];
  const grid = rows as CellGrid;
  const out: CellValue[][] = new Array(grid.rowCount);
  for (let r = 0; r < grid.rowCount; r++) {
    const width = grid.rowWidth(r);
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) row[c] = grid.cell(r, c);
    out[r] = row;
  }
  return out;
}

/** Some rows of a grid, in the order given, as a grid of their own (a period's rows, a channel's). */
export function rowSubset(rows: TableRows, picked: Int32Array): CellGrid {
  const grid = asGrid(rows);
  const gathered = new Map<number, StoredColumn | null>();
  return {
    rowCount: picked.length,
    rowWidth: (row) => grid.rowWidth(picked[row]),
    cell: (row, column) => grid.cell(picked[row], column),
    stored(column) {
      if (gathered.has(column)) return gathered.get(column) ?? null;
      const whole = grid.stored(column);
      let mine: StoredColumn | null = null;
      if (whole !== null) {
        const n = picked.length;
        const isNumber = new Uint8Array(n);
        const numbers = new Float64Array(n);
        const ids = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const r = picked[i];
          isNumber[i] = whole.isNumber[r];
          numbers[i] = whole.numbers[r];
          ids[i] = whole.ids[r];
        }
        mine = { isNumber, numbers, ids, labels: whole.labels };
      }
      gathered.set(column, mine);
      return mine;
    },
  };
}
