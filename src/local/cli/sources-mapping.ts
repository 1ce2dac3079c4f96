// Settles the mapping of a multi-source run: a mapping file, the workbook's saved setup, or one proposed from each sheet's detected role, matched to the sources read.
import { readFileSync } from "node:fs";
import { parseSetup, type StoredSetup } from "../../server/mapping/mapping-store-format";
import { proposeSources } from "../../server/mapping/propose-sources";
import { detectSource } from "../../server/mapping/source-detect";
import type { SourcedMapping } from "../../server/mapping/source-types";
import { InputError } from "./cli-errors";
import type { LoadedSource } from "./sources-load";
import type { RunSource } from "./sources-run";

/** Reads a mapping file as the document store reads the same JSON: one sheet or several sources. */
export function readSetupFile(path: string): StoredSetup {
  let json: string;
  try {
    json = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`cannot read the mapping file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseSetup(json);
  if (!parsed.ok) throw new InputError(`mapping file ${path}: ${parsed.message.replace(/ ?Please run Set up funnel again\.$| ?Run Set up funnel\.$/, "")}`);
  return parsed.setup;
}

export interface SourcesChoice {
  mapping: SourcedMapping;
  source: "detected" | "file" | "saved";
  reasons: Array<{ field: string; reason: string }>;
  /** Each source read, with its role and why; in the mapping's order. */
  roles: Map<string, { role: RunSource["role"]; reason: string }>;
  /** Sources read that the mapping does not use. */
  unused: Array<{ source: LoadedSource; reason: string }>;
}

/** A given mapping (a file or the saved setup) names its sheets; each must be among the sources read. */
export function matchMapping(mapping: SourcedMapping, loaded: readonly LoadedSource[], from: string, source: "file" | "saved"): SourcesChoice {
  const byName = new Map(loaded.map((l) => [l.name.toLowerCase(), l]));
  const names = loaded.map((l) => `"${l.name}"`).join(", ");
  for (const s of mapping.sources) {
    if (!byName.has(s.sheetName.toLowerCase())) {
      throw new InputError(`${from} names source "${s.sheetName}", which none of the files holds (they hold ${names}); give its file, or remove it from the mapping`);
    }
  }
  const used = new Set(mapping.sources.map((s) => s.sheetName.toLowerCase()));
  const roles = new Map(mapping.sources.map((s) => [s.sheetName, { role: s.role, reason: `from ${from}` }]));
  const unused = loaded.filter((l) => !used.has(l.name.toLowerCase())).map((l) => ({ source: l, reason: `${from} does not use it` }));
  return { mapping, source, reasons: mapping.stages.map((s) => ({ field: s.name, reason: `from ${from}` })), roles, unused };
}

/** Each sheet's role detected from its headers and values; the funnel proposed over the sheets that have one. */
export function detectSources(loaded: readonly LoadedSource[]): SourcesChoice {
  const detected = loaded.map((l) => ({ l, d: detectSource(l.name, l.table.headerRow, l.table.headers, l.table.sample, l.table.rows) }));
  const { mapping, reasons } = proposeSources(detected.map((x) => x.d));
  const roles = new Map(detected.filter((x) => x.d.role !== null).map((x) => [x.l.name, { role: x.d.role, reason: x.d.roleReason }]));
  const unused = detected.filter((x) => x.d.role === null).map((x) => ({ source: x.l, reason: `not used: ${x.d.roleReason}` }));
  return { mapping, source: "detected", reasons, roles, unused };
}
