// Proposes a funnel over several sheets: which source supplies each stage (spend and ad counts added across ad platforms, people from the CRM), with a reason for each choice.
import { KNOWN_STAGES } from "./header-synonyms";
import { quoteHeader } from "./auto-detect";
import type { ColumnRef } from "./mapping-types";
import type { StageProposal } from "./proposal-types";
import type { DetectedSource } from "./source-detect";
import { SOURCED_MAPPING_VERSION, sourceIdFromName, type MappingSource, type SourceRole, type SourcedMapping, type SourcedStage, type StageSupply } from "./source-types";

export interface SourcesProposal {
  mapping: SourcedMapping;
  /** One line per stage, spend and revenue: where it comes from and why. */
  reasons: Array<{ field: string; reason: string }>;
}

/** Which role's sources a stage is taken from, most trusted first; all sources of the first role that has it are added. */
function rolesFor(key: string): readonly SourceRole[] {
  if (key === "impressions" || key === "clicks") return ["ad-spend"];
  if (key === "visits") return ["analytics", "ad-spend", "crm"];
  return ["crm", "analytics", "ad-spend"];
}

function supplyText(source: DetectedSource, stage: StageProposal): string {
  if (stage.status) return `${source.sheetName} (${quoteHeader(stage.status.column.header)} is ${stage.status.values.map((v) => `'${v}'`).join(" or ")})`;
  return `${source.sheetName} (${quoteHeader(stage.column?.header ?? stage.name)})`;
}

function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export function proposeSources(detected: readonly DetectedSource[]): SourcesProposal {
  const used = detected.filter((d) => d.role !== null);
  const taken = new Set<string>();
  const ids = new Map<DetectedSource, string>();
  for (const d of used) {
    const id = sourceIdFromName(d.sheetName, taken);
    taken.add(id);
    ids.set(d, id);
  }
  const reasons: SourcesProposal["reasons"] = [];
  const crmSupplies = used.some((d) => d.role === "crm" && d.proposal.stages.length > 0);

  const keys: string[] = [];
  for (const d of used) for (const s of d.proposal.stages) if (!keys.includes(s.key)) keys.push(s.key);
  const rank = (key: string): number => {
    const i = KNOWN_STAGES.findIndex((k) => k.key === key);
    return i < 0 ? KNOWN_STAGES.length : i;
  };
  keys.sort((a, b) => rank(a) - rank(b));

  const stages: SourcedStage[] = [];
  for (const key of keys) {
    const offering = used.flatMap((d) => d.proposal.stages.filter((s) => s.key === key).map((stage) => ({ d, stage })));
    if (key === "conversions" && crmSupplies) {
      reasons.push({ field: "Conversions", reason: `left out: ${listed(offering.map((o) => o.d.sheetName))} ${offering.length === 1 ? "counts its" : "count their"} own conversions, and the CRM's stages count the same people` });
      continue;
    }
    const role = rolesFor(key).find((r) => offering.some((o) => o.d.role === r));
    const chosen = offering.filter((o) => o.d.role === role);
    if (chosen.length === 0) continue;
    const name = chosen[0].stage.name;
    const supply: StageSupply[] = chosen.map(({ d, stage }) => {
      const s: StageSupply = { source: ids.get(d) as string, column: stage.column };
      if (stage.status) s.status = stage.status;
      return s;
    });
    stages.push({ key, name, supply });
    const others = offering.filter((o) => o.d.role !== role).map((o) => o.d.sheetName);
    const verb = chosen.length > 1 ? "added from" : "from";
    const skipped = others.length > 0 ? `; not from ${listed(others)}, which would count it again` : "";
    reasons.push({ field: name, reason: `${verb} ${listed(chosen.map(({ d, stage }) => supplyText(d, stage)))}${skipped}` });
  }

  const spendFrom = used.filter((d) => d.role === "ad-spend" && d.proposal.spend.column !== null);
  const revenueRole = (["crm", "analytics", "ad-spend"] as const).find((r) => used.some((d) => d.role === r && d.proposal.revenue.column !== null));
  const revenueFrom = used.filter((d) => d.role === revenueRole && d.proposal.revenue.column !== null);
  const amount = (d: DetectedSource, column: ColumnRef | null) => `${d.sheetName} (${quoteHeader(column?.header ?? "")})`;
  reasons.push({ field: "Spend", reason: spendFrom.length === 0 ? "no ad spend sheet has a spend column" : `${spendFrom.length > 1 ? "added from" : "from"} ${listed(spendFrom.map((d) => amount(d, d.proposal.spend.column)))}` });
  if (revenueFrom.length > 0) {
    reasons.push({ field: "Revenue", reason: `${revenueFrom.length > 1 ? "added from" : "from"} ${listed(revenueFrom.map((d) => amount(d, d.proposal.revenue.column)))}` });
  }

  const sources: MappingSource[] = used.map((d) => ({
    id: ids.get(d) as string,
    sheetName: d.sheetName,
    headerRow: d.headerRow,
    shape: d.proposal.shape.value,
    platform: d.platform,
    role: d.role,
    date: d.proposal.date.column,
    channel: d.channel.column,
    channelKind: d.channel.kind,
    fixedChannel: null,
    spend: spendFrom.includes(d) ? d.proposal.spend.column : null,
    revenue: revenueFrom.includes(d) ? d.proposal.revenue.column : null,
  }));
  return { mapping: { version: SOURCED_MAPPING_VERSION, sources, stages }, reasons };
}
