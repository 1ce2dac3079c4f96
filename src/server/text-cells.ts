// Finds the mapped cells that hold numbers or dates as text and, only when the user confirms, writes them back as real numbers and dates.
import { serialToIsoDate } from "../kpi/dates";
import { columnName } from "../reading/column-name";
import type { DataSheet } from "./data-sheet";
import { mappedColumns } from "./mapping/mapped-columns";
import type { FunnelMapping } from "./mapping/mapping-types";

export interface TextCell {
  /** 1-based sheet row and 0-based column. */
  row: number;
  column: number;
  address: string;
  /** The text in the cell now. */
  text: string;
  /** What it becomes: a number, or a date serial shown as `shown`. */
  value: number;
  kind: "number" | "date";
  shown: string;
}

export interface TextCellPlan {
  cells: TextCell[];
  /** Per mapped column, how many of its cells would change. */
  columns: Array<{ label: string; header: string; letter: string; kind: "number" | "date"; count: number }>;
}

/** Every cell of a mapped count, amount or date column that the reader read from text; nothing else. */
export function planTextCells(mapping: FunnelMapping, data: DataSheet): TextCellPlan {
  const cells: TextCell[] = [];
  const columns: TextCellPlan["columns"] = [];
  const seen = new Set<number>();
  for (const column of mappedColumns(mapping, [])) {
    if (column.role === "text" || column.role === "status" || seen.has(column.ref.index)) continue;
    seen.add(column.ref.index);
    const c = column.ref.index;
    if (data.headers[c] === undefined || data.headers[c].toLowerCase() !== column.ref.header.trim().toLowerCase()) continue;
    const kind = data.reading.columns[c]?.kind;
    if (kind !== "number" && kind !== "date") continue;
    let count = 0;
    for (let i = 0; i < data.rows.length; i++) {
      const before = data.raw[i]?.[c];
      const after = data.rows[i][c];
      if (typeof before !== "string" || typeof after !== "number" || before.trim() === "") continue;
      const row = data.headerRow + 1 + i;
      cells.push({
        row,
        column: c,
        address: `${data.sheet.getName()}!${columnName(c)}${row}`,
        text: before,
        value: after,
        kind,
        shown: kind === "date" ? serialToIsoDate(after) : String(after),
      });
      count++;
    }
    if (count > 0) columns.push({ label: column.label, header: column.ref.header, letter: columnName(c), kind, count });
  }
  return { cells, columns };
}

/** Writes the plan: one setValues per run of neighbouring cells in a column, dates given a date format. Returns the cells written. */
export function writeTextCells(data: DataSheet, plan: TextCellPlan): number {
  const byColumn = new Map<number, TextCell[]>();
  for (const cell of plan.cells) {
    const list = byColumn.get(cell.column) ?? [];
    list.push(cell);
    byColumn.set(cell.column, list);
  }
  for (const [column, cells] of byColumn) {
    cells.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      if (i < cells.length && cells[i].row === cells[i - 1].row + 1) continue;
      const run = cells.slice(start, i);
      const range = data.sheet.getRange(run[0].row, column + 1, run.length, 1);
      // Only numbers are written, never text, so nothing from the sheet can become a formula.
      range.setValues(run.map((c) => [c.value]));
      if (run[0].kind === "date") range.setNumberFormat("yyyy-mm-dd");
      start = i;
    }
  }
  return plan.cells.length;
}
