// Rows written as an export writes them (dates as days, text quoted when it must be), for the workbooks LibreOffice recalculates.
export function csvText(rows: readonly (readonly unknown[])[]): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const field = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    if (v instanceof Date) return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
