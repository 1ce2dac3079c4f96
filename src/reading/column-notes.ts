// A column report's assumptions, mixed formats and unreadable cells as sentences, for the CLI's report and the wizard's Data step.
import { columnName } from "./column-name";
import type { ColumnReport } from "./reading-report";

function quoted(cells: ColumnReport["unreadable"]["cells"]): string {
  return cells.map((c) => `${c.address} '${c.text.length > 30 ? `${c.text.slice(0, 29)}…` : c.text}'`).join(", ");
}

/** What a column's reading needs the user to know; empty when nothing was assumed or left unread. */
export function columnNotes(c: ColumnReport): string[] {
  const name = `${columnName(c.index)} '${c.header}'`;
  const lines: string[] = [];
  for (const a of c.assumptions) lines.push(`${name}: ${a}`);
  if (c.mixed !== null) lines.push(`${name}: mixed formats: ${c.mixed}`);
  if (c.unreadable.count > 0) {
    const what = c.kind === "date" ? "dates" : "numbers";
    const one = c.unreadable.count === 1;
    const more = c.unreadable.count - c.unreadable.cells.length;
    lines.push(
      `${name}: ${c.unreadable.count} ${one ? "cell is" : "cells are"} not ${what} and ${one ? "was" : "were"} left out: ${quoted(c.unreadable.cells)}${more > 0 ? ` and ${more} more` : ""}`,
    );
  }
  return lines;
}
