// How a UserFacingError's field crosses google.script.run, which hands the sidebar only the error's message.

export interface WireError {
  /** The control the problem belongs to ("sheetName", "stage:leads"...), or null when it is about no one control. */
  field: string | null;
  message: string;
}

// A marker unlikely in a real sentence, kept at the end so a message read anywhere else still starts with its words.
const MARKER = /\s*\[\[field=([A-Za-z0-9_:.-]{1,80})\]\]\s*$/;

export function encodeFieldError(field: string, message: string): string {
  return `${message} [[field=${field}]]`;
}

/** Apps Script may prefix messages ("Exception: ..."), so the marker is looked for at the end only. */
export function decodeFieldError(raw: string): WireError {
  const match = MARKER.exec(raw);
  if (!match) return { field: null, message: raw };
  // Our own message needs no "Exception:" label in front of it.
  return { field: match[1], message: raw.slice(0, match.index).replace(/^Exception:\s*/, "") };
}
