// Runs before `npm start` and `npm test`: on a fresh clone, installs the pinned packages, bundles the command line (and, for tests, installs Debian's Chromium).
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const installedLock = join(root, "node_modules", ".package-lock.json");
const lock = join(root, "package-lock.json");

function run(command, args) {
  console.error(`setup: ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: root, stdio: "inherit" });
}

// npm writes node_modules/.package-lock.json on every install: missing or older than the lock file means stale.
if (!existsSync(installedLock) || statSync(installedLock).mtimeMs < statSync(lock).mtimeMs) {
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

// After any install: the packages the bundle is built from may have changed.
const { ensureCliBundle } = await import("./build-cli.mjs");
await ensureCliBundle();

const CHROMIUM = "/usr/bin/chromium";
if (process.argv.includes("--browser") && !existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    process.env.DEBIAN_FRONTEND = "noninteractive";
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"]);
  } else {
    console.error(`setup: the browser tests need Debian's Chromium at ${CHROMIUM}: run "sudo apt-get install chromium" first.`);
  }
}
