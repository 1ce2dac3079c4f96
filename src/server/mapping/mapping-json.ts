// Shape checks shared by the readers of stored mapping JSON: what a record and a column reference look like.
import type { ColumnRef, StatusCondition } from "./mapping-types";

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isColumnRef(value: unknown): value is ColumnRef {
  return isRecord(value) && typeof value.header === "string" && Number.isInteger(value.index) && (value.index as number) >= 0;
}

/** Field by field, so unknown keys in the JSON never reach the rest of the add-on. */
export function columnOf(value: unknown): ColumnRef | null {
  return isColumnRef(value) ? { header: value.header, index: value.index } : null;
}

export function statusProblem(value: unknown, path: string): string | null {
  if (!isRecord(value) || !isColumnRef(value.column)) return `${path}.column is not a column (header and index)`;
  if (!Array.isArray(value.values) || !value.values.every((v) => typeof v === "string")) return `${path}.values is not a list of text`;
  return null;
}

export function statusOf(value: unknown): StatusCondition | null {
  if (!isRecord(value) || !isColumnRef(value.column) || !Array.isArray(value.values)) return null;
  return { column: { header: value.column.header, index: value.column.index }, values: value.values.map(String) };
}
