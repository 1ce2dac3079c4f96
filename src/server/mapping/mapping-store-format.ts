// The funnel mapping as versioned JSON for DocumentProperties, and back; reading never throws, it says what to do instead.
import { MAPPING_VERSION, type ColumnRef, type FunnelMapping, type FunnelShape, type FunnelStage, type StatusCondition } from "./mapping-types";

/** The first format that shipped; it reads as the same mapping with no status stages. */
const OLDEST_READABLE_VERSION = 1;

/**
 * DocumentProperties allow 9 kB per value. Whether Google means 9,000 or 9,216 bytes is not documented
 * precisely, so the smaller is the limit: a save that passes here cannot fail there.
 */
export const MAX_STORED_BYTES = 9000;

export type SerializeResult =
  | { ok: true; json: string; bytes: number }
  | { ok: false; bytes: number; message: string };

export type ParseFailure = "missing" | "unreadable" | "older-version" | "future-version" | "damaged";

export type ParseResult =
  | { ok: true; mapping: FunnelMapping }
  | { ok: false; needsSetup: true; reason: ParseFailure; message: string };

export function serializeMapping(mapping: FunnelMapping): SerializeResult {
  const json = JSON.stringify({ ...mapping, version: MAPPING_VERSION });
  const bytes = utf8Length(json);
  if (bytes > MAX_STORED_BYTES) {
    return {
      ok: false,
      bytes,
      message: `Funnel setup is too large to save: ${bytes.toLocaleString("en-US")} bytes, and a document can hold ${MAX_STORED_BYTES.toLocaleString("en-US")}. Use fewer stages or shorter stage names and column headers.`,
    };
  }
  return { ok: true, json, bytes };
}

/** Reads what serializeMapping wrote; anything else becomes a result that asks for setup again. */
export function parseMapping(json: string | null | undefined): ParseResult {
  if (json === null || json === undefined || json.trim() === "") {
    return needsSetup("missing", "This document has no funnel set up yet. Run Set up funnel.");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return needsSetup("unreadable", "The saved funnel setup is not readable (it is not valid JSON). Please run Set up funnel again.");
  }
  if (!isRecord(raw)) {
    return needsSetup("unreadable", "The saved funnel setup is not readable (it is not a setup object). Please run Set up funnel again.");
  }
  const version = raw.version;
  if (version === undefined || (typeof version === "number" && version < OLDEST_READABLE_VERSION)) {
    // No format before version 1 ever shipped, so there is nothing to migrate from: asking beats guessing.
    return needsSetup(
      "older-version",
      `The funnel setup was saved by an older version of Funnel KPIs (format ${version ?? 0}). Please run Set up funnel again.`,
    );
  }
  if (typeof version !== "number" || !Number.isInteger(version)) {
    return needsSetup("damaged", "The saved funnel setup is damaged: its version is not a whole number. Please run Set up funnel again.");
  }
  if (version > MAPPING_VERSION) {
    return needsSetup(
      "future-version",
      `The funnel setup was saved by a newer version of Funnel KPIs (format ${version}; this one reads format ${MAPPING_VERSION}). Update the add-on, or run Set up funnel again.`,
    );
  }
  const problem = describeProblem(raw);
  if (problem !== null) {
    return needsSetup("damaged", `The saved funnel setup is damaged: ${problem}. Please run Set up funnel again.`);
  }
  return { ok: true, mapping: toMapping(raw) };
}

function needsSetup(reason: ParseFailure, message: string): ParseResult {
  return { ok: false, needsSetup: true, reason, message };
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isColumnRef(value: unknown): value is ColumnRef {
  return isRecord(value) && typeof value.header === "string" && Number.isInteger(value.index) && (value.index as number) >= 0;
}

// The first thing that keeps the JSON from being a FunnelMapping, as a path a developer can find.
function describeProblem(raw: JsonRecord): string | null {
  const version = raw.version as number;
  if (typeof raw.sheetName !== "string") return "sheetName is not text";
  if (!Number.isInteger(raw.headerRow) || (raw.headerRow as number) < 1) return "headerRow is not a row number";
  if (raw.shape !== "aggregated" && raw.shape !== "record-level") return "shape is neither 'aggregated' nor 'record-level'";
  if (!Array.isArray(raw.stages)) return "stages is not a list";
  for (let i = 0; i < raw.stages.length; i++) {
    const stage: unknown = raw.stages[i];
    if (!isRecord(stage)) return `stages[${i}] is not a stage`;
    if (typeof stage.key !== "string") return `stages[${i}].key is not text`;
    if (typeof stage.name !== "string") return `stages[${i}].name is not text`;
    if (stage.column !== null && !isColumnRef(stage.column)) return `stages[${i}].column is not a column (header and index)`;
    if (stage.status !== undefined && stage.status !== null) {
      if (version < 2) return `stages[${i}].status is not part of format ${version}`;
      const status = stage.status;
      if (!isRecord(status) || !isColumnRef(status.column)) return `stages[${i}].status.column is not a column (header and index)`;
      if (!Array.isArray(status.values) || !status.values.every((v) => typeof v === "string")) return `stages[${i}].status.values is not a list of text`;
    }
  }
  for (const field of ["date", "channel", "spend", "revenue"] as const) {
    const value = raw[field];
    if (value !== null && value !== undefined && !isColumnRef(value)) return `${field} is not a column (header and index)`;
  }
  return null;
}

// Copies field by field, so unknown keys in the JSON never reach the rest of the add-on.
function toMapping(raw: JsonRecord): FunnelMapping {
  const column = (value: unknown): ColumnRef | null =>
    isColumnRef(value) ? { header: value.header, index: value.index } : null;
  const status = (value: unknown): StatusCondition | null => {
    if (!isRecord(value) || !isColumnRef(value.column) || !Array.isArray(value.values)) return null;
    return { column: { header: value.column.header, index: value.column.index }, values: value.values.map(String) };
  };
  const stages: FunnelStage[] = (raw.stages as unknown[]).filter(isRecord).map((s) => {
    const stage: FunnelStage = { key: String(s.key), name: String(s.name), column: column(s.column) };
    const condition = status(s.status);
    if (condition !== null) stage.status = condition;
    return stage;
  });
  return {
    version: MAPPING_VERSION,
    sheetName: String(raw.sheetName),
    headerRow: Number(raw.headerRow),
    shape: raw.shape as FunnelShape,
    stages,
    date: column(raw.date),
    channel: column(raw.channel),
    spend: column(raw.spend),
    revenue: column(raw.revenue),
  };
}

/** UTF-8 length without TextEncoder or Buffer, neither of which Apps Script has. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
