// Reads a whole range of date cells into serials quickly, for functions that take hundreds of thousands of rows.
import { type CellInput, type CellValue, isRange } from "./cells";
import { type ArgRef, cellToDateSerial } from "./coerce";
import { dateToSerial } from "./dates";

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** How far the local clock is ahead of UTC at an instant, in ms: the same local fields `dateToSerial` reads. */
function localOffsetMs(time: number): number {
  const d = new Date(time);
  const localAsUtc = Date.UTC(
    d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(),
  );
  return localAsUtc - time;
}

/** Days the offset table covers around the first date seen: ±89 years, past any sheet's date column. */
const WINDOW_DAYS = 65_536;
const UNKNOWN = 0;
const CONSTANT = 1;
const CHANGES = 2;

/**
 * Converts `Date`s to serials exactly as `dateToSerial` does, but reads the time zone once per UTC day
 * instead of once per cell: the local-calendar lookup is the costly part, and a column of a million dates
 * holds a few hundred distinct days. A day whose offset differs at its two ends (a daylight-saving
 * change) is marked and always takes the slow path.
 */
export function dateSerialCache(): (date: Date) => number {
  const state = new Uint8Array(WINDOW_DAYS);
  const offsets = new Float64Array(WINDOW_DAYS);
  let base = Number.NaN;
  return (date) => {
    const time = date.getTime();
    const day = Math.floor(time / MS_PER_DAY);
    if (Number.isNaN(base)) base = day - WINDOW_DAYS / 2;
    const slot = day - base;
    if (!(slot >= 0 && slot < WINDOW_DAYS)) return dateToSerial(date);
    if (state[slot] === UNKNOWN) {
      const first = localOffsetMs(day * MS_PER_DAY);
      const constant = first === localOffsetMs(day * MS_PER_DAY + MS_PER_DAY - 1);
      state[slot] = constant ? CONSTANT : CHANGES;
      offsets[slot] = first;
    }
    if (state[slot] === CHANGES) return dateToSerial(date);
    return (time + offsets[slot] - SERIAL_EPOCH_UTC) / MS_PER_DAY;
  };
}

/** Row r of a range; a malformed range holding a bare value where a row should be is read as a one-cell row. */
function rowOf(input: CellValue[][], r: number): CellValue[] {
  const raw: unknown = input[r];
  return Array.isArray(raw) ? (raw as CellValue[]) : [raw as CellValue];
}

/**
 * Every cell of a date argument as a serial in reading order (the order of `forEachCell`), NaN for a
 * blank. Date cells and serial numbers take a fast path; anything else goes through `cellToDateSerial`,
 * which reads ISO text or throws the error naming the cell.
 */
export function dateSerialsOf(ref: ArgRef, input: CellInput, toSerial = dateSerialCache()): Float64Array {
  if (!isRange(input)) {
    return Float64Array.of(cellToDateSerial(ref, input) ?? Number.NaN);
  }
  const rows = input.length;
  // Ranges from Sheets are rectangular, so the first row sizes the output; a ragged array grows it.
  let out = new Float64Array(rows > 0 ? rows * Math.max(rowOf(input, 0).length, 1) : 0);
  let columns = 0;
  let i = 0;
  for (let r = 0; r < rows; r++) {
    const row = rowOf(input, r);
    if (i + row.length > out.length) {
      const grown = new Float64Array(Math.max(out.length * 2, i + row.length));
      grown.set(out);
      out = grown;
    }
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value instanceof Date) {
        const serial = toSerial(value);
        if (!Number.isNaN(serial)) {
          out[i++] = serial;
          continue;
        }
      } else if (value === "" || value === null || value === undefined) {
        out[i++] = Number.NaN;
        continue;
      }
      // The widest row is only needed to name a cell, so it is measured once, on the first cell off the fast path.
      if (columns === 0) for (let k = 0; k < rows; k++) columns = Math.max(columns, rowOf(input, k).length, 1);
      out[i++] = cellToDateSerial(ref, value, { row: r + 1, column: c + 1, rows, columns }) ?? Number.NaN;
    }
  }
  return i === out.length ? out : out.subarray(0, i);
}
