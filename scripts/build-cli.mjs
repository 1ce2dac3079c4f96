// Bundles the command line (src/local/cli) with esbuild into dist/cli/, and rebuilds it when any source is newer; plain JavaScript so bin/ can run it without tsx.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_DIR = join(root, "dist", "cli");
export const CLI_ENTRY = join(CLI_DIR, "main.mjs");

/** Loaded from node_modules at run time: large, and only needed once a file is read (never for --help). */
const EXTERNAL = ["exceljs", "hyperformula"];

/** Everything the bundle is made from: a change to any of them makes it stale. */
const INPUTS = [join(root, "src"), join(root, "package-lock.json"), fileURLToPath(import.meta.url)];

function newestMtime(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function cliBundleIsFresh() {
  const built = statSync(CLI_ENTRY, { throwIfNoEntry: false });
  return built !== undefined && INPUTS.every((input) => newestMtime(input) <= built.mtimeMs);
}

/**
 * Builds into a fresh folder and swaps it in, so a run that starts meanwhile sees the old bundle or the new one,
 * never half of either, and two builds at once cannot mix their files.
 */
export async function buildCliBundle() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("funnel-kpis: the command line is not built and esbuild is not installed; run `npm install` in the project first");
  }
  const staging = join(root, "dist", `.cli-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: { main: join(root, "src/local/cli/main.ts") },
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      external: EXTERNAL,
      // CommonJS packages bundled into ESM still call require() for Node's own modules.
      banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
      legalComments: "none",
      logLevel: "silent",
    });
    writeFileSync(join(staging, "package.json"), '{ "type": "module" }\n');
    const old = join(root, "dist", `.cli-old-${process.pid}-${Date.now()}`);
    if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
    try {
      renameSync(staging, CLI_DIR);
    } catch (error) {
      // Another build swapped its folder in first: its bundle is as good as this one.
      if (!existsSync(CLI_ENTRY)) throw error;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return CLI_ENTRY;
}

/** The bundle's entry file, built first when it is missing or older than its sources. */
export async function ensureCliBundle() {
  if (!cliBundleIsFresh()) await buildCliBundle();
  return CLI_ENTRY;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCliBundle();
  console.log(`build: wrote ${join("dist", "cli")} (the funnel-kpis command line)`);
}
