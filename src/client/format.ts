// How numbers, rates and timestamps read in the sidebar.
export { columnLetter } from "../server/mapping/a1";

export function formatCount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Money with two decimals and separators, in no currency: the sources' own. */
export function formatMoney(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatRate(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
}

/** "12 Jan 2025, 10:03" in the user's own time zone; the ISO text when it is not a timestamp. */
export function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function cellText(value: string | number | boolean): string {
  if (typeof value === "number") return formatCount(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}
