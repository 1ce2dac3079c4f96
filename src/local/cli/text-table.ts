// Lays rows of text out as an aligned plain-text table: text columns to the left, numbers to the right.

export interface TextColumn {
  title: string;
  align: "left" | "right";
}

/** Widest cell per column, by a loop: spreading a million rows into Math.max overflows the call stack. */
function columnWidths(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): number[] {
  const widths = columns.map((col) => col.title.length);
  for (const row of rows) {
    for (let c = 0; c < widths.length; c++) {
      const length = (row[c] ?? "").length;
      if (length > widths[c]) widths[c] = length;
    }
  }
  return widths;
}

export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columnWidths(columns, rows);
  const line = (cells: readonly string[]): string =>
    columns
      .map((col, c) => (col.align === "left" ? (cells[c] ?? "").padEnd(widths[c]) : (cells[c] ?? "").padStart(widths[c])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join("\n");
}
