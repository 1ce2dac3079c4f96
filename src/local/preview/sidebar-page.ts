// Serves add-on HTML (the built sidebar, or what a run asked to show) with the google.script.run shim injected first.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SHIM_TAG = '<script src="/shim.js"></script>';

/** The shim must run before the page's own scripts, as google.script exists before any Apps Script page code. */
export function withShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}${SHIM_TAG}${html.slice(head.index + head[0].length)}`;
  return `${SHIM_TAG}${html}`;
}

export function sidebarHtml(buildDir: string): string {
  const file = join(buildDir, "Sidebar.html");
  if (existsSync(file)) return withShim(readFileSync(file, "utf8"));
  return withShim(`<!doctype html><html><head><meta charset="utf-8"><style>body{font:13px system-ui,sans-serif;padding:16px;color:#3c4043}</style></head>
<body><h3>The sidebar is not built</h3><p>There is no <code>build/Sidebar.html</code> yet. Run <code>npm run build</code> (the sidebar wizard is built from <code>src/client</code>) and reopen this panel.</p></body></html>`);
}
