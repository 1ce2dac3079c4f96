// Bundles the sidebar client (TypeScript and CSS) and inlines both into its HTML shell, giving one self-contained file.
import { build, transform } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const STYLE_SLOT = "<!-- inline: sidebar.css -->";
const SCRIPT_SLOT = "<!-- inline: main.ts -->";

async function bundleClient(clientDir: string): Promise<string> {
  const result = await build({
    entryPoints: [join(clientDir, "main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    // HtmlService sidebars run in the user's browser; Sheets supports only current browsers.
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

async function minifyCss(clientDir: string): Promise<string> {
  const css = readFileSync(join(clientDir, "sidebar.css"), "utf8");
  return (await transform(css, { loader: "css", minify: true })).code;
}

// A script or style that contained its own closing tag would end the element early and spill into the page.
function assertInlineSafe(code: string, tag: "script" | "style"): void {
  if (new RegExp(`</${tag}`, "i").test(code)) throw new Error(`build: the sidebar's inlined ${tag} contains </${tag}`);
}

function fillSlot(html: string, slot: string, content: string): string {
  const at = html.indexOf(slot);
  if (at < 0 || html.indexOf(slot, at + 1) >= 0) throw new Error(`build: sidebar.html must hold "${slot}" exactly once`);
  // Sliced rather than String.replace, whose "$&"-style patterns the minified bundle may well contain.
  return html.slice(0, at) + content + html.slice(at + slot.length);
}

export async function buildSidebarHtml(clientDir: string): Promise<string> {
  const [script, css] = await Promise.all([bundleClient(clientDir), minifyCss(clientDir)]);
  assertInlineSafe(script, "script");
  assertInlineSafe(css, "style");
  const shell = readFileSync(join(clientDir, "sidebar.html"), "utf8");
  const html = fillSlot(fillSlot(shell, STYLE_SLOT, `<style>${css}</style>`), SCRIPT_SLOT, `<script>${script}</script>`);
  if (/<(script|link|img)\b[^>]*\b(src|href)\s*=/i.test(html)) {
    throw new Error("build: Sidebar.html must not load anything from elsewhere");
  }
  return html;
}
