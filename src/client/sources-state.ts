// What the wizard holds for a funnel over several sheets, and which steps it shows in that mode.
import type { ChannelTableRow } from "../kpi/channels/channel-table";
import type { SourcedMapping } from "../server/mapping/source-types";
import type { SourcesPreview, SourcesStart } from "../server/sources/sources-api";
import type { StepId } from "./wizard-state";

export interface SourcesState {
  /** True while the wizard edits a funnel over several sheets (the Sources, Stages and Channels steps). */
  active: boolean;
  start: SourcesStart | null;
  /** The sheets ticked as sources, in the order listed. */
  chosen: string[];
  mapping: SourcedMapping | null;
  reasons: Array<{ field: string; reason: string }>;
  /** Keys of saved or proposed stages, kept across renames. */
  lockedKeys: Set<string>;
  /** The channel table being edited; null until the Channels step has one (the sheet's, or proposed). */
  table: ChannelTableRow[] | null;
  /** Why each proposed row says what it says (null for the team's own rows). */
  tableReasons: Array<string | null>;
  preview: SourcesPreview | null;
}

export function initialSourcesState(): SourcesState {
  return { active: false, start: null, chosen: [], mapping: null, reasons: [], lockedKeys: new Set(), table: null, tableReasons: [], preview: null };
}

const ONE_SHEET: readonly StepId[] = ["data", "stages", "goals", "generate"];
const SEVERAL: readonly StepId[] = ["sources", "source-stages", "channels", "goals", "generate"];

export function visibleSteps(sources: SourcesState): readonly StepId[] {
  return sources.active ? SEVERAL : ONE_SHEET;
}

/** The step shown for `step` in the current mode: with sources, Data is Sources and Stages is the sources' Stages. */
export function routeStep(sources: SourcesState, step: StepId): StepId {
  if (sources.active) {
    if (step === "data") return "sources";
    if (step === "stages") return "source-stages";
    return step;
  }
  return step === "source-stages" || step === "channels" ? "data" : step;
}
