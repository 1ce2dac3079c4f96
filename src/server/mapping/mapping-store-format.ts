// The funnel mapping as versioned JSON for DocumentProperties, and back; reading never throws, it says what to do instead.
import { MAPPING_VERSION, type FunnelMapping, type FunnelShape, type FunnelStage } from "./mapping-types";
import { columnOf, isColumnRef, isRecord, statusOf, statusProblem, type JsonRecord } from "./mapping-json";
import { sheetFromSourced, sourcedFromSheet } from "./sheet-mapping";
import { describeSourcesProblem, toSourcedMapping } from "./sourced-mapping-json";
import { SOURCED_MAPPING_VERSION, type SourcedMapping } from "./source-types";

/** The first format that shipped; it reads as the same mapping with no status stages. */
const OLDEST_READABLE_VERSION = 1;

/** The newest format this version reads: 3, a mapping with sources. */
const NEWEST_READABLE_VERSION = SOURCED_MAPPING_VERSION;

/**
 * DocumentProperties allow 9 kB per value. Whether Google means 9,000 or 9,216 bytes is not documented
 * precisely, so the smaller is the limit: a save that passes here cannot fail there.
 */
export const MAX_STORED_BYTES = 9000;

export type SerializeResult =
  | { ok: true; json: string; bytes: number }
  | { ok: false; bytes: number; message: string };

export type ParseFailure = "missing" | "unreadable" | "older-version" | "future-version" | "damaged" | "several-sources";

type ParseFailed = { ok: false; needsSetup: true; reason: ParseFailure; message: string };

export type ParseResult = { ok: true; mapping: FunnelMapping } | ParseFailed;

/** What a document stores: a one-sheet mapping (formats 1 and 2, or 3 with one plain source) or one with several sources. */
export type StoredSetup = { kind: "sheet"; mapping: FunnelMapping } | { kind: "sources"; mapping: SourcedMapping };

export type SetupParseResult = { ok: true; setup: StoredSetup } | ParseFailed;

function isSourced(mapping: FunnelMapping | SourcedMapping): mapping is SourcedMapping {
  return "sources" in mapping;
}

/**
 * A one-sheet mapping, or one source that one sheet can describe, is written as format 2, as before sources
 * existed; a mapping with sources as format 3.
 */
export function serializeMapping(mapping: FunnelMapping | SourcedMapping): SerializeResult {
  const sheet = isSourced(mapping) ? sheetFromSourced(mapping) : mapping;
  const json = sheet === null
    ? JSON.stringify({ ...mapping, version: SOURCED_MAPPING_VERSION })
    : JSON.stringify({ ...sheet, version: MAPPING_VERSION });
  const bytes = utf8Length(json);
  if (bytes > MAX_STORED_BYTES) {
    const fewer = isSourced(mapping) ? "fewer sources or stages" : "fewer stages";
    return {
      ok: false,
      bytes,
      message: `Funnel setup is too large to save: ${bytes.toLocaleString("en-US")} bytes, and a document can hold ${MAX_STORED_BYTES.toLocaleString("en-US")}. Use ${fewer}, or shorter stage names and column headers.`,
    };
  }
  return { ok: true, json, bytes };
}

/** The setup as a one-source mapping, whichever format stored it: formats 1 and 2 read as one source. */
export function setupAsSources(setup: StoredSetup): SourcedMapping {
  return setup.kind === "sources" ? setup.mapping : sourcedFromSheet(setup.mapping);
}

/** Reads a one-sheet mapping; a stored mapping with several sources says so instead, for the callers that read one sheet. */
export function parseMapping(json: string | null | undefined): ParseResult {
  const parsed = parseSetup(json);
  if (!parsed.ok) return parsed;
  if (parsed.setup.kind === "sheet") return { ok: true, mapping: parsed.setup.mapping };
  const names = parsed.setup.mapping.sources.map((s) => `"${s.sheetName}"`).join(", ");
  return needsSetup("several-sources", `The saved funnel setup combines ${parsed.setup.mapping.sources.length} sources (${names}), not one sheet.`);
}

/** Reads what serializeMapping wrote; anything else becomes a result that asks for setup again. */
export function parseSetup(json: string | null | undefined): SetupParseResult {
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
  if (version > NEWEST_READABLE_VERSION) {
    return needsSetup(
      "future-version",
      `The funnel setup was saved by a newer version of Funnel KPIs (format ${version}; this one reads format ${NEWEST_READABLE_VERSION}). Update the add-on, or run Set up funnel again.`,
    );
  }
  const problem = version >= SOURCED_MAPPING_VERSION ? describeSourcesProblem(raw) : describeProblem(raw);
  if (problem !== null) {
    return needsSetup("damaged", `The saved funnel setup is damaged: ${problem}. Please run Set up funnel again.`);
  }
  if (version < SOURCED_MAPPING_VERSION) return { ok: true, setup: { kind: "sheet", mapping: toMapping(raw) } };
  const sourced = toSourcedMapping(raw);
  const sheet = sheetFromSourced(sourced);
  return { ok: true, setup: sheet === null ? { kind: "sources", mapping: sourced } : { kind: "sheet", mapping: sheet } };
}

function needsSetup(reason: ParseFailure, message: string): ParseFailed {
  return { ok: false, needsSetup: true, reason, message };
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
      const problem = statusProblem(stage.status, `stages[${i}].status`);
      if (problem !== null) return problem;
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
  const column = columnOf;
  const status = statusOf;
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
