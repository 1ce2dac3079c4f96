// The Apps Script manifest and clasp settings: minimal scopes, V8, and clasp pushing the built folder.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), "utf8"));

describe("appsscript.json", () => {
  const manifest = readJson("appsscript.json");

  it("asks for exactly the two minimal scopes", () => {
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
    ]);
  });

  it("runs on V8 with exception logging", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
  });

  it("is copied unchanged into build/ for clasp", () => {
    expect(readJson("build/appsscript.json")).toEqual(manifest);
  });
});

describe(".clasp.json", () => {
  it("pushes build/ and carries a placeholder id the README explains", () => {
    const clasp = readJson(".clasp.json");
    expect(clasp.rootDir).toBe("build");
    expect(clasp.scriptId).toBe("REPLACE_WITH_YOUR_SCRIPT_ID");
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain("REPLACE_WITH_YOUR_SCRIPT_ID");
  });
});
