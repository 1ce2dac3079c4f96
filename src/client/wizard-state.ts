// What the wizard holds between steps: the user's choices survive every failed call because they live here, not in the server's answers.
import type { FunnelMapping } from "../server/mapping/mapping-types";
import type { MappingPreview, SheetInspection, WizardStart } from "../server/sidebar-api";
import type { GoalRow } from "../server/summary/goal-types";
import type { SummaryReport } from "../server/summary/generate-summary";
import { initialSourcesState, type SourcesState } from "./sources-state";

export type StepId = "sources" | "data" | "stages" | "source-stages" | "channels" | "goals" | "generate";

/** Every step; the stepper shows one sheet's (Data, Stages) or several sources' (Sources, Stages, Channels) with Goals and Generate. */
export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: "sources", title: "Sources" },
  { id: "data", title: "Data" },
  { id: "stages", title: "Stages" },
  { id: "source-stages", title: "Stages" },
  { id: "channels", title: "Channels" },
  { id: "goals", title: "Goals" },
  { id: "generate", title: "Generate" },
];

export interface WizardState {
  step: StepId;
  start: WizardStart | null;
  sheetName: string;
  /** As typed, so a half-typed row number is never replaced; blank finds the header row. */
  headerRowText: string;
  inspection: SheetInspection | null;
  /** The mapping being edited; null until a sheet has been read. */
  mapping: FunnelMapping | null;
  /** Keys of saved or proposed stages: renaming them keeps the key that named ranges and goals use. */
  lockedKeys: Set<string>;
  goals: GoalRow[];
  /** Untouched goals are sent as null, which leaves the team's goals table as it is. */
  goalsTouched: boolean;
  preview: MappingPreview | null;
  report: SummaryReport | null;
  /** A funnel over several sheets: its own state, active only in that mode. */
  sources: SourcesState;
}

export function initialState(): WizardState {
  return {
    step: "data",
    start: null,
    sheetName: "",
    headerRowText: "",
    inspection: null,
    mapping: null,
    lockedKeys: new Set(),
    goals: [],
    goalsTouched: false,
    preview: null,
    report: null,
    sources: initialSourcesState(),
  };
}

/** The step whose controls a problem's field belongs to. */
/** Where numbers and dates stored as text are converted: the Data step's panel, not the column's own control. */
export const TEXT_CELLS_FIELD = "textCells";

/** The field a problem's "Go to" leads to: its own, but the conversion panel for numbers and dates stored as text. */
export function problemField(issue: { field: string; code: string }): string {
  return issue.code === "text-cells" ? TEXT_CELLS_FIELD : issue.field;
}

export function stepOfField(field: string | null): StepId | null {
  if (field === null) return null;
  if (field === "sources" || /^source:[^:]+$/.test(field)) return "sources";
  if (field.startsWith("source:")) return "source-stages";
  if (field === "channels") return "channels";
  if (field === "sheetName" || field === "headerRow" || field === "shape" || field === TEXT_CELLS_FIELD) return "data";
  if (field === "stages" || field.startsWith("stage:") || ["date", "channel", "spend", "revenue", "mapping"].includes(field)) return "stages";
  if (field === "goals" || field.startsWith("goal")) return "goals";
  if (field === "summary") return "generate";
  return null;
}

export function parseHeaderRow(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(n) && n >= 1 ? n : null;
}
