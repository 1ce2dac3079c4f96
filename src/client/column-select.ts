// A select of the sheet's columns with "(none)", which keeps showing a mapped column that has since left the sheet.
import type { ColumnRef } from "../server/mapping/mapping-types";
import { clear, option } from "./dom";
import { columnAt } from "./mapping-draft";
import { columnLetter } from "./format";

const NONE = "";
const MISSING = "missing";

export function fillColumnSelect(select: HTMLSelectElement, headers: readonly string[], current: ColumnRef | null, noneLabel = "(none)"): void {
  clear(select);
  select.appendChild(option(NONE, noneLabel, current === null));
  const fits = current !== null && (headers[current.index] ?? "").trim().toLowerCase() === current.header.trim().toLowerCase();
  if (current !== null && !fits) {
    select.appendChild(option(MISSING, `${columnLetter(current.index)} · ${current.header} (not in the sheet now)`, true));
  }
  headers.forEach((header, index) => {
    select.appendChild(option(String(index), `${columnLetter(index)} · ${header === "" ? "(blank header)" : header}`, fits && current?.index === index));
  });
}

/** What the select now says; `previous` when the user left the stale choice selected. */
export function selectedColumn(select: HTMLSelectElement, headers: readonly string[], previous: ColumnRef | null): ColumnRef | null {
  if (select.value === NONE) return null;
  if (select.value === MISSING) return previous;
  return columnAt(headers, Number(select.value));
}
