// Checks what arrives from the sidebar over google.script.run before any server code reads it: shape, types and bounds, each failure naming the call and the argument.
import { UserFacingError } from "./data-sheet";
import { MAPPING_VERSION, type ColumnRef, type FunnelMapping, type FunnelStage, type FunnelShape, type StatusCondition } from "./mapping/mapping-types";
import { PLATFORM_NAMES, type SourcePlatform } from "../kpi/channels/ad-platforms";
import type { ChannelTableRow } from "../kpi/channels/channel-table";
import type { ChannelColumnKind } from "../kpi/channels/propose-channel-table";
import { SOURCED_MAPPING_VERSION, type MappingSource, type SourceRole, type SourcedMapping, type SourcedStage, type StageSupply } from "./mapping/source-types";
import { DEFAULT_GOAL_BASIS, GOAL_BASES, type GoalBasis } from "../kpi/definitions/goal-basis";
import type { GoalCurve, GoalDirection, GoalRow } from "./summary/goal-types";

/** Sheets allows 100 characters in a sheet name and 50,000 in a cell; nothing the wizard sends is longer. */
const MAX_TEXT = 50_000;
const MAX_SHEET_NAME = 100;
/** Sheets' grid: 10,000,000 cells, so no header row or column index beyond these can exist. */
const MAX_ROW = 10_000_000;
const MAX_COLUMN_INDEX = 18_277;
const MAX_STAGES = 50;
const MAX_GOALS = 200;
/** A workbook holds at most 200 sheets. */
const MAX_SOURCES = 200;
/** A channel table lists values of a few columns; the wizard sends the rows it shows. */
const MAX_CHANNEL_ROWS = 5000;
/** A status column has at most as many distinct values as rows; the wizard sends the ones it shows. */
const MAX_STATUS_VALUES = 1000;

