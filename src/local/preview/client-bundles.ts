// Bundles the preview's browser code (the page app and the google.script.run shim) with esbuild when the server starts.
import { build } from "esbuild";
import { join } from "node:path";

export interface ClientBundles {
  app: string;
  shim: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, "client", entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

export async function clientBundles(): Promise<ClientBundles> {
  const [app, shim] = await Promise.all([bundle("preview-app.ts"), bundle("script-run-shim.ts")]);
  return { app, shim };
}
