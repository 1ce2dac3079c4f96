// The summarize command over several sources: read each, settle the mapping and the channel table, validate, compute the report joined by channel and period.
import { computeSourcesReport, sourcesSpan } from "../../kpi/sources/sources-report";
import { periodForSpan } from "./headline-period";
import { toSourcesSpec } from "../../server/mapping/sources-to-spec";
import { validateSources } from "../../server/mapping/validate-sources";
import { MAPPING_KEY } from "../../server/mapping-store";
import { parseSetup } from "../../server/mapping/mapping-store-format";
import { readingLocale } from "../../reading/locale";
import type { SummarizeOptions } from "./args";
import { InputError, UsageError } from "./cli-errors";
import { writeChannelTableFile } from "./channel-table-file";
import { checkOutputs, writeMappingFile } from "./output-files";
import { chooseChannels } from "./sources-channels";
import { loadSources, type LoadedSource } from "./sources-load";
import { detectSources, matchMapping, readSetupFile, type SourcesChoice } from "./sources-mapping";
import type { SourcesRun } from "./sources-run";
import { writeSourcesWorkbook } from "./write-sources-summary";
import type { SummarizeHooks } from "./summarize";

import type { FileKind } from "./file-kind";

function mappingProblem(choice: SourcesChoice, errors: readonly { message: string }[]): InputError {
  const list = errors.map((e) => `  - ${e.message}`).join("\n");
  const why = choice.source === "detected"
    ? `\n\nWhat auto-detect found:\n${choice.reasons.map((r) => `  ${r.field}: ${r.reason}`).join("\n")}\n\nSave it with --save-mapping FILE, fix the file and pass it with --mapping FILE.`
    : "";
  return new InputError(`the mapping does not fit the data in these files; nothing was written:\n${list}${why}`);
}

export interface SourcesPlan {
  files: Array<{ path: string; kind: FileKind }>;
}

/**
 * Returns null when detection finds fewer than two sheets worth combining in a single workbook: the caller
 * then reads it as one sheet, as before sources existed.
 */
