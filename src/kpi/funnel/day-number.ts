// Month keys and labels for date serials, integer-only so a million rows allocate nothing.
import { serialToIsoDate } from "../dates";

/** Days between the spreadsheet epoch (1899-12-30) and 1970-01-01. */
const SERIAL_TO_UNIX_DAYS = 25_569;

/** Year * 12 + month (0-based) of a date serial: an integer key for per-month grouping. */
export function monthIndexOfSerial(serial: number): number {
  // Howard Hinnant's civil_from_days: pure integer arithmetic, no Date per row.
  const z = Math.floor(serial) - SERIAL_TO_UNIX_DAYS + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

/** "YYYY-MM" for a month index. */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** "YYYY-MM-DD": JSON-safe, unlike a Date, for the sidebar bridge. */
export function dayLabel(serial: number): string {
  return serialToIsoDate(serial);
}
