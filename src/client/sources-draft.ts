// Edits to the wizard's mapping with sources (stages renamed, added, reordered; a stage's suppliers and columns; a source's columns), each giving a new mapping.
import type { ChannelTableRow } from "../kpi/channels/channel-table";
import { RESERVED_STAGE_KEYS, stageKeyFromName, type ColumnRef, type StatusCondition } from "../server/mapping/mapping-types";

/** The funnel as the one-sheet steps (Goals) see it. */
export { goalsView } from "../server/mapping/goals-view";
import type { MappingSource, SourcedMapping, SourcedStage, StageSupply } from "../server/mapping/source-types";

export type SourceField = "date" | "channel" | "spend" | "revenue";

function withStages(mapping: SourcedMapping, stages: SourcedStage[]): SourcedMapping {
  return { ...mapping, stages };
}

function uniqueKey(name: string, stages: readonly SourcedStage[], except = -1): string {
  const taken = new Set(stages.filter((_, i) => i !== except).map((s) => s.key));
  const base = stageKeyFromName(name);
  const free = (key: string): boolean => !taken.has(key) && !RESERVED_STAGE_KEYS.includes(key);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base.slice(0, 36)}_${n}`)) return `${base.slice(0, 36)}_${n}`;
}

export function addSourcedStage(mapping: SourcedMapping): SourcedMapping {
  const name = `Stage ${mapping.stages.length + 1}`;
  return withStages(mapping, [...mapping.stages, { key: uniqueKey(name, mapping.stages), name, supply: [] }]);
}

export function removeSourcedStage(mapping: SourcedMapping, index: number): SourcedMapping {
  return withStages(mapping, mapping.stages.filter((_, i) => i !== index));
}

export function moveSourcedStage(mapping: SourcedMapping, index: number, delta: -1 | 1): SourcedMapping {
  const to = index + delta;
  if (to < 0 || to >= mapping.stages.length) return mapping;
  const stages = [...mapping.stages];
  [stages[index], stages[to]] = [stages[to], stages[index]];
  return withStages(mapping, stages);
}

/** A saved or proposed stage keeps its key when renamed (goals refer to it); a new one takes its key from its name. */
export function renameSourcedStage(mapping: SourcedMapping, index: number, name: string, keyIsLocked: boolean): SourcedMapping {
  return withStages(mapping, mapping.stages.map((s, i) => {
    if (i !== index) return s;
    const key = keyIsLocked || name.trim() === "" ? s.key : uniqueKey(name, mapping.stages, index);
    return { ...s, name, key };
  }));
}

function updateSupply(mapping: SourcedMapping, stage: number, supply: number, change: (s: StageSupply) => StageSupply | null): SourcedMapping {
  return withStages(mapping, mapping.stages.map((s, i) => {
    if (i !== stage) return s;
    const next = s.supply.map((u, j) => (j === supply ? change(u) : u)).filter((u): u is StageSupply => u !== null);
    return { ...s, supply: next };
  }));
}

/** Adds a supplier to a stage: the first source that does not supply it yet, with no column chosen. */
export function addSupply(mapping: SourcedMapping, stage: number): SourcedMapping {
  const taken = new Set(mapping.stages[stage]?.supply.map((u) => u.source) ?? []);
  const source = mapping.sources.find((s) => !taken.has(s.id));
  if (source === undefined) return mapping;
  return withStages(mapping, mapping.stages.map((s, i) => (i === stage ? { ...s, supply: [...s.supply, { source: source.id, column: null }] } : s)));
}

export function removeSupply(mapping: SourcedMapping, stage: number, supply: number): SourcedMapping {
  return updateSupply(mapping, stage, supply, () => null);
}

/** Another source supplies it: its column and status are that source's to choose afresh. */
export function setSupplySource(mapping: SourcedMapping, stage: number, supply: number, source: string): SourcedMapping {
  return updateSupply(mapping, stage, supply, () => ({ source, column: null }));
}

export function setSupplyColumn(mapping: SourcedMapping, stage: number, supply: number, column: ColumnRef | null): SourcedMapping {
  return updateSupply(mapping, stage, supply, (u) => ({ ...u, column }));
}

/** Null removes the status: the stage is then reached by its date column alone. */
export function setSupplyStatus(mapping: SourcedMapping, stage: number, supply: number, status: StatusCondition | null): SourcedMapping {
  return updateSupply(mapping, stage, supply, (u) => {
    const { status: _old, ...rest } = u;
    return status === null ? rest : { ...rest, status };
  });
}

export function setSourceField(mapping: SourcedMapping, id: string, field: SourceField, column: ColumnRef | null): SourcedMapping {
  return { ...mapping, sources: mapping.sources.map((s) => (s.id === id ? { ...s, [field]: column } : s)) };
}

export function updateSource(mapping: SourcedMapping, id: string, change: Partial<Pick<MappingSource, "channelKind" | "fixedChannel" | "sheetName" | "shape">>): SourcedMapping {
  return { ...mapping, sources: mapping.sources.map((s) => (s.id === id ? { ...s, ...change } : s)) };
}

export function setTableRow(table: readonly ChannelTableRow[], index: number, change: Partial<ChannelTableRow>): ChannelTableRow[] {
  return table.map((r, i) => (i === index ? { ...r, ...change } : r));
}

export function removeTableRow(table: readonly ChannelTableRow[], index: number): ChannelTableRow[] {
  return table.filter((_, i) => i !== index);
}

/** Places a value: its own row when it has none, else that row gets the channel. */
export function placeValue(table: readonly ChannelTableRow[], source: string, value: string, channel: string): ChannelTableRow[] {
  const at = table.findIndex((r) => r.source.toLowerCase() === source.toLowerCase() && r.value.trim().toLowerCase() === value.trim().toLowerCase());
  if (at >= 0) return setTableRow(table, at, { channel });
  return [...table, { source, value, channel }];
}
