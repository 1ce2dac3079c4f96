#!/usr/bin/env node
// Runs the funnel-kpis command line from its esbuild bundle in dist/cli, building it first when it is missing or older than src/.
import { ensureCliBundle } from "../scripts/build-cli.mjs";

// `funnel-kpis ... | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

let entry;
try {
  entry = await ensureCliBundle();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const { runCli } = await import(entry);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
