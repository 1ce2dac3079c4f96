// Converts files with LibreOffice in one headless call, in a fresh profile that recalculates every formula of an .xlsx on load.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p)) ?? "soffice";

/** OOXMLRecalcMode 0 is "always recalculate": without it LibreOffice would show the cached values it was given. */
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Writes each input as .xlsx into `outDir` (same base name) with one soffice process; returns the output paths. */
export function convertToXlsx(inputs: readonly string[], workDir: string): string[] {
  const profile = join(workDir, "lo-profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALCULATE_ON_LOAD);
  const outDir = join(workDir, "lo-out");
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, ...inputs], {
      stdio: "pipe",
      timeout: 180_000,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`LibreOffice (${SOFFICE}) could not convert the files; install Debian's libreoffice-calc-nogui (.ci/run does). ${why}`);
  }
  const outputs = inputs.map((input) => join(outDir, `${input.replace(/^.*\//, "").replace(/\.[^.]+$/, "")}.xlsx`));
  for (const out of outputs) if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return outputs;
}