/** A wrong argument: the sidebar shows it like any other problem, under the control it concerns. */
function wrong(call: string, path: string, expected: string, value: unknown): UserFacingError {
  return new UserFacingError(path.split(/[.[]/)[0], `${call}: ${path} must be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "string") return value.length > 40 ? `a text of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(call: string, path: string, value: unknown, max = MAX_TEXT, allowEmpty = true): string {
  if (typeof value !== "string" || value.length > max || (!allowEmpty && value.trim() === "")) {
    throw wrong(call, path, `${allowEmpty ? "a text" : "a non-empty text"} of at most ${max.toLocaleString("en-US")} characters`, value);
  }
  return value;
}

function wholeNumber(call: string, path: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw wrong(call, path, `a whole number from ${min} to ${max.toLocaleString("en-US")}`, value);
  }
  return value;
}

function oneOf<T extends string>(call: string, path: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw wrong(call, path, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
  }
  return value as T;
}

function record(call: string, path: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw wrong(call, path, "an object", value);
  return value;
}

function list(call: string, path: string, value: unknown, max: number): unknown[] {
  if (!Array.isArray(value) || value.length > max) throw wrong(call, path, `a list of at most ${max} entries`, value);
  return value;
}

function columnRef(call: string, path: string, value: unknown): ColumnRef | null {
  if (value === null) return null;
  const ref = record(call, path, value);
  return { header: text(call, `${path}.header`, ref.header), index: wholeNumber(call, `${path}.index`, ref.index, 0, MAX_COLUMN_INDEX) };
}

function statusCondition(call: string, path: string, value: unknown): StatusCondition | null {
  if (value === null || value === undefined) return null;
  const c = record(call, path, value);
  const column = columnRef(call, `${path}.column`, c.column);
  if (column === null) throw wrong(call, `${path}.column`, "a column", c.column);
  const values = list(call, `${path}.values`, c.values, MAX_STATUS_VALUES).map((v, i) => text(call, `${path}.values[${i}]`, v, 1000));
  return { column, values };
}

function stage(call: string, path: string, value: unknown): FunnelStage {
  const s = record(call, path, value);
  const status = statusCondition(call, `${path}.status`, s.status);
  return {
    key: text(call, `${path}.key`, s.key, 100),
    name: text(call, `${path}.name`, s.name, 1000),
    column: columnRef(call, `${path}.column`, s.column),
    ...(status === null ? {} : { status }),
  };
}

/** A mapping as the wizard builds it; whether it fits the sheet is validateMapping's question, asked next. */
export function mappingArgument(call: string, value: unknown): FunnelMapping {
  const m = record(call, "mapping", value);
  if (m.version !== MAPPING_VERSION) throw wrong(call, "mapping.version", `${MAPPING_VERSION}`, m.version);
  return {
    version: MAPPING_VERSION,
    sheetName: text(call, "mapping.sheetName", m.sheetName, MAX_SHEET_NAME, false),
    headerRow: wholeNumber(call, "mapping.headerRow", m.headerRow, 1, MAX_ROW),
    shape: oneOf<FunnelShape>(call, "mapping.shape", m.shape, ["aggregated", "record-level"]),
    stages: list(call, "mapping.stages", m.stages, MAX_STAGES).map((s, i) => stage(call, `mapping.stages[${i}]`, s)),
    date: columnRef(call, "mapping.date", m.date ?? null),
    channel: columnRef(call, "mapping.channel", m.channel ?? null),
    spend: columnRef(call, "mapping.spend", m.spend ?? null),
    revenue: columnRef(call, "mapping.revenue", m.revenue ?? null),
  };
}

function optionalNumber(call: string, path: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw wrong(call, path, "a number or nothing", value);
  return value;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function optionalDay(call: string, path: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const m = typeof value === "string" ? ISO_DAY.exec(value) : null;
  const [year, month, day] = m === null ? [0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  if (m === null || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) throw wrong(call, path, "a date written YYYY-MM-DD, or nothing", value);
  return value as string;
}

function goal(call: string, path: string, value: unknown): GoalRow {
  const g = record(call, path, value);
  return {
    kpi: text(call, `${path}.kpi`, g.kpi, 1000),
    basis: g.basis === undefined || g.basis === null ? DEFAULT_GOAL_BASIS : oneOf<GoalBasis>(call, `${path}.basis`, g.basis, GOAL_BASES),
    baseline: optionalNumber(call, `${path}.baseline`, g.baseline),
    target: optionalNumber(call, `${path}.target`, g.target),
    start: optionalDay(call, `${path}.start`, g.start),
    end: optionalDay(call, `${path}.end`, g.end),
    curve: oneOf<GoalCurve>(call, `${path}.curve`, g.curve, ["linear", "compound"]),
    direction: oneOf<GoalDirection>(call, `${path}.direction`, g.direction, ["up", "down"]),
  };
}

/** The wizard's goals, or null to keep the ones on the sheet. */
export function goalsArgument(call: string, value: unknown): GoalRow[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw wrong(call, "goals", "a list of goal rows, or nothing", value);
  return list(call, "goals", value, MAX_GOALS).map((g, i) => goal(call, `goals[${i}]`, g));
}

export function sheetNameArgument(call: string, value: unknown): string {
  return text(call, "sheetName", value, MAX_SHEET_NAME, false);
}

/** A header row, or null to let the reader find it below titles and comments. */
export function headerRowArgument(call: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return wholeNumber(call, "headerRow", value, 1, MAX_ROW);
}

export function countArgument(call: string, name: string, value: unknown): number {
  return wholeNumber(call, name, value, 0, MAX_ROW);
}

function supply(call: string, path: string, value: unknown): StageSupply {
  const u = record(call, path, value);
  const status = statusCondition(call, `${path}.status`, u.status);
  return { source: text(call, `${path}.source`, u.source, 100, false), column: columnRef(call, `${path}.column`, u.column ?? null), ...(status === null ? {} : { status }) };
}

function sourcedStage(call: string, path: string, value: unknown): SourcedStage {
  const s = record(call, path, value);
  return {
    key: text(call, `${path}.key`, s.key, 100),
    name: text(call, `${path}.name`, s.name, 1000),
    supply: list(call, `${path}.supply`, s.supply, MAX_SOURCES).map((u, i) => supply(call, `${path}.supply[${i}]`, u)),
  };
}

function orNull<T extends string>(call: string, path: string, value: unknown, allowed: readonly T[]): T | null {
  return value === null || value === undefined ? null : oneOf(call, path, value, allowed);
}

function source(call: string, path: string, value: unknown): MappingSource {
  const s = record(call, path, value);
  return {
    id: text(call, `${path}.id`, s.id, 30, false),
    sheetName: text(call, `${path}.sheetName`, s.sheetName, MAX_SHEET_NAME, false),
    headerRow: wholeNumber(call, `${path}.headerRow`, s.headerRow, 1, MAX_ROW),
    shape: oneOf<FunnelShape>(call, `${path}.shape`, s.shape, ["aggregated", "record-level"]),
    platform: orNull<SourcePlatform>(call, `${path}.platform`, s.platform, Object.keys(PLATFORM_NAMES) as SourcePlatform[]),
    role: orNull<SourceRole>(call, `${path}.role`, s.role, ["ad-spend", "analytics", "crm"]),
    date: columnRef(call, `${path}.date`, s.date ?? null),
    channel: columnRef(call, `${path}.channel`, s.channel ?? null),
    channelKind: orNull<ChannelColumnKind>(call, `${path}.channelKind`, s.channelKind, ["channel", "campaign", "source-medium"]),
    fixedChannel: s.fixedChannel === null || s.fixedChannel === undefined ? null : text(call, `${path}.fixedChannel`, s.fixedChannel, 1000),
    spend: columnRef(call, `${path}.spend`, s.spend ?? null),
    revenue: columnRef(call, `${path}.revenue`, s.revenue ?? null),
  };
}

/** A mapping with sources as the wizard builds it; whether it fits the sheets is validateSources' question, asked next. */
export function sourcedMappingArgument(call: string, value: unknown): SourcedMapping {
  const m = record(call, "mapping", value);
  if (m.version !== SOURCED_MAPPING_VERSION) throw wrong(call, "mapping.version", `${SOURCED_MAPPING_VERSION}`, m.version);
  return {
    version: SOURCED_MAPPING_VERSION,
    sources: list(call, "mapping.sources", m.sources, MAX_SOURCES).map((s, i) => source(call, `mapping.sources[${i}]`, s)),
    stages: list(call, "mapping.stages", m.stages, MAX_STAGES).map((s, i) => sourcedStage(call, `mapping.stages[${i}]`, s)),
  };
}

/** The channel table as the wizard edits it, or null for the workbook's own (or the proposed one). */
export function channelRowsArgument(call: string, value: unknown): ChannelTableRow[] | null {
  if (value === null || value === undefined) return null;
  return list(call, "channels", value, MAX_CHANNEL_ROWS).map((r, i) => {
    const row = record(call, `channels[${i}]`, r);
    return {
      source: text(call, `channels[${i}].source`, row.source, MAX_SHEET_NAME),
      value: text(call, `channels[${i}].value`, row.value, 1000),
      channel: text(call, `channels[${i}].channel`, row.channel, 1000),
    };
  });
}

export function sheetNamesArgument(call: string, value: unknown): string[] {
  return list(call, "sheetNames", value, MAX_SOURCES).map((v, i) => text(call, `sheetNames[${i}]`, v, MAX_SHEET_NAME, false));
}

export function textArgument(call: string, name: string, value: unknown): string {
  return text(call, name, value, 1000);
}

export function optionalTextArgument(call: string, name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return text(call, name, value, 1000);
}
