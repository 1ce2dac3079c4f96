// The columns a mapping uses, each with what it is for, as validation walks them.
import { columnLetter } from "./a1";
import { plainIssue, type MappingIssue } from "./mapping-issues";
import type { ColumnRef, FunnelMapping, MappingField } from "./mapping-types";

/** One mapped column with what it is for, in words for messages and as a field id for the sidebar. */
export interface MappedColumn {
  field: string;
  label: string;
  ref: ColumnRef;
  role: "count" | "amount" | "date" | "stage-date" | "text" | "status";
}

const FIELD_LABELS: Record<MappingField, string> = {
  date: "Date",
  channel: "Channel",
  spend: "Spend",
  revenue: "Revenue",
};

/** Every column the mapping names; a required column left unset is reported instead. */
export function mappedColumns(mapping: FunnelMapping, errors: MappingIssue[]): MappedColumn[] {
  const aggregated = mapping.shape === "aggregated";
  const columns: MappedColumn[] = [];
  mapping.stages.forEach((stage) => {
    const field = `stage:${stage.key}`;
    const label = `Stage '${stage.name}'`;
    if (stage.status) {
      columns.push({ field, label: `${label} status`, ref: stage.status.column, role: "status" });
      if (stage.column === null) return;
    }
    if (stage.column === null) {
      const what = aggregated ? "count column" : "date column (when a record reached it)";
      errors.push(plainIssue(field, "column-unset", `${label}: no column is chosen; pick its ${what}`));
      return;
    }
    columns.push({ field, label, ref: stage.column, role: aggregated ? "count" : "stage-date" });
  });
  if (mapping.date === null) {
    if (aggregated) {
      errors.push(
        plainIssue("date", "column-unset", "Date: aggregated data needs a period date column so rows can be placed in months and periods"),
      );
    }
  } else {
    columns.push({ field: "date", label: FIELD_LABELS.date, ref: mapping.date, role: "date" });
  }
  if (mapping.channel !== null) columns.push({ field: "channel", label: FIELD_LABELS.channel, ref: mapping.channel, role: "text" });
  if (mapping.spend !== null) columns.push({ field: "spend", label: FIELD_LABELS.spend, ref: mapping.spend, role: "amount" });
  if (mapping.revenue !== null) columns.push({ field: "revenue", label: FIELD_LABELS.revenue, ref: mapping.revenue, role: "amount" });
  return columns;
}

export function describeRef(ref: ColumnRef): string {
  return `column ${columnLetter(ref.index)} '${ref.header}'`;
}