export async function summarizeSources(options: SummarizeOptions, hooks: SummarizeHooks, plan: SourcesPlan): Promise<SourcesRun | null> {
  if (options.headerRow !== null) {
    throw new UsageError("--header-row sets the header row of one sheet; with several sources each header row is found, or set per source in a --mapping file (--save-mapping writes one)", false);
  }
  checkOutputs(options);
  const given = options.mapping === null ? null : readSetupFile(options.mapping);
  if (given !== null && given.kind === "sheet" && plan.files.length > 1) {
    throw new InputError(`mapping file ${options.mapping}: it describes one sheet ("${given.mapping.sheetName}"); for several files give a mapping with sources (--save-mapping writes one)`);
  }
  const fromFile = given?.kind === "sources" ? given.mapping : null;
  const headerRows = new Map((fromFile?.sources ?? []).map((s) => [s.sheetName.toLowerCase(), s.headerRow]));
  const single = plan.files.length === 1 && plan.files[0].kind === "xlsx";
  const loaded = await loadSources({
    files: plan.files,
    sheets: options.sheets,
    locale: options.locale === null ? null : readingLocale(options.locale, "--locale"),
    headerRows,
    keepWorkbook: single && options.out !== null,
    onProgress: (f) => hooks.progress.update(f),
  });
  try {
    hooks.progress.finish();
    let choice: SourcesChoice;
    if (fromFile !== null && options.mapping !== null) {
      choice = matchMapping(fromFile, loaded.sources, options.mapping, "file");
    } else {
      const saved = single ? parseSetup(loaded.setup.get(MAPPING_KEY) ?? null) : null;
      // A workbook set up for one sheet keeps being read as that sheet.
      if (saved !== null && saved.ok && saved.setup.kind === "sheet" && options.sheets.length === 0) return null;
      if (saved !== null && saved.ok && saved.setup.kind === "sources") {
        choice = matchMapping(saved.setup.mapping, loaded.sources, `the setup saved in ${plan.files[0].path}`, "saved");
      } else {
        choice = detectSources(loaded.sources);
        if (single && options.sheets.length === 0 && choice.mapping.sources.length < 2) return null;
      }
    }
    const { mapping } = choice;
    const tableOf = (name: string) => loaded.sources.find((l) => l.name.toLowerCase() === name.toLowerCase())?.table ?? null;
    const validation = validateSources(mapping, (s) => {
      const t = tableOf(s.sheetName);
      // Text numbers matter to a workbook's live formulas, not to this report, which reads them: no reading notes here.
      return t === null ? null : { headers: t.headers, rows: t.rows, reading: null };
    });
    if (!validation.ok) {
      // A mapping that does not fit is saved all the same when asked, so it can be fixed by hand.
      if (options.saveMapping !== null) writeMappingFile(mapping, options.saveMapping);
      throw mappingProblem(choice, validation.errors);
    }
    const channels = chooseChannels(options.channels, mapping, loaded.sources, loaded.channelMap, single ? plan.files[0].path : null);
    const spec = toSourcesSpec(mapping);
    const inputs = spec.sources.map((s) => ({ spec: s, rows: (tableOf(s.name) as NonNullable<ReturnType<typeof tableOf>>).rows }));
    const period = periodForSpan(options.from, options.to, sourcesSpan(spec, inputs));
    const report = computeSourcesReport(spec, inputs, channels.rows, period === null ? {} : { period });
    if (options.saveMapping !== null) writeMappingFile(mapping, options.saveMapping);
    if (options.saveChannels !== null) {
      const labelOf = new Map(loaded.sources.map((l) => [l.name.toLowerCase(), l.label]));
      const label = (name: string) => labelOf.get(name.toLowerCase()) ?? name;
      writeChannelTableFile([
        ...channels.lines.map((l) => ({ source: label(l.source), value: l.value, channel: l.channel, why: l.why })),
        ...report.unmatched.map((u) => ({
          source: label(u.source), value: u.value, channel: "",
          why: `unmatched: ${u.rows} rows${u.all.spend !== 0 ? `, spend ${u.all.spend}` : ""}, ${u.all.stageCounts[u.all.stageCounts.length - 1]} ${report.stages[report.stages.length - 1].name.toLowerCase()}; write its channel`,
        })),
      ], options.saveChannels);
    }
    let outNotKept: readonly string[] = [];
    if (options.out !== null) {
      // Handed over: the writer disposes of it, written or not.
      const whole = loaded.workbook;
      loaded.workbook = null;
      outNotKept = await writeSourcesWorkbook({
        path: options.out, workbook: whole, sources: loaded.sources, mapping, period,
        channels: channels.source === "workbook" ? null : channels.rows,
      });
    }
    const sources = mapping.sources.map((s) => {
      const l = loaded.sources.find((x) => x.name.toLowerCase() === s.sheetName.toLowerCase()) as LoadedSource;
      const role = choice.roles.get(s.sheetName);
      return { name: l.name, file: l.file, label: l.label, headerRow: l.table.headerRow, reading: l.table.reading ?? null, role: s.role, roleReason: role?.reason ?? "" };
    });
    return {
      kind: "sources",
      files: plan.files.map((f) => f.path),
      sources,
      notUsed: [...loaded.notUsed, ...choice.unused.map((u) => ({ file: u.source.file, sheet: u.source.name, reason: u.reason }))],
      mapping,
      mappingSource: choice.source,
      mappingReasons: choice.reasons,
      channelsSource: channels.source,
      channelsFrom: channels.from,
      channelTable: channels.lines,
      warnings: validation.warnings,
      report,
      out: options.out,
      outNotKept,
      outNote: null,
    };
  } finally {
    loaded.workbook?.dispose();
  }
}
