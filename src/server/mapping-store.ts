// Keeps the funnel mapping in the document's properties, shared by everyone who works in the workbook; falls back to the setup sheet an uploaded workbook carries.
import type { SheetApi } from "./apps-script-api";
import { parseSetup, serializeMapping } from "./mapping/mapping-store-format";
import type { FunnelMapping } from "./mapping/mapping-types";
import type { SourcedMapping } from "./mapping/source-types";
import { UserFacingError } from "./data-sheet";
import { propertiesService, session, spreadsheetApp } from "./services";
import { isSetupSheet, SETUP_CHUNK, SETUP_SHEET_NAME, setupProperties } from "./setup-sheet-format";

export const MAPPING_KEY = "funnelKpis.mapping";
export const MAPPING_SAVED_KEY = "funnelKpis.mappingSaved";

export interface SavedMapping {
  mapping: FunnelMapping;
  /** ISO timestamp of the save. */
  savedAt: string;
  /**
   * True when the person asking saved it. The add-on's two scopes give no email address, so who saved is kept
   * as Apps Script's temporary user key, which names nobody and changes every 30 days: "by you" or nothing.
   */
  savedByYou: boolean;
}

/** A saved setup with several sources (format 3). */
export interface SavedSources {
  mapping: SourcedMapping;
  savedAt: string;
  savedByYou: boolean;
}

export type LoadedMapping =
  | { status: "none" }
  | { status: "ok"; saved: SavedMapping }
  | { status: "sources"; saved: SavedSources }
  | { status: "needs-setup"; message: string; savedAt: string };

interface SaveStamp {
  savedAt: string;
  /** Session.getTemporaryActiveUserKey() of whoever saved; "" when unknown (older saves kept an email, never shown). */
  savedByKey: string;
}

function readStamp(raw: string | null | undefined): SaveStamp {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === "object" && "savedAt" in parsed && typeof parsed.savedAt === "string") {
      const savedByKey = "savedByKey" in parsed && typeof parsed.savedByKey === "string" ? parsed.savedByKey : "";
      return { savedAt: parsed.savedAt, savedByKey };
    }
  } catch {
    // A damaged stamp only loses the "last saved" line, never the mapping.
  }
  return { savedAt: "", savedByKey: "" };
}

function currentUserKey(): string {
  try {
    return session().getTemporaryActiveUserKey();
  } catch {
    return "";
  }
}

/** The workbook's setup sheet, which a file saved by the preview or the CLI carries and an upload to Sheets keeps. */
function setupSheet(): SheetApi | null {
  return spreadsheetApp().getActiveSpreadsheet().getSheetByName(SETUP_SHEET_NAME);
}

/** The mapping and stamp stored in the document: its properties, or, right after an .xlsx upload, its setup sheet. */
function storedSetup(): { mapping: string | null; stamp: string | null } {
  const properties = propertiesService().getDocumentProperties();
  const mapping = properties.getProperty(MAPPING_KEY);
  if (mapping !== null) return { mapping, stamp: properties.getProperty(MAPPING_SAVED_KEY) };
  const sheet = setupSheet();
  if (sheet === null) return { mapping: null, stamp: null };
  const fromSheet = setupProperties(sheet.getDataRange().getValues());
  return { mapping: fromSheet.get(MAPPING_KEY) ?? null, stamp: fromSheet.get(MAPPING_SAVED_KEY) ?? null };
}

export function loadMapping(): LoadedMapping {
  const { mapping: raw, stamp: rawStamp } = storedSetup();
  if (raw === null) return { status: "none" };
  const stamp = readStamp(rawStamp);
  const parsed = parseSetup(raw);
  if (!parsed.ok) return { status: "needs-setup", message: parsed.message, savedAt: stamp.savedAt };
  const savedByYou = stamp.savedByKey !== "" && stamp.savedByKey === currentUserKey();
  const { setup } = parsed;
  if (setup.kind === "sources") return { status: "sources", saved: { mapping: setup.mapping, savedAt: stamp.savedAt, savedByYou } };
  return { status: "ok", saved: { mapping: setup.mapping, savedAt: stamp.savedAt, savedByYou } };
}

/**
 * Keeps a setup sheet the document already has in step with its properties, so a copy downloaded as .xlsx
 * carries the mapping saved last. Rows are updated in place: lists further down are referenced by position.
 */
function updateSetupSheet(values: Record<string, string>): void {
  const sheet = setupSheet();
  if (sheet === null) return;
  const rows = sheet.getDataRange().getValues();
  // A user's own sheet of that name is not ours to write.
  if (!isSetupSheet(rows)) return;
  let appendAt = rows.length + 1;
  for (const [key, value] of Object.entries(values)) {
    const pieces: string[] = [];
    for (let i = 0; i < value.length; i += SETUP_CHUNK) pieces.push(value.slice(i, i + SETUP_CHUNK));
    const found = rows.findIndex((row, r) => r > 0 && String(row[0]) === "property" && String(row[1]) === key);
    const row = found >= 0 ? found + 1 : appendAt++;
    const width = Math.max(pieces.length, found >= 0 ? rows[found].length - 2 : 0, 1);
    // An apostrophe keeps each piece text in Sheets, whatever it starts with ("=", "+", a digit).
    const line = ["property", key, ...Array.from({ length: width }, (_, i) => (pieces[i] === undefined ? "" : `'${pieces[i]}`))];
    sheet.getRange(row, 1, 1, line.length).setValues([line]);
  }
}

/** Saves a one-sheet mapping (format 2) or one with several sources (format 3) for everyone in the document. */
export function saveMapping(mapping: FunnelMapping, now?: Date): SavedMapping;
export function saveMapping(mapping: SourcedMapping, now?: Date): SavedSources;
export function saveMapping(mapping: FunnelMapping | SourcedMapping, now: Date = new Date()): SavedMapping | SavedSources {
  const serialized = serializeMapping(mapping);
  if (!serialized.ok) throw new UserFacingError("stages", serialized.message);
  const stamp: SaveStamp = { savedAt: now.toISOString(), savedByKey: currentUserKey() };
  const values = { [MAPPING_KEY]: serialized.json, [MAPPING_SAVED_KEY]: JSON.stringify(stamp) };
  propertiesService().getDocumentProperties().setProperties(values);
  try {
    updateSetupSheet(values);
  } catch {
    // A protected setup sheet the user may not edit stays as it was; the document's properties hold the truth.
  }
  return { mapping, savedAt: stamp.savedAt, savedByYou: stamp.savedByKey !== "" } as SavedMapping | SavedSources;
}
