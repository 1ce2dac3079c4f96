// A read table's data rows kept by column in flat arrays (a number or a label id per cell), so a million rows cost a few typed arrays, not an array each.
import type { CellGrid, StoredColumn } from "../kpi/cell-grid";
import type { CellValue } from "../kpi/cells";

/** Distinct labels shared per column; a column of unique ids past this many keeps each as it comes. */
const SHARED_LABELS = 10_000;

const NO_NUMBERS = new Uint8Array(0);

/** Arrays made at a column's first cell and grown as rows come, so a header of a hundred thousand blank columns costs nothing. */
class GrowingColumn {
  isNumber: Uint8Array = NO_NUMBERS;
  numbers = new Float64Array(0);
  /** -1: no cell (past the row's end, or a row left out). */
  ids = new Int32Array(0);
  readonly labels: string[] = [];
  private readonly idOf = new Map<string, number>();

  /** Room for `row`, at least `capacity` rows. */
  private reach(row: number, capacity: number): void {
    if (row < this.ids.length) return;
    const size = Math.max(capacity, this.ids.length * 2, row + 1);
    const isNumber = new Uint8Array(size);
    isNumber.set(this.isNumber);
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    const ids = new Int32Array(size).fill(-1);
    ids.set(this.ids);
    this.isNumber = isNumber;
    this.numbers = numbers;
    this.ids = ids;
  }

  setNumber(row: number, value: number, capacity: number): void {
    this.reach(row, capacity);
    this.isNumber[row] = 1;
    this.numbers[row] = value;
    this.ids[row] = -1;
  }

  setLabel(row: number, text: string, capacity: number): void {
    this.reach(row, capacity);
    this.isNumber[row] = 0;
    let id = this.idOf.get(text);
    if (id === undefined) {
      id = this.labels.length;
      this.labels.push(text);
      if (this.idOf.size < SHARED_LABELS) this.idOf.set(text, id);
    }
    this.ids[row] = id;
  }

  /** The first `rows` cells; a column never written to reads as no cell at all. */
  view(rows: number): StoredColumn {
    if (this.ids.length < rows) this.reach(rows - 1, rows);
    return { isNumber: this.isNumber.subarray(0, rows), numbers: this.numbers.subarray(0, rows), ids: this.ids.subarray(0, rows), labels: this.labels };
  }
}

/**
 * Rows as a CSV's reader produced them: each cell a number or text (blank is ""), a cell past the row's
 * end undefined, a row left out (a total, a repeated header) of width 0. Reads back exactly as the row
 * arrays the same reading would have made.
 */
export class ColumnStore implements CellGrid {
  rowCount = 0;
  private capacity: number;
  private widths: Int32Array;
  private readonly columns: GrowingColumn[];
  /** Cells past the header's width, for the few rows that have them. */
  private readonly extras = new Map<number, CellValue[]>();

  constructor(
    readonly width: number,
    expectedRows = 0,
  ) {
    this.capacity = Math.max(16, Math.min(Math.ceil(expectedRows), 1 << 26));
    this.widths = new Int32Array(this.capacity);
    this.columns = Array.from({ length: width }, () => new GrowingColumn());
  }

  /** A new row of `cells` cells (all unset until set); returns its index. */
  addRow(cells: number): number {
    if (this.rowCount === this.capacity) this.grow();
    const row = this.rowCount++;
    this.widths[row] = cells;
    return row;
  }

  set(row: number, column: number, value: CellValue): void {
    if (column >= this.width) {
      let extra = this.extras.get(row);
      if (extra === undefined) {
        extra = [];
        this.extras.set(row, extra);
      }
      extra[column - this.width] = value;
      return;
    }
    if (typeof value === "number") this.columns[column].setNumber(row, value, this.capacity);
    else if (typeof value === "string") this.columns[column].setLabel(row, value, this.capacity);
    else throw new Error(`ColumnStore: cell ${row}:${column} is neither a number nor text`);
  }

  /** Left-out rows at the end are the file's end, not part of the table. */
  dropTrailingLeftOut(): void {
    while (this.rowCount > 0 && this.widths[this.rowCount - 1] === 0) this.rowCount--;
  }

  rowWidth(row: number): number {
    return row < this.rowCount ? this.widths[row] : 0;
  }

  cell(row: number, column: number): CellValue {
    if (row < 0 || row >= this.rowCount || column < 0 || column >= this.widths[row]) return undefined;
    if (column >= this.width) return this.extras.get(row)?.[column - this.width];
    const c = this.columns[column];
    if (row >= c.ids.length) return undefined;
    if (c.isNumber[row] === 1) return c.numbers[row];
    const id = c.ids[row];
    return id < 0 ? undefined : c.labels[id];
  }

  stored(column: number): StoredColumn | null {
    if (column >= this.width) return null;
    // A row narrower than the header has no cell here: its id is -1, and so is a left-out row's.
    return this.columns[column].view(this.rowCount);
  }

  /** True when every row is left out: a header with nothing below it. */
  isEmpty(): boolean {
    for (let r = 0; r < this.rowCount; r++) if (this.widths[r] !== 0) return false;
    return true;
  }

  private grow(): void {
    this.capacity *= 2;
    const widths = new Int32Array(this.capacity);
    widths.set(this.widths);
    this.widths = widths;
  }
}
