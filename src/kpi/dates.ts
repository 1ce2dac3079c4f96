// Spreadsheet date serials: the day count Sheets shows for a date, and conversions to and from `Date`.

/** Sheets and Excel (1900 system, as Sheets uses it) count days from 1899-12-30. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * The serial of a `Date` as the spreadsheet sees it. Apps Script hands date cells over as `Date`s at
 * local midnight of the script's time zone, so the local calendar fields are the ones the user typed.
 */
export function dateToSerial(date: Date): number {
  const localAsUtc = Date.UTC(
    date.getFullYear(), date.getMonth(), date.getDate(),
    date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds(),
  );
  return (localAsUtc - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** A serial as a calendar date string `YYYY-MM-DD` (the fractional part, a time of day, is dropped). */
export function serialToIsoDate(serial: number): string {
  return new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The serial of a calendar date. */
export function isoDateToSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** Calendar fields of a serial, in UTC terms so no time zone can shift the day. */
export function serialToParts(serial: number): { year: number; month: number; day: number } {
  const d = new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Serials Sheets can show as dates: 0001-01-01 up to 9999-12-31. */
export const MIN_DATE_SERIAL = -693_593;
export const MAX_DATE_SERIAL = 2_958_465;
