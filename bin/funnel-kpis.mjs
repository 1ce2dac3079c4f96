#!/usr/bin/env node
// Launches the funnel-kpis command line from its TypeScript source through tsx (a devDependency), so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/local/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
