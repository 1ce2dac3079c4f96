// Edits to the funnel mapping the wizard holds (stages renamed, added, removed, reordered; columns picked), each giving a new mapping.
import {
  RESERVED_STAGE_KEYS,
  stageKeyFromName,
  type ColumnRef,
  type FunnelMapping,
  type FunnelStage,
  type MappingField,
} from "../server/mapping/mapping-types";

export { proposalToMapping as mappingFromProposal } from "../server/mapping/proposal-to-mapping";

/** A key for `name` that no other stage uses and that no single column reserves. */
export function uniqueStageKey(name: string, stages: readonly FunnelStage[], except = -1): string {
  const taken = new Set(stages.filter((_, i) => i !== except).map((s) => s.key));
  const base = stageKeyFromName(name);
  const free = (key: string): boolean => !taken.has(key) && !RESERVED_STAGE_KEYS.includes(key);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base.slice(0, 36)}_${n}`;
    if (free(key)) return key;
  }
}

export function addStage(mapping: FunnelMapping): FunnelMapping {
  const name = `Stage ${mapping.stages.length + 1}`;
  return { ...mapping, stages: [...mapping.stages, { key: uniqueStageKey(name, mapping.stages), name, column: null }] };
}

export function removeStage(mapping: FunnelMapping, index: number): FunnelMapping {
  return { ...mapping, stages: mapping.stages.filter((_, i) => i !== index) };
}

export function moveStage(mapping: FunnelMapping, index: number, delta: -1 | 1): FunnelMapping {
  const to = index + delta;
  if (to < 0 || to >= mapping.stages.length) return mapping;
  const stages = [...mapping.stages];
  [stages[index], stages[to]] = [stages[to], stages[index]];
  return { ...mapping, stages };
}

/**
 * A saved or proposed stage keeps its key when renamed (named ranges and goals refer to it);
 * a stage added in this session takes its key from its name, so `kpi_demo` rather than `kpi_stage_4`.
 */
export function renameStage(mapping: FunnelMapping, index: number, name: string, keyIsLocked: boolean): FunnelMapping {
  const stages = mapping.stages.map((stage, i) => {
    if (i !== index) return stage;
    const key = keyIsLocked || name.trim() === "" ? stage.key : uniqueStageKey(name, mapping.stages, index);
    return { ...stage, name, key };
  });
  return { ...mapping, stages };
}

export function setStageColumn(mapping: FunnelMapping, index: number, column: ColumnRef | null): FunnelMapping {
  return { ...mapping, stages: mapping.stages.map((s, i) => (i === index ? { ...s, column } : s)) };
}

export function setField(mapping: FunnelMapping, field: MappingField, column: ColumnRef | null): FunnelMapping {
  return { ...mapping, [field]: column };
}

/** The column a select offers at `index`, as the current header row names it. */
export function columnAt(headers: readonly string[], index: number): ColumnRef | null {
  return index >= 0 && index < headers.length ? { header: headers[index], index } : null;
}

/** The status column the mapping's status stages read, if any (they share one). */
export function statusColumnOf(mapping: FunnelMapping): ColumnRef | null {
  return mapping.stages.find((s) => s.status)?.status?.column ?? null;
}

/** Points every status stage at another status column; null removes every status. Values chosen for the old column are dropped. */
export function setStatusColumn(mapping: FunnelMapping, column: ColumnRef | null): FunnelMapping {
  const current = statusColumnOf(mapping);
  const same = current !== null && column !== null && current.index === column.index && current.header === column.header;
  return {
    ...mapping,
    stages: mapping.stages.map((s) => {
      if (!s.status) return s;
      const { status, ...rest } = s;
      if (column === null) return rest;
      return { ...rest, status: { column, values: same ? status.values : [] } };
    }),
  };
}

/**
 * Says which stage a status value means: the value leaves every other stage and joins `stageKey`'s
 * values (null: it reaches no stage). A stage left with no values loses its status.
 */
export function setValueStage(mapping: FunnelMapping, column: ColumnRef, value: string, stageKey: string | null): FunnelMapping {
  return {
    ...mapping,
    stages: mapping.stages.map((s) => {
      const values = (s.status?.values ?? []).filter((v) => v !== value);
      if (s.key === stageKey) values.push(value);
      if (values.length === 0) {
        const { status: _dropped, ...rest } = s;
        return rest;
      }
      return { ...s, status: { column, values } };
    }),
  };
}

/** The stage a status value currently means, or null. */
export function stageOfValue(mapping: FunnelMapping, value: string): string | null {
  return mapping.stages.find((s) => s.status?.values.includes(value))?.key ?? null;
}
