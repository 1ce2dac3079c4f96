// The OAuth scopes the emulated project holds (the manifest's, by default) and the calls that need one of them, as Apps Script enforces.
import manifest from "../../../appsscript.json";

export const SCOPES = {
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  spreadsheetsCurrentOnly: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  userinfoEmail: "https://www.googleapis.com/auth/userinfo.email",
} as const;

/** What appsscript.json grants: an add-on with explicit scopes gets these and nothing else. */
export const MANIFEST_SCOPES: readonly string[] = manifest.oauthScopes;

const SPREADSHEET_ACCESS = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];

/**
 * Calls that fail without one of their scopes, by "Class.method" or "Class.*" (from the Apps Script
 * reference's Authorization sections). Session's user calls are not here: without userinfo.email Apps
 * Script still answers, with a blank email (see session.ts).
 */
const REQUIRED: Record<string, readonly string[]> = {
  "SpreadsheetApp.getActiveSpreadsheet": SPREADSHEET_ACCESS,
  "SpreadsheetApp.getActive": SPREADSHEET_ACCESS,
  "SpreadsheetApp.getActiveSheet": SPREADSHEET_ACCESS,
  "Ui.*": [SCOPES.containerUi],
};

function requiredFor(label: string): readonly string[] | undefined {
  return REQUIRED[label] ?? REQUIRED[`${label.slice(0, label.indexOf("."))}.*`];
}

/** Apps Script's refusal, worded as it is: the call, then every scope that would have allowed it. */
export function checkScopes(label: string, granted: ReadonlySet<string>): void {
  const required = requiredFor(label);
  if (required === undefined || required.some((scope) => granted.has(scope))) return;
  const error = new Error(`Specified permissions are not sufficient to call ${label}. Required permissions: (${required.join(" || ")})`);
  error.name = "Exception";
  throw error;
}
