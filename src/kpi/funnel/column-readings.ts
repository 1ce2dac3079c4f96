// One column of a grid read at once: every cell as a number, a date serial or a label id, in flat arrays the single pass then sums.
import type { CellGrid } from "../cell-grid";
import type { CellValue } from "../cells";
import { numberCellAsDate, numberCellAsNumber, readDateSerial, readNumber } from "./cell-readers";

/** Readings of stored grids by column and reader; a grid's readings go when the grid does. */
const storedReadings = new WeakMap<CellGrid, Map<number, Map<(value: CellValue) => number | null, Float64Array>>>();

/** The readers never return an infinity (a number cell that is not finite reads as NaN), so it marks a blank cell. */
export const BLANK_CELL = Number.NEGATIVE_INFINITY;

/**
 * `read` of every cell of `column` (null → BLANK_CELL), row by row. A stored column's labels are read once
 * each, however many rows repeat them, and the result is kept for the next caller with the same reader
 * (callers only read it). A column of -1 reads as blank throughout.
 */
export function columnReadings(grid: CellGrid, column: number, read: (value: CellValue) => number | null): Float64Array {
  const rows = grid.rowCount;
  if (column < 0) return new Float64Array(rows).fill(BLANK_CELL);
  const stored = grid.stored(column);
  if (stored === null) {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = read(grid.cell(r, column)) ?? BLANK_CELL;
    return out;
  }
  // Validation, the period and the report read the same columns of one store: each reading is made once.
  let cache = storedReadings.get(grid);
  if (cache === undefined) {
    cache = new Map();
    storedReadings.set(grid, cache);
  }
  let byReader = cache.get(column);
  if (byReader === undefined) {
    byReader = new Map();
    cache.set(column, byReader);
  }
  const known = byReader.get(read);
  if (known !== undefined && known.length === rows) return known;
  const out = new Float64Array(rows);
  byReader.set(read, out);
  const { isNumber, numbers, ids, labels } = stored;
  const byLabel = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) byLabel[i] = read(labels[i]) ?? BLANK_CELL;
  const absent = read(undefined) ?? BLANK_CELL;
  // The two readers the report uses get their number branch called directly: a million calls through `read` cost more than the rest.
  const kind = read === readNumber ? 1 : read === readDateSerial ? 2 : 0;
  for (let r = 0; r < rows; r++) {
    if (isNumber[r] === 1) {
      const v = numbers[r];
      out[r] = kind === 1 ? numberCellAsNumber(v) : kind === 2 ? numberCellAsDate(v) : (read(v) ?? BLANK_CELL);
    } else {
      const id = ids[r];
      out[r] = id < 0 ? absent : byLabel[id];
    }
  }
  return out;
}

/** A column as ids into its distinct values, in order of first appearance; -1 for a cell past the row's end (undefined). */
export interface LabelColumn {
  ids: Int32Array;
  values: CellValue[];
}

export function labelColumn(grid: CellGrid, column: number): LabelColumn {
  const rows = grid.rowCount;
  const ids = new Int32Array(rows).fill(-1);
  const values: CellValue[] = [];
  if (column < 0) return { ids, values };
  const stored = grid.stored(column);
  const idOf = new Map<CellValue, number>();
  const intern = (value: CellValue): number => {
    let id = idOf.get(value);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      // A Date is an object: two equal dates are two keys anyway, so none is remembered.
      if (!(value instanceof Date)) idOf.set(value, id);
    }
    return id;
  };
  if (stored === null) {
    for (let r = 0; r < rows; r++) if (column < grid.rowWidth(r)) ids[r] = intern(grid.cell(r, column));
    return { ids, values };
  }
  const { isNumber, numbers, ids: storedIds, labels } = stored;
  const fromLabel = new Int32Array(labels.length).fill(-1);
  for (let r = 0; r < rows; r++) {
    if (isNumber[r] === 1) ids[r] = intern(numbers[r]);
    else {
      const id = storedIds[r];
      if (id < 0) continue;
      let mine = fromLabel[id];
      if (mine < 0) {
        mine = intern(labels[id]);
        fromLabel[id] = mine;
      }
      ids[r] = mine;
    }
  }
  return { ids, values };
}
