// Lays rows of text out as an aligned plain-text table: text columns to the left, numbers to the right.

export interface TextColumn {
  title: string;
  align: "left" | "right";
}

export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((col, c) => Math.max(col.title.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    columns
      .map((col, c) => (col.align === "left" ? (cells[c] ?? "").padEnd(widths[c]) : (cells[c] ?? "").padStart(widths[c])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join("\n");
}
