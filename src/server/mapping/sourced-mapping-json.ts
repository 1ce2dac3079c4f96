// Reads a stored format-3 mapping (sources and the stages they supply) field by field, naming the first damaged part.
import { PLATFORM_NAMES, type SourcePlatform } from "../../kpi/channels/ad-platforms";
import type { ChannelColumnKind } from "../../kpi/channels/propose-channel-table";
import { columnOf, isColumnRef, isRecord, statusOf, statusProblem, type JsonRecord } from "./mapping-json";
import type { FunnelShape } from "./mapping-types";
import { SOURCED_MAPPING_VERSION, SOURCE_ID_PATTERN, type MappingSource, type SourceRole, type SourcedMapping, type StageSupply } from "./source-types";

const ROLES: readonly SourceRole[] = ["ad-spend", "analytics", "crm"];
const KINDS: readonly ChannelColumnKind[] = ["channel", "campaign", "source-medium"];

function isPlatform(value: unknown): value is SourcePlatform {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PLATFORM_NAMES, value);
}

export function describeSourcesProblem(raw: JsonRecord): string | null {
  if (!Array.isArray(raw.sources) || raw.sources.length === 0) return "sources is not a list of sources";
  const ids = new Set<string>();
  for (let i = 0; i < raw.sources.length; i++) {
    const s: unknown = raw.sources[i];
    const at = `sources[${i}]`;
    if (!isRecord(s)) return `${at} is not a source`;
    if (typeof s.id !== "string" || !SOURCE_ID_PATTERN.test(s.id)) return `${at}.id is not a source id`;
    if (ids.has(s.id)) return `${at}.id '${s.id}' is used by an earlier source`;
    ids.add(s.id);
    if (typeof s.sheetName !== "string") return `${at}.sheetName is not text`;
    if (!Number.isInteger(s.headerRow) || (s.headerRow as number) < 1) return `${at}.headerRow is not a row number`;
    if (s.shape !== "aggregated" && s.shape !== "record-level") return `${at}.shape is neither 'aggregated' nor 'record-level'`;
    if (s.platform !== null && s.platform !== undefined && !isPlatform(s.platform)) return `${at}.platform is not a known export`;
    if (s.role !== null && s.role !== undefined && !ROLES.includes(s.role as SourceRole)) return `${at}.role is not a source role`;
    if (s.channelKind !== null && s.channelKind !== undefined && !KINDS.includes(s.channelKind as ChannelColumnKind)) return `${at}.channelKind is not a kind of channel column`;
    if (s.fixedChannel !== null && s.fixedChannel !== undefined && typeof s.fixedChannel !== "string") return `${at}.fixedChannel is not text`;
    for (const field of ["date", "channel", "spend", "revenue"] as const) {
      const value = s[field];
      if (value !== null && value !== undefined && !isColumnRef(value)) return `${at}.${field} is not a column (header and index)`;
    }
  }
  if (!Array.isArray(raw.stages)) return "stages is not a list";
  for (let i = 0; i < raw.stages.length; i++) {
    const stage: unknown = raw.stages[i];
    const at = `stages[${i}]`;
    if (!isRecord(stage)) return `${at} is not a stage`;
    if (typeof stage.key !== "string") return `${at}.key is not text`;
    if (typeof stage.name !== "string") return `${at}.name is not text`;
    if (!Array.isArray(stage.supply)) return `${at}.supply is not a list`;
    for (let j = 0; j < stage.supply.length; j++) {
      const supply: unknown = stage.supply[j];
      const here = `${at}.supply[${j}]`;
      if (!isRecord(supply)) return `${here} is not a supply`;
      if (typeof supply.source !== "string" || !ids.has(supply.source)) return `${here}.source names no source`;
      if (supply.column !== null && !isColumnRef(supply.column)) return `${here}.column is not a column (header and index)`;
      if (supply.status !== undefined && supply.status !== null) {
        const problem = statusProblem(supply.status, `${here}.status`);
        if (problem !== null) return problem;
      }
    }
  }
  return null;
}

/** Call after describeSourcesProblem found nothing. */
export function toSourcedMapping(raw: JsonRecord): SourcedMapping {
  const sources: MappingSource[] = (raw.sources as JsonRecord[]).map((s) => ({
    id: String(s.id),
    sheetName: String(s.sheetName),
    headerRow: Number(s.headerRow),
    shape: s.shape as FunnelShape,
    platform: isPlatform(s.platform) ? s.platform : null,
    role: ROLES.includes(s.role as SourceRole) ? (s.role as SourceRole) : null,
    date: columnOf(s.date),
    channel: columnOf(s.channel),
    channelKind: KINDS.includes(s.channelKind as ChannelColumnKind) ? (s.channelKind as ChannelColumnKind) : null,
    fixedChannel: typeof s.fixedChannel === "string" ? s.fixedChannel : null,
    spend: columnOf(s.spend),
    revenue: columnOf(s.revenue),
  }));
  const stages = (raw.stages as JsonRecord[]).map((s) => ({
    key: String(s.key),
    name: String(s.name),
    supply: (s.supply as JsonRecord[]).map((u): StageSupply => {
      const status = statusOf(u.status);
      const supply: StageSupply = { source: String(u.source), column: columnOf(u.column) };
      if (status !== null) supply.status = status;
      return supply;
    }),
  }));
  return { version: SOURCED_MAPPING_VERSION, sources, stages };
}
