// Bundles the preview's browser code with esbuild when the server starts: the page app (with Chart.js from node_modules, never a CDN), and the sidebar host's google.script.run over HTTP.
import { build } from "esbuild";
import { join } from "node:path";
import { scriptRunShim } from "../sidebar-host";
import { TRANSPORT_GLOBAL } from "./client/run-transport";

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
    // Chart.js is most of the page's code; its licence comment stays at the end.
    minify: true,
    legalComments: "eof",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

export async function clientBundles(): Promise<ClientBundles> {
  const [app, transport] = await Promise.all([bundle("preview-app.ts"), bundle("run-transport.ts")]);
  // The same shim the sidebar tests load, so the preview's sidebar behaves as it does there.
  return { app, shim: `${transport}\n${scriptRunShim(TRANSPORT_GLOBAL)}` };
}
