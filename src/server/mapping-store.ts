// Keeps the funnel mapping in the document's properties, shared by everyone who works in the workbook.
import { parseMapping, serializeMapping } from "./mapping/mapping-store-format";
import type { FunnelMapping } from "./mapping/mapping-types";
import { UserFacingError } from "./data-sheet";
import { propertiesService, session } from "./services";

export const MAPPING_KEY = "funnelKpis.mapping";
export const MAPPING_SAVED_KEY = "funnelKpis.mappingSaved";

export interface SavedMapping {
  mapping: FunnelMapping;
  /** ISO timestamp of the save. */
  savedAt: string;
  /** Who saved it, when Apps Script may say (an empty string otherwise). */
  savedBy: string;
}

export type LoadedMapping =
  | { status: "none" }
  | { status: "ok"; saved: SavedMapping }
  | { status: "needs-setup"; message: string; savedAt: string };

interface SaveStamp {
  savedAt: string;
  savedBy: string;
}

function readStamp(raw: string | null): SaveStamp {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === "object" && "savedAt" in parsed && typeof parsed.savedAt === "string") {
      const savedBy = "savedBy" in parsed && typeof parsed.savedBy === "string" ? parsed.savedBy : "";
      return { savedAt: parsed.savedAt, savedBy };
    }
  } catch {
    // A damaged stamp only loses the "last saved" line, never the mapping.
  }
  return { savedAt: "", savedBy: "" };
}

export function loadMapping(): LoadedMapping {
  const properties = propertiesService().getDocumentProperties();
  const raw = properties.getProperty(MAPPING_KEY);
  if (raw === null) return { status: "none" };
  const stamp = readStamp(properties.getProperty(MAPPING_SAVED_KEY));
  const parsed = parseMapping(raw);
  if (!parsed.ok) return { status: "needs-setup", message: parsed.message, savedAt: stamp.savedAt };
  return { status: "ok", saved: { mapping: parsed.mapping, ...stamp } };
}

export function saveMapping(mapping: FunnelMapping, now: Date = new Date()): SavedMapping {
  const serialized = serializeMapping(mapping);
  if (!serialized.ok) throw new UserFacingError("stages", serialized.message);
  let savedBy = "";
  try {
    savedBy = session().getActiveUser().getEmail();
  } catch {
    // Consumer accounts may hide the address; the save itself must not fail for it.
  }
  const stamp: SaveStamp = { savedAt: now.toISOString(), savedBy };
  propertiesService().getDocumentProperties().setProperties({
    [MAPPING_KEY]: serialized.json,
    [MAPPING_SAVED_KEY]: JSON.stringify(stamp),
  });
  return { mapping, ...stamp };
}
