// Generate with several sheets: checks the sources and the channel table, then saves the setup, writes the Channel map and the summary.
import type { SummaryReport } from "../server/summary/generate-summary";
import type { Wizard } from "./wizard";

/** The recap lines of a funnel over several sheets, or null in one-sheet mode. */
export function sourcesRecap(wizard: Wizard): string[] | null {
  const s = wizard.state.sources;
  if (!s.active || s.mapping === null) return null;
  const table = s.table ?? [];
  return [
    `Sources: ${s.mapping.sources.map((x) => x.sheetName).join(", ")}`,
    `Stages: ${s.mapping.stages.map((x) => x.name).join(" → ")}`,
    `Channel map: ${table.filter((r) => r.channel.trim() !== "").length} rows${s.preview && s.preview.unmatched.length > 0 ? `, ${s.preview.unmatched.length} values unmatched` : ""}`,
    wizard.state.goalsTouched ? `Goals: ${wizard.state.goals.length}` : "Goals: the summary's goals table is left as it is",
  ];
}

/** Null when the check found problems (listed next to their controls); nothing is saved then. */
export async function generateSources(wizard: Wizard, status: HTMLElement): Promise<SummaryReport | null> {
  const { state, server, errors } = wizard;
  const mapping = state.sources.mapping;
  if (mapping === null) {
    errors.set("generate", [{ field: "sources", message: "Sources: choose the sheets of your funnel first" }]);
    return null;
  }
  status.textContent = "Checking the sources and the channel table…";
  const check = await server.previewSources(mapping, state.sources.table);
  errors.set("validation", check.validation.errors.map((e) => ({ field: e.field, message: e.message })));
  errors.set("channel-table", check.tableProblems.map((p) => ({ field: "channels", message: p.message })));
  if (!check.validation.ok || check.tableProblems.length > 0) {
    errors.set("generate", [{ field: null, message: "Nothing was saved: fix the problems listed here first." }]);
    return null;
  }
  status.textContent = "Saving, writing the Channel map and the summary…";
  const table = state.sources.table ?? check.table.map(({ source, value, channel }) => ({ source, value, channel }));
  return server.saveSourcesAndGenerate(mapping, table, state.goalsTouched ? state.goals : null);
}
