// Calendar arithmetic on whole "civil day" numbers, so Date cells and serial numbers compare alike and no Date is allocated per row.
import type { CellValue } from "../cells";

const MS_PER_DAY = 86_400_000;
/** Days between the spreadsheet epoch (1899-12-30) and 1970-01-01. */
const SERIAL_TO_UNIX_DAYS = 25_569;

/**
 * Days since 1970-01-01, with the time of day as a fraction, or NaN when the cell is not a date.
 * A Date is read by its wall-clock fields (what the sheet shows in the script's time zone),
 * a number as a spreadsheet serial, a string only in the unambiguous ISO form YYYY-MM-DD.
 */
export function toDayNumber(value: CellValue): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return Number.NaN;
    return (
      Date.UTC(
        value.getFullYear(),
        value.getMonth(),
        value.getDate(),
        value.getHours(),
        value.getMinutes(),
        value.getSeconds(),
        value.getMilliseconds(),
      ) / MS_PER_DAY
    );
  }
  if (typeof value === "number") return Number.isFinite(value) ? value - SERIAL_TO_UNIX_DAYS : Number.NaN;
  if (typeof value === "string") return isoTextToDayNumber(value);
  return Number.NaN;
}

function isoTextToDayNumber(text: string): number {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (match === null) return Number.NaN;
  const y = Number(match[1]);
  const m = Number(match[2]) - 1;
  const d = Number(match[3]);
  const ms = Date.UTC(y, m, d);
  const back = new Date(ms);
  // Rejects 2024-02-31 rather than silently rolling it into March.
  if (back.getUTCMonth() !== m || back.getUTCDate() !== d) return Number.NaN;
  return ms / MS_PER_DAY;
}

/** Year * 12 + month (0-based) of a day number: an integer key for per-month grouping. */
export function monthIndexOfDay(day: number): number {
  // Howard Hinnant's civil_from_days, integer-only so a million rows allocate nothing.
  const z = Math.floor(day) + 719_468;
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

/** "YYYY-MM-DD" for a day number: JSON-safe, unlike a Date, for the sidebar bridge. */
export function dayLabel(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}
