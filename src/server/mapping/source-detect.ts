// What one sheet is as a source: its export, its role (ad spend, analytics traffic, CRM records, or not used), its channel column and what that holds, each with the reason.
import { asGrid, type TableRows } from "../../kpi/cell-grid";
import type { CellValue } from "../../kpi/cells";
import { isAdPlatform, PLATFORM_NAMES, type SourcePlatform } from "../../kpi/channels/ad-platforms";
import type { ChannelColumnKind } from "../../kpi/channels/propose-channel-table";
import { proposeMapping, quoteHeader } from "./auto-detect";
import { headerTokens } from "./header-synonyms";
import type { ColumnRef } from "./mapping-types";
import type { MappingProposal } from "./proposal-types";
import { detectPlatform } from "./source-platform";
import type { SourceRole } from "./source-types";

export interface DetectedSource {
  sheetName: string;
  headerRow: number;
  proposal: MappingProposal;
  platform: SourcePlatform | null;
  /** Null: not used, with `roleReason` saying why. */
  role: SourceRole | null;
  roleReason: string;
  channel: { column: ColumnRef | null; kind: ChannelColumnKind | null; reason: string };
}

const CAMPAIGN_TYPE = ["campaign type", "kampagnentyp", "type de campagne", "tipo de campana", "tipo de campanha", "tipo di campagna", "campagnetype", "jenis kampanye"];
const CAMPAIGN_WORDS = new Set(["campaign", "kampagne", "kampagnenname", "campagne", "campana", "campanha", "campagna", "campagnenaam", "kampanye", "kempen"]);

function joined(header: string): string {
  return headerTokens(header).join(" ");
}

/** A text cell like GA4's "google / cpc". */
function looksLikeSourceMedium(rows: TableRows, index: number): boolean {
  let filled = 0;
  let pairs = 0;
  const grid = asGrid(rows);
  for (let r = 0; r < Math.min(200, grid.rowCount); r++) {
    const v = grid.cell(r, index);
    if (typeof v !== "string" || v.trim() === "") continue;
    filled++;
    if (/^\S[^/]*\s\/\s[^/]*\S$/.test(v.trim())) pairs++;
  }
  return filled > 0 && pairs >= filled * 0.8;
}

function channelColumnOf(headers: readonly string[], proposal: MappingProposal, platform: SourcePlatform | null, rows: TableRows): DetectedSource["channel"] {
  // A campaign type (Search, Display, Video, Performance Max) says the network outright; campaign names only hint at it.
  if (platform === "google-ads" || platform === "microsoft-ads") {
    const index = headers.findIndex((h) => CAMPAIGN_TYPE.includes(joined(h)));
    if (index >= 0) {
      return { column: { header: headers[index], index }, kind: "campaign", reason: `${quoteHeader(headers[index])} holds each campaign's network, which decides its channel` };
    }
  }
  const column = proposal.channel.column;
  if (column === null) return { column: null, kind: null, reason: proposal.channel.reason };
  const tokens = headerTokens(column.header);
  let kind: ChannelColumnKind = "channel";
  if ((tokens.includes("source") && tokens.includes("medium")) || looksLikeSourceMedium(rows, column.index)) kind = "source-medium";
  else if (tokens.some((t) => CAMPAIGN_WORDS.has(t))) kind = "campaign";
  const what = kind === "source-medium" ? "GA4 source / medium pairs" : kind === "campaign" ? "campaigns" : "channel names";
  return { column, kind, reason: `${proposal.channel.reason}; it holds ${what}` };
}

function roleOf(proposal: MappingProposal, platform: SourcePlatform | null): { role: SourceRole | null; reason: string } {
  const stages = proposal.stages.filter((s) => s.column !== null || s.status);
  if (proposal.shape.value === "record-level") {
    return stages.length === 0
      ? { role: null, reason: "one row per record, but no column is dated like a funnel stage" }
      : { role: "crm", reason: `CRM records: ${proposal.shape.reason}` };
  }
  const counts = stages.map((s) => quoteHeader(s.column?.header ?? s.name)).join(", ");
  if (proposal.spend.column !== null) {
    const from = platform !== null && isAdPlatform(platform) ? `a ${PLATFORM_NAMES[platform]} export with ` : "";
    return { role: "ad-spend", reason: `ad spend: ${from}spend in ${quoteHeader(proposal.spend.column.header)}${counts ? ` and counts in ${counts}` : ""}` };
  }
  if (stages.length > 0) {
    return { role: "analytics", reason: `analytics traffic: counts in ${counts} and no spend column${platform === "ga4" ? " (a GA4 export)" : ""}` };
  }
  return { role: null, reason: "no stage, spend or revenue column was found" };
}

export function detectSource(
  sheetName: string, headerRow: number, headers: readonly string[], sample: readonly (readonly CellValue[])[], rows: TableRows,
): DetectedSource {
  const proposal = proposeMapping(sheetName, headerRow, headers, sample, rows);
  const platform = detectPlatform(sheetName, headers);
  const role = roleOf(proposal, platform?.platform ?? null);
  const platformWords = platform === null ? "" : `; ${platform.reason}`;
  return {
    sheetName,
    headerRow,
    proposal,
    platform: platform?.platform ?? null,
    role: role.role,
    roleReason: `${role.reason}${platformWords}`,
    channel: channelColumnOf(headers, proposal, platform?.platform ?? null, rows),
  };
}
