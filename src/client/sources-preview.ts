// Asks the server for a fresh preview of the funnel over several sheets once edits pause; the Stages and Channels steps redraw from it.
import { Debouncer } from "./debounce";
import type { Wizard } from "./wizard";

const DELAY_MS = 350;

export class SourcesPreviewer {
  private readonly debounce = new Debouncer(DELAY_MS);
  private readonly listeners: (() => void)[] = [];
  pending = false;

  constructor(private readonly wizard: Wizard) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Every edit of the mapping or the channel table: the old preview is stale at once, a new one follows. */
  changed(): void {
    this.wizard.state.sources.preview = null;
    this.pending = true;
    this.notify();
    this.debounce.schedule((isLatest) => void this.run(isLatest));
  }

  private async run(isLatest: () => boolean): Promise<void> {
    const { state, server, errors } = this.wizard;
    const mapping = state.sources.mapping;
    if (mapping === null) return;
    try {
      const preview = await server.previewSources(mapping, state.sources.table);
      if (!isLatest()) return;
      state.sources.preview = preview;
      if (state.sources.table === null) {
        // The first table is the workbook's Channel map, or the proposed one: from here on the wizard edits it.
        state.sources.table = preview.table.map(({ source, value, channel }) => ({ source, value, channel }));
        state.sources.tableReasons = preview.table.map((r) => r.reason);
      }
      // The goals step reads stage totals as the one-sheet preview gives them.
      state.preview = { stages: preview.stages, validation: preview.validation };
      errors.clear("preview-call");
      errors.clear("saved");
      errors.set("validation", preview.validation.errors.map((e) => ({ field: e.field, message: e.message })));
      errors.set("channel-table", preview.tableProblems.map((p) => ({ field: "channels", message: p.message })));
    } catch (error) {
      if (!isLatest()) return;
      this.wizard.callFailed("preview-call", error);
    } finally {
      if (isLatest()) {
        this.pending = false;
        this.notify();
      }
    }
  }
}
