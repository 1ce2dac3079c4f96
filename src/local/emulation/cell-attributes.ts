// A sparse per-cell store for what HyperFormula does not hold: number formats, notes, colours, validations.
import type { Box } from "./a1";

// Rows times a factor above HyperFormula's column limit (18,278) keeps keys unique and numeric.
const ROW_FACTOR = 20_000;

export function cellKey(row: number, column: number): number {
  return row * ROW_FACTOR + column;
}

export function keyToCell(key: number): { row: number; column: number } {
  return { row: Math.floor(key / ROW_FACTOR), column: key % ROW_FACTOR };
}

/** Cells are 1-based (row, column) as in Apps Script. */
export class CellAttributes<T> {
  private readonly cells = new Map<number, T>();

  get(row: number, column: number): T | undefined {
    return this.cells.get(cellKey(row, column));
  }

  set(row: number, column: number, value: T | undefined): void {
    if (value === undefined) this.cells.delete(cellKey(row, column));
    else this.cells.set(cellKey(row, column), value);
  }

  /** Sets every cell of a box from a function of its position. */
  fill(box: Box, valueAt: (r: number, c: number) => T | undefined): void {
    for (let r = 0; r < box.numRows; r++) {
      for (let c = 0; c < box.numColumns; c++) this.set(box.row + r, box.column + c, valueAt(r, c));
    }
  }

  read<U>(box: Box, map: (value: T | undefined) => U): U[][] {
    const rows: U[][] = [];
    for (let r = 0; r < box.numRows; r++) {
      const row: U[] = [];
      for (let c = 0; c < box.numColumns; c++) row.push(map(this.get(box.row + r, box.column + c)));
      rows.push(row);
    }
    return rows;
  }

  clear(box?: Box): void {
    if (!box) {
      this.cells.clear();
      return;
    }
    // Walk whichever is smaller: the box, or the cells actually set.
    if (box.numRows * box.numColumns <= this.cells.size) {
      this.fill(box, () => undefined);
      return;
    }
    for (const key of [...this.cells.keys()]) {
      const { row, column } = keyToCell(key);
      if (row >= box.row && row < box.row + box.numRows && column >= box.column && column < box.column + box.numColumns) {
        this.cells.delete(key);
      }
    }
  }

  /** Every set cell, for saving and for tests. */
  *entries(): IterableIterator<[{ row: number; column: number }, T]> {
    for (const [key, value] of this.cells) yield [keyToCell(key), value];
  }

  /** Moves every cell at or below `fromRow` down by `count` rows (rows inserted above them). */
  shiftRows(fromRow: number, count: number): void {
    const moved: [number, T][] = [];
    for (const [key, value] of [...this.cells]) {
      const { row, column } = keyToCell(key);
      if (row >= fromRow) {
        this.cells.delete(key);
        moved.push([cellKey(row + count, column), value]);
      }
    }
    for (const [key, value] of moved) this.cells.set(key, value);
  }
}
